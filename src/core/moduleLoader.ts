import type { Loader, ModulesOf } from './host'

/**
 * The npm loader: plain dynamic imports that the application's bundler
 * splits into chunks of its own. Each entry point passes only the files it
 * uses (see `src/lazyFiles.ts`), so `ringback/forms` carries no widget code,
 * and the importer of the phone metadata (`src/phone/importMetadata.ts`):
 * core names no file of a feature or of phone/.
 */
export function moduleLoader<List extends Record<string, () => Promise<unknown>>>(files: List, meta: Loader['meta']): Loader<ModulesOf<List>> {
  return {
    chunk: (name) => files[name]!() as Promise<ModulesOf<List>[typeof name]>,
    preload: () => undefined,
    meta
  }
}
