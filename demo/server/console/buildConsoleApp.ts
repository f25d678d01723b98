import { build } from 'esbuild'
import { fileURLToPath } from 'node:url'

/**
 * Bundles the console's browser code (Preact) with esbuild, in memory. The
 * SDK's rollup build is not involved: the console is part of the reference
 * receiver, not of what sites load.
 */
export async function buildConsoleApp(): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('./app/main.tsx', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2020',
    minify: true,
    jsx: 'automatic',
    jsxImportSource: 'preact',
    legalComments: 'none',
    logLevel: 'silent'
  })
  return result.outputFiles[0]!.text
}
