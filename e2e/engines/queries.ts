import { buildSync } from 'esbuild'

let bundle: string | undefined

/**
 * An expression that runs `call` (`find(...)`, `focused()`: inPage.ts) in
 * the page, installing inPage.ts there first if this document has not got it.
 * Either driver evaluates it as it is.
 */
export function inPage(call: string): string {
  bundle ||= buildSync({
    entryPoints: [new URL('./inPage.ts', import.meta.url).pathname],
    bundle: true,
    format: 'iife',
    globalName: 'engines',
    write: false,
    minify: true,
    logLevel: 'silent'
  }).outputFiles[0]!.text
  const key = JSON.stringify('__enginesQueries')
  return `(() => { if (!window[${key}]) { ${bundle}; Object.defineProperty(window, ${key}, { value: engines }) } return window[${key}].${call} })()`
}

/** A call of one of inPage.ts's functions with JSON arguments. */
export const call = (name: string, ...args: unknown[]) => `${name}(${args.map((arg) => JSON.stringify(arg)).join(',')})`
