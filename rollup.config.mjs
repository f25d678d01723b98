// Builds, in this order (rollup runs an array of configs one after another):
//  1. the script tag's lazy files: ES modules in dist/, content-hashed, plus the
//     phone metadata split per calling-code group in dist/meta-<hash>/;
//  2. dist/ringback.js, the classic script a site's tag loads, told the names
//     of the files of step 1;
//  3. the npm package in dist/npm/ (ESM + .d.ts), dependencies left external.
import { createHash } from 'node:crypto'
import { readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import commonjs from '@rollup/plugin-commonjs'
import nodeResolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'

const require = createRequire(import.meta.url)
// Hashed names change with every edit: start from an empty dist/ so old files never linger.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true })
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

/** The script build's lazy entries: name → source. `src/core/host.ts` names the same set. */
const LAZY = {
  forms: 'src/forms/processForm.ts',
  panel: 'src/widget/panel.tsx',
  phone: 'src/phone/phone.ts',
  device: 'src/context/parseDevice.ts',
  delivery: 'src/core/startDelivery.ts'
}

const metadata = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.min.json'), 'utf8'))
const metaDir = 'meta-' + createHash('sha256').update(JSON.stringify(metadata)).digest('hex').slice(0, 10)

/**
 * libphonenumber-js's `min` metadata, one module per country holding its whole
 * calling-code group (GB.js holds GB, GG, IM and JE: +44 needs them all), and
 * `all.js` as the fallback for numbers from anywhere.
 */
function phoneMetadata(dir) {
  return {
    name: 'phone-metadata',
    generateBundle() {
      const groupOf = {}
      for (const [code, countries] of Object.entries(metadata.country_calling_codes)) {
        for (const country of countries) groupOf[country] = code
      }
      const emit = (name, value) =>
        this.emitFile({ type: 'asset', fileName: `${dir}/${name}.js`, source: 'export default ' + JSON.stringify(value) })
      for (const [country, code] of Object.entries(groupOf)) {
        const members = metadata.country_calling_codes[code]
        emit(country, {
          version: metadata.version,
          country_calling_codes: { [code]: members },
          countries: Object.fromEntries(members.map((c) => [c, metadata.countries[c]]))
        })
      }
      emit('all', metadata)
    }
  }
}

/**
 * Browser builds carry no zod at all: classic zod is 3.3x the bytes of
 * zod/mini for the same schema, and even zod/mini cannot build its schemas on
 * a page that adds enumerable properties to `Object.prototype`. The browser
 * checks the config by hand (src/core/parseConfig.ts); `import type` is free.
 */
function forbidZod() {
  return {
    name: 'forbid-zod',
    load(id) {
      if (/[\\/]node_modules[\\/]zod[\\/]/.test(id)) {
        this.error(`zod reached browser code (${id}): browser code checks data by hand, see src/core/parseConfig.ts`)
      }
      return null
    }
  }
}

/**
 * Collects the hashed names of the lazy entries, each followed by the files it
 * imports statically (transitively), so that the loader can request the
 * whole graph side by side: `import()` would ask for the imports only once
 * the file is parsed, and `<link rel=modulepreload>` fetches the one module
 * it names.
 */
const chunks = {}
function recordChunks() {
  return {
    name: 'record-chunks',
    generateBundle(_, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'chunk' || !file.isEntry) continue
        const files = []
        const visit = (name) => {
          if (files.includes(name)) return
          files.push(name)
          for (const dep of bundle[name].imports) visit(dep)
        }
        visit(file.fileName)
        chunks[file.name] = files
      }
      // A focus in a form asks for the forms file, which then asks for phone
      // validation: preloading both at once saves a round trip before a
      // quick submit. (The panel keeps it for after its first render.)
      for (const name of chunks.phone || []) if (chunks.forms && !chunks.forms.includes(name)) chunks.forms.push(name)
    }
  }
}

/** Replaces the loader's placeholders with the names recorded by the lazy build. */
function injectChunks() {
  return {
    name: 'inject-chunks',
    transform(code, id) {
      if (!id.endsWith('scriptLoader.ts')) return null
      if (Object.keys(chunks).length !== Object.keys(LAZY).length) this.error('lazy files were not built first')
      return code
        .replaceAll('__RINGBACK_CHUNKS__', JSON.stringify(chunks))
        .replaceAll('__RINGBACK_META__', JSON.stringify(metaDir))
    }
  }
}

const browserTs = () =>
  typescript({ tsconfig: './tsconfig.build.json', declaration: false, declarationDir: undefined, outDir: 'dist' })

// RINGBACK_READABLE=1 keeps names and lines (same compression) so that `npm run profile`
// can say which function the time goes to.
const readable = !!process.env.RINGBACK_READABLE
const minify = (extra = {}) =>
  terser({
    ecma: 2020,
    module: true,
    compress: { passes: 3, pure_getters: true },
    ...(readable ? { mangle: false } : {}),
    ...extra,
    format: { comments: false, ...(readable ? { beautify: true } : {}), ...extra.format }
  })

/** Known, harmless warnings of dependencies; anything else is shown. */
const onwarn = (warning, warn) => {
  if (warning.code === 'CIRCULAR_DEPENDENCY' && /node_modules/.test(warning.message)) return
  if (warning.code === 'INVALID_ANNOTATION' && /node_modules/.test(warning.id || '')) return
  if (warning.code === 'THIS_IS_UNDEFINED' && /ua-parser-js/.test(warning.id || '')) return
  warn(warning)
}

export default [
  {
    input: LAZY,
    onwarn,
    plugins: [forbidZod(), nodeResolve({ browser: true }), commonjs(), browserTs(), phoneMetadata(metaDir), recordChunks()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'ringback-[name]-[hash].js',
      chunkFileNames: 'ringback-[name]-[hash].js',
      // Code that both the forms file and the panel use is one file with a
      // stable name and its own budget: the request builder with the visit's
      // classification, the config check with the opening-hours clock it
      // builds, and two helpers too small to be files of their own (each
      // file is one more request on a click).
      manualChunks: (id) =>
        /[\\/]src[\\/](?:core[\\/](?:buildRequest|redactUrl|randomId|trackVisit|parseConfig|openingHours|maskPhone)|widget[\\/]adoptStyles|context[\\/](?!parseDevice))/.test(id)
          ? 'request'
          : undefined,
      plugins: [minify()]
    }
  },
  {
    input: 'src/boot.ts',
    onwarn,
    plugins: [forbidZod(), injectChunks(), nodeResolve({ browser: true }), commonjs(), browserTs()],
    output: {
      file: 'dist/ringback.js',
      format: 'iife',
      banner: `/*! ringback ${pkg.version} | MIT */`,
      plugins: [minify({ module: false, format: { comments: /^!/ } })]
    }
  },
  {
    input: { index: 'src/index.ts', forms: 'src/forms.ts', schema: 'src/schema.ts' },
    onwarn,
    external: (id) => Object.keys(pkg.dependencies).some((dep) => id === dep || id.startsWith(dep + '/')),
    plugins: [
      typescript({ tsconfig: './tsconfig.build.json', outDir: 'dist/npm', declarationDir: 'dist/npm' }),
      phoneMetadata('meta')
    ],
    output: { dir: 'dist/npm', format: 'es', chunkFileNames: 'chunks/[name]-[hash].js', hoistTransitiveImports: false }
  }
]
