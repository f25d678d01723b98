import type { Loader } from './host'

/**
 * The loader the features get: the same files, with `start` run once, on
 * the first file a feature asks for (the moment a visitor reaches for a
 * form or the panel), with that file's load.
 */
export function onFirstChunk<Files>(loader: Loader<Files>, start: (first: Promise<unknown>) => void): Loader<Files> {
  let reached = false
  return {
    meta: loader.meta,
    preload: loader.preload,
    chunk: (name) => {
      const first = loader.chunk(name)
      if (!reached) {
        reached = true
        start(first)
      }
      return first
    }
  }
}
