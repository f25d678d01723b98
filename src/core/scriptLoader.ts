import type { ChunkName, Loader } from './host'

/**
 * File names of the lazy chunks, with their content hashes, each followed by
 * the files it imports statically; filled in by the build.
 */
declare const __RINGBACK_CHUNKS__: Record<ChunkName, string[]>
// Named once: the build writes the list where the placeholder stands.
const CHUNKS = __RINGBACK_CHUNKS__
/** The versioned folder of the per-country phone metadata; filled in by the build. */
declare const __RINGBACK_META__: string

/**
 * The script tag's loader: lazy files are ES modules next to the script
 * (`base` comes from the script's own `src`), loaded with `import()`, which
 * classic scripts can call. Their names carry content hashes, so a CDN may
 * cache them forever.
 */
export function scriptLoader(base: string): Loader {
  return {
    chunk: (name) => import(/* @vite-ignore */ base + CHUNKS[name][0]),
    // The whole static graph, fetched and compiled, not run: a module
    // preloaded alone would still wait for its imports when it is run.
    prefetch(name) {
      const links = CHUNKS[name].map((file) => {
        const link = document.createElement('link')
        link.rel = 'modulepreload'
        link.href = base + file
        return document.head.appendChild(link)
      })
      return () => links.forEach((link) => link.remove())
    },
    meta: (country) => import(/* @vite-ignore */ base + __RINGBACK_META__ + '/' + country + '.js')
  }
}
