// Builds, in this order (rollup runs an array of configs one after another):
//  1. the script tag's lazy files (the list in src/lazyFiles.ts): ES modules in
//     dist/, content-hashed, plus the phone metadata split per calling-code
//     group in dist/meta-<hash>/;
//  2. dist/ringback.js, the classic script a site's tag loads, told the names
//     of the files of step 1;
//  3. the npm package's lazy files in dist/npm/lazy/, the same list;
//  4. the npm entry points in dist/npm/ (index, forms, schema), which import
//     step 3's files dynamically and share no module with them, as the tag's
//     first file shares none with its lazy files: an application's bundler
//     then puts nothing of the lazy files in its first load;
//  5. one rolled-up declaration file per entry point (dist/npm/*.d.ts).
// Dependencies stay external in the npm package, but for ua-parser-js: it is
// CommonJS, and CommonJS anywhere in a package makes esbuild's code
// splitting add its interop helpers to the application's first load.
import { createHash } from 'node:crypto'
import { existsSync, readFileSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import commonjs from '@rollup/plugin-commonjs'
import nodeResolve from '@rollup/plugin-node-resolve'
import terser from '@rollup/plugin-terser'
import typescript from '@rollup/plugin-typescript'
import { dts } from 'rollup-plugin-dts'
import ts from 'typescript'

const require = createRequire(import.meta.url)
// Hashed names change with every edit: start from an empty dist/ so old files never linger.
rmSync(new URL('./dist', import.meta.url), { recursive: true, force: true })
const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'))

/**
 * The lazy files as src/lazyFiles.ts lists them, read with TypeScript's
 * parser: each group (`export const formsFiles = { … }`) maps names to
 * sources (`name: () => import('./path')`).
 */
function readLazyFiles(file) {
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest)
  const groups = {}
  const visit = (node, group) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name)) group = groups[node.name.text] = {}
    const body = ts.isPropertyAssignment(node) && ts.isArrowFunction(node.initializer) && node.initializer.body
    if (group && body && ts.isCallExpression(body) && body.expression.kind === ts.SyntaxKind.ImportKeyword) {
      const path = join(dirname(file), body.arguments[0].text)
      group[node.name.text] = ['.ts', '.tsx'].map((ext) => path + ext).find(existsSync)
    }
    ts.forEachChild(node, (child) => visit(child, group))
  }
  visit(source)
  for (const [name, group] of Object.entries(groups)) if (!Object.keys(group).length) delete groups[name]
  const files = Object.values(groups).flatMap((group) => Object.entries(group))
  if (!files.length || files.some(([, path]) => !path)) {
    throw new Error(`${file}: expected groups of \`name: () => import('./path')\` naming source files`)
  }
  return groups
}
const LAZY_LIST = 'src/lazyFiles.ts'
const LAZY_GROUPS = readLazyFiles(LAZY_LIST)
/** Every lazy file: name → source. */
const LAZY = Object.assign({}, ...Object.values(LAZY_GROUPS))

const metadata = JSON.parse(readFileSync(require.resolve('libphonenumber-js/metadata.min.json'), 'utf8'))
// A mobile number per country (national digits): the widget's placeholder. People give a mobile for a callback.
const examples = JSON.parse(readFileSync(require.resolve('libphonenumber-js/examples.mobile.json'), 'utf8'))
const metaDir = 'meta-' + createHash('sha256').update(JSON.stringify(metadata)).digest('hex').slice(0, 10)

/** Every country libphonenumber-js knows → its calling code. */
const groupOf = {}
for (const [code, countries] of Object.entries(metadata.country_calling_codes)) {
  for (const country of countries) groupOf[country] = code
}

/**
 * libphonenumber-js's `min` metadata, one module per country holding its whole
 * calling-code group (GB.js holds GB, GG, IM and JE: +44 needs them all) with
 * each member's example number, and `all.js` as the fallback for numbers from
 * anywhere, without examples (a kilobyte more for every site that offers the
 * world: the example of the country picked comes with its own group's file).
 */
function phoneMetadata(dir) {
  return {
    name: 'phone-metadata',
    generateBundle() {
      const emit = (name, value) => this.emitFile({ type: 'asset', fileName: `${dir}/${name}.js`, source: 'export default ' + JSON.stringify(value) })
      for (const [country, code] of Object.entries(groupOf)) {
        const members = metadata.country_calling_codes[code]
        emit(country, {
          version: metadata.version,
          country_calling_codes: { [code]: members },
          countries: Object.fromEntries(members.map((c) => [c, metadata.countries[c]])),
          examples: Object.fromEntries(members.filter((c) => examples[c]).map((c) => [c, examples[c]]))
        })
      }
      emit('all', metadata)
    }
  }
}

/**
 * Writes the npm build's map of those modules into src/phone/importMetadata.ts,
 * one literal `import()` per country; each module stays a file of its own in
 * `dist/npm/meta/` (emitted by `phoneMetadata`).
 */
function importMetadataMap() {
  return {
    name: 'import-metadata-map',
    transform(code, id) {
      if (!id.endsWith('importMetadata.ts')) return null
      const map = [...Object.keys(groupOf), 'all'].map((name) => `${JSON.stringify(name)}: () => import('${NPM}meta/${name}.js')`)
      return code.replaceAll('__RINGBACK_META_IMPORTS__', `{ ${map.join(', ')} }`)
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
 * Code of ours that two or more lazy files use (the request builder with the
 * visit's classification, the config check with the opening-hours clock it
 * builds, small helpers) is one file, `shared`, with a stable name and its
 * own budget: each file is one more request on a click. A lazy file "uses" a
 * module it reaches through static or dynamic imports.
 */
function sharedChunk() {
  const roots = new Set(Object.values(LAZY).map((path) => resolve(path)))
  const rootsReaching = (id, getModuleInfo) => {
    const found = new Set()
    const seen = new Set([id])
    const queue = [id]
    while (queue.length) {
      const current = queue.pop()
      if (roots.has(current)) {
        found.add(current)
        continue
      }
      const { importers, dynamicImporters } = getModuleInfo(current)
      for (const next of [...importers, ...dynamicImporters]) {
        if (seen.has(next)) continue
        seen.add(next)
        queue.push(next)
      }
    }
    return found
  }
  return (id, { getModuleInfo }) => (/[\\/]src[\\/]/.test(id) && !roots.has(id) && rootsReaching(id, getModuleInfo).size > 1 ? 'shared' : undefined)
}

/**
 * Collects the hashed names of the lazy entries, each followed by the files it
 * imports statically (transitively), so that the loader can request the
 * whole graph side by side: `import()` would ask for the imports only once
 * the file is parsed, and `<link rel=modulepreload>` fetches the one module
 * it names.
 */
const chunks = {}
/**
 * Files a lazy file imports itself that its loader fetches beside it: a panel
 * that opens on the scheduling choices (the business closed) waits for their
 * file, which would otherwise be asked for only once the panel's file runs.
 */
const PRELOAD_WITH = { panel: /[\\/]widget[\\/]views[\\/]SchedulePicker\.tsx$/ }
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
        const withIt = PRELOAD_WITH[file.name]
        for (const dep of file.dynamicImports) if (withIt && withIt.test(bundle[dep].facadeModuleId || '')) visit(dep)
        chunks[file.name] = files
      }
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
      return code.replaceAll('__RINGBACK_CHUNKS__', JSON.stringify(chunks)).replaceAll('__RINGBACK_META__', JSON.stringify(metaDir))
    }
  }
}

const browserTs = (outDir = 'dist') => typescript({ tsconfig: './tsconfig.build.json', outDir, noCheck: true })

/** The npm package's dependencies, left for the application to install (and deduplicate). */
const dependency = (id) => Object.keys(pkg.dependencies).some((dep) => id === dep || id.startsWith(dep + '/'))

/**
 * Imports of the entry points' build that point at other files of dist/npm
 * (the lazy build, the phone metadata) are written `<NPM>lazy/forms.js` and
 * made relative to each chunk as it is written.
 */
const NPM = 'ringback-npm:'
function npmPaths() {
  return {
    name: 'npm-paths',
    resolveId: (source) => (source.startsWith(NPM) ? { id: source, external: true } : null),
    renderChunk: (code, chunk) => code.replaceAll(`'${NPM}`, `'${relative(dirname(chunk.fileName), '.') || '.'}/`)
  }
}

/**
 * In the entry points' build, src/lazyFiles.ts is one module per group, each
 * `import()` pointing at step 3's build of the file. `ringback/forms`, which
 * uses the forms group alone, then never reaches the widget's `import()`:
 * an application's bundler would emit the panel for it, never to be loaded.
 */
function lazyGroups() {
  const LIST = '\0lazy-files'
  const GROUP = '\0lazy-group:'
  return {
    name: 'lazy-groups',
    async resolveId(source, importer, options) {
      if (source.startsWith(GROUP)) return source
      const resolved = importer && (await this.resolve(source, importer, { ...options, skipSelf: true }))
      return resolved && resolved.id === resolve(LAZY_LIST) ? LIST : null
    },
    load(id) {
      if (id === LIST)
        return Object.keys(LAZY_GROUPS)
          .map((group) => `export { ${group} } from '${GROUP}${group}'`)
          .join('\n')
      if (!id.startsWith(GROUP)) return null
      const group = id.slice(GROUP.length)
      const files = Object.keys(LAZY_GROUPS[group]).map((name) => `${name}: () => import('${NPM}lazy/${name}.js')`)
      return `export const ${group} = { ${files.join(', ')} }`
    }
  }
}

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
    // The panel's file may export what its own lazy views import from it
    // (Preact, signals) rather than hide behind a facade file: one request less.
    preserveEntrySignatures: 'allow-extension',
    plugins: [forbidZod(), nodeResolve({ browser: true }), commonjs(), browserTs(), phoneMetadata(metaDir), recordChunks()],
    output: {
      dir: 'dist',
      format: 'es',
      entryFileNames: 'ringback-[name]-[hash].js',
      chunkFileNames: 'ringback-[name]-[hash].js',
      manualChunks: sharedChunk(),
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
      // Properties named `_x` never leave the first file (see src/core/createPrivacy.ts): one letter each.
      plugins: [minify({ module: false, ...(readable ? {} : { mangle: { properties: { regex: /^_/ } } }), format: { comments: /^!/ } })]
    }
  },
  {
    input: LAZY,
    onwarn,
    external: dependency,
    plugins: [forbidZod(), nodeResolve({ browser: true }), commonjs(), browserTs('dist/npm/lazy')],
    output: {
      dir: 'dist/npm/lazy',
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: '[name]-[hash].js',
      manualChunks: sharedChunk()
    }
  },
  {
    input: { index: 'src/index.ts', forms: 'src/forms.ts', schema: 'src/schema.ts' },
    onwarn,
    external: dependency,
    plugins: [lazyGroups(), npmPaths(), importMetadataMap(), browserTs('dist/npm'), phoneMetadata('meta')],
    output: {
      dir: 'dist/npm',
      format: 'es',
      // Code both `ringback` and `ringback/forms` (or `ringback/schema`) use.
      chunkFileNames: (chunk) => (chunk.isDynamicEntry ? 'chunks/[name]-[hash].js' : 'chunks/shared-[hash].js'),
      hoistTransitiveImports: false
    }
  },
  // One self-contained declaration file per entry point: no relative imports
  // left for `moduleResolution: node16` to fail on.
  ...['index', 'forms', 'schema'].map((name) => ({
    input: `src/${name}.ts`,
    onwarn,
    external: dependency,
    plugins: [dts({ tsconfig: './tsconfig.build.json', compilerOptions: { noCheck: true } })],
    output: { file: `dist/npm/${name}.d.ts`, format: 'es' }
  }))
]
