import type { Loader } from './host'

/**
 * File names of the lazy chunks, with their content hashes, each followed by
 * the files it imports statically; filled in by the build.
 */
declare const __RINGBACK_CHUNKS__: Record<string, string[]>
// Named once: the build writes the list where the placeholder stands.
const CHUNKS = __RINGBACK_CHUNKS__
/** The versioned folder of the per-country phone metadata; filled in by the build. */
declare const __RINGBACK_META__: string

/**
 * The script tag's loader: lazy files are ES modules next to the script
 * (`base` comes from the script's own `src`), loaded with `import()`, which
 * classic scripts can call. Their names carry content hashes, so a CDN may
 * cache them forever. `Files` is the entry layer's list, whose names the
 * build wrote in.
 */
export function scriptLoader<Files>(base: string): Loader<Files> {
  const asked = new Set<string>()
  /** Fetched and compiled, not run; each link goes once its module is in. */
  const modulepreload = (files: string[]) => {
    for (const file of files) {
      if (asked.has(file)) continue
      asked.add(file)
      const link = document.createElement('link')
      link.rel = 'modulepreload'
      link.href = base + file
      link.onload = link.onerror = () => link.remove()
      document.head.appendChild(link)
    }
  }
  return {
    chunk(name) {
      // The file and its imports are requested now, side by side: one round
      // trip instead of two, started before any task queued behind this one.
      modulepreload(CHUNKS[name]!)
      return import(/* @vite-ignore */ base + CHUNKS[name]![0])
    },
    preload: (name) => modulepreload(CHUNKS[name]!),
    meta: (country) => import(/* @vite-ignore */ base + __RINGBACK_META__ + '/' + country + '.js')
  }
}
