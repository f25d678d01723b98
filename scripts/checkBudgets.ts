/**
 * Every file the script tag's build writes for the browser has a budget in
 * size-limit.json, after `npm run build`: a new lazy file in src/lazyFiles.ts,
 * or a file the bundler splits off (a language, a dynamic import), fails
 * here until it has one. (size-limit itself fails on a budget whose files
 * are gone.) The per-country phone metadata is budgeted by its typical
 * group (GB) and the fallback with every country (all.js); the npm package
 * by the scenarios of an application's first load.
 */
import { readdirSync, readFileSync } from 'node:fs'

const budgets: { name: string; path?: string | string[] }[] = JSON.parse(readFileSync('size-limit.json', 'utf8'))
/** size-limit's globs as used here: `*` is any run of characters but `/`. */
const patterns = budgets
  .flatMap((budget) => (budget.path === undefined ? [] : [budget.path].flat()))
  .map(
    (glob) =>
      new RegExp(
        '^' +
          glob
            .split('*')
            .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('[^/]*') +
          '$'
      )
  )

const files = readdirSync('dist')
  .filter((name) => name.endsWith('.js'))
  .map((name) => 'dist/' + name)
const missing = files.filter((file) => !patterns.some((pattern) => pattern.test(file)))
if (missing.length) {
  console.error('No budget in size-limit.json for ' + missing.join(', '))
  process.exit(1)
}
console.log(`✔ each of the ${files.length} files in dist/ has a budget`)
