import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { expect, test } from 'vitest'

// ARCHITECTURE.md maps the code: a folder or a lazy file it does not name is
// a part of the code nobody can find from there.
const architecture = readFileSync('ARCHITECTURE.md', 'utf8')
const codeMap = architecture.slice(architecture.indexOf('## The code map'), architecture.indexOf('## Which way imports point'))

const folders = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((entry) => [join(dir, entry.name), ...folders(join(dir, entry.name))])

test.each([...folders('src'), ...folders('demo/server')])('the code map names %s/', (folder) => {
  const name = folder.split('/').pop()!
  expect(codeMap).toMatch(new RegExp(`(^|[\\s(])${name}/`, 'm'))
})

test('the code map names every file at the top of src/', () => {
  const files = readdirSync('src').filter((name) => /\.tsx?$/.test(name))
  expect(files.length).toBeGreaterThan(3)
  for (const file of files) expect(codeMap).toContain(file)
})

test('"Which file loads when" names every lazy file of src/lazyFiles.ts', () => {
  const section = architecture.slice(architecture.indexOf('## Which file loads when'), architecture.indexOf('## The budgets'))
  const names = [...readFileSync('src/lazyFiles.ts', 'utf8').matchAll(/^\s+(\w+): \(\) => import\(/gm)].map((match) => match[1]!)
  expect(names.length).toBeGreaterThan(3)
  for (const name of names) expect(section).toContain('| `' + name + '`')
})

test('the budgets table holds every budget of size-limit.json', () => {
  const section = architecture.slice(architecture.indexOf('## The budgets'), architecture.indexOf('## Tests'))
  const figures = new Set([...section.matchAll(/([\d.]+)(?: \/ ([\d.]+))? kB/g)].flatMap((match) => match.slice(1).filter(Boolean)))
  for (const budget of JSON.parse(readFileSync('size-limit.json', 'utf8')) as { limit: string }[]) {
    expect([...figures], budget.limit).toContain(String(Number.parseFloat(budget.limit)))
  }
})
