// The measured brotli size of every budgeted file, as a Markdown table for bench/latest.md
// (run after `npm run build`). `npm run bench` appends it to its figures, so that measured
// sizes live in one dated place and the README and ARCHITECTURE.md hold only the budgets.
// Alone: `npx tsx scripts/measureSizes.ts` prints the table.
import { execFileSync } from 'node:child_process'
import { pathToFileURL } from 'node:url'

interface Measured {
  name: string
  size: number
  sizeLimit?: number
  passed: boolean
}

const kB = (bytes: number | undefined) => (bytes === undefined ? '—' : (bytes / 1000).toFixed(2) + ' kB')

/** Runs size-limit over size-limit.json and returns the table (file, measured, budget). */
export function sizesTable(): string {
  // size-limit exits non-zero when a budget fails; its JSON is what the table needs either way.
  let out: string
  try {
    out = execFileSync('npx', ['size-limit', '--json', '--config', 'size-limit.json'], { encoding: 'utf8' })
  } catch (error) {
    out = String((error as { stdout?: unknown }).stdout || '')
  }
  const rows = JSON.parse(out.slice(out.indexOf('['))) as Measured[]
  return [
    '## Sizes (brotli, size-limit over size-limit.json)',
    '',
    '| file | measured | budget |',
    '| --- | ---: | ---: |',
    ...rows.map((row) => `| ${row.name.replaceAll('|', '\\|')} | ${kB(row.size)}${row.passed ? '' : ' (over)'} | ${kB(row.sizeLimit)} |`),
    ''
  ].join('\n')
}

if (import.meta.url === pathToFileURL(process.argv[1] || '').href) console.log(sizesTable())
