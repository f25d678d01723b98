// An esbuild config for a size-limit check (its "config" in size-limit.json):
// an application's production bundle of `code`, split as its bundler splits
// it, of which only what the browser loads before any `import()` runs is
// measured: the entry file and the files it imports statically.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..', '..')

export function firstLoad(name, code) {
  // A directory of its own: two size runs at once (two checkouts) must not
  // delete each other's output.
  const outdir = mkdtempSync(join(tmpdir(), 'ringback-size-' + name + '-'))
  return {
    // From the repository root `ringback` resolves to this package, through its exports.
    stdin: { contents: code, resolveDir: ROOT, sourcefile: name + '.js' },
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    outdir,
    metafile: true,
    logLevel: 'error',
    plugins: [
      {
        name: 'first-load',
        setup(build) {
          // size-limit measures every output the metafile lists: keep the first load's.
          build.onEnd(({ metafile }) => {
            if (!metafile) return
            const outputs = metafile.outputs
            const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint === name + '.js')
            const first = {}
            const visit = (file) => {
              if (first[file]) return
              first[file] = outputs[file]
              for (const { path, kind } of outputs[file].imports) if (kind === 'import-statement') visit(path)
            }
            visit(entry)
            metafile.outputs = first
          })
        }
      }
    ]
  }
}
