import type { Loader, ModulesOf } from './host'

/**
 * The npm loader: plain dynamic imports that the application's bundler
 * splits into chunks of its own. Each entry point passes only the files it
 * uses (see `src/lazyFiles.ts`), so `ringback/forms` carries no widget code.
 */
export function moduleLoader<List extends Record<string, () => Promise<unknown>>>(files: List): Loader<ModulesOf<List>> {
  return {
    chunk: (name) => files[name]!() as Promise<ModulesOf<List>[typeof name]>,
    preload: () => undefined,
    // Known exception, to move to the entry layer (src/lazyFiles.ts hands the importer in): core names a phone file here.
    // eslint-disable-next-line no-restricted-syntax
    meta: (country) => import('../phone/importMetadata').then((m) => m.importMetadata(country))
  }
}
