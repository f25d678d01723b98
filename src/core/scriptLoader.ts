import type { ChunkName, Loader } from './host'

/** File names of the lazy chunks, with their content hashes; filled in by the build. */
declare const __RINGBACK_CHUNKS__: Record<ChunkName, string>
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
    chunk: (name) => import(/* @vite-ignore */ base + __RINGBACK_CHUNKS__[name]),
    prefetch(name) {
      const link = document.createElement('link')
      link.rel = 'modulepreload'
      link.href = base + __RINGBACK_CHUNKS__[name]
      document.head.appendChild(link)
      return () => link.remove()
    },
    meta: (country) => import(/* @vite-ignore */ base + __RINGBACK_META__ + '/' + country + '.js')
  }
}
