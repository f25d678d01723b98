import type { ChunkName, Chunks, Loader } from './host'

/**
 * The npm loader: plain dynamic imports that the application's bundler
 * splits into chunks of its own. Each entry point names only the chunks it
 * uses, so `ringback/forms` carries no widget code.
 */
export function moduleLoader(chunks: { [K in ChunkName]?: () => Promise<Chunks[K]> }): Loader {
  return {
    chunk: <K extends ChunkName>(name: K) => {
      const load = chunks[name] as (() => Promise<Chunks[K]>) | undefined
      return load ? load() : Promise.reject(new Error(name + ' is not in this entry point'))
    },
    preload: () => undefined,
    meta: (country) => import('../phone/importMetadata').then((m) => m.importMetadata(country))
  }
}
