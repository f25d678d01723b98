/**
 * The npm build's phone metadata: per-country modules shipped in
 * `dist/npm/meta/`, which the application's bundler turns into chunks of
 * its own. Its own lazy module, so that the bundler's map of those chunks
 * stays out of the application's first file.
 */
export const importMetadata = (country: string): Promise<unknown> => import(`../meta/${country}.js`)
