/**
 * Each country's module of the npm build's phone metadata
 * (`dist/npm/meta/GB.js`…), as `GB: () => import('../meta/GB.js')`; written
 * in by the build. Literal imports, not a template: every application
 * bundler turns them into chunks of its own, and none needs a runtime helper
 * for them.
 */
declare const __RINGBACK_META_IMPORTS__: Record<string, () => Promise<unknown>>
const IMPORTS = __RINGBACK_META_IMPORTS__

/**
 * The npm build's phone metadata for one country's calling-code group, or
 * `all`. Its own lazy module, so that the map of those chunks stays out of
 * the application's first file.
 */
export const importMetadata = (country: string): Promise<unknown> =>
  Object.prototype.hasOwnProperty.call(IMPORTS, country) ? IMPORTS[country]!() : Promise.reject(new Error('no phone metadata for ' + country))
