import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, test } from 'vitest'

// The README is for integrators: what they call, pass and listen to, as the
// code declares it, and budgets rather than measured figures (those live in
// bench/latest.md, written by `npm run bench`).
const readme = readFileSync('README.md', 'utf8')

/** Every file under src/, so that a declaration is found wherever it moves. */
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sources(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : []
  )

/** The member names of an exported interface of src/, in order. */
function members(name: string): string[] {
  for (const file of sources('src')) {
    const text = readFileSync(file, 'utf8')
    const start = text.indexOf(`export interface ${name} {`)
    if (start < 0) continue
    const body = text.slice(start, text.indexOf('\n}', start))
    return [...body.matchAll(/^ {2}(\w+)[?<(:]/gm)].map((match) => match[1]!)
  }
  throw new Error(`no interface ${name} in src/`)
}

/** The rows of the README's table under a heading, by their first cell. */
function firstCells(heading: string): string[] {
  const start = readme.indexOf('\n' + heading + '\n')
  expect(start, heading).toBeGreaterThan(-1)
  const section = readme.slice(start + heading.length + 2).split(/\n#{2,3} /)[0]!
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| ---'))
    .slice(1)
    .map((line) => line.split(' | ')[0]!.slice(2))
}

describe('README.md', () => {
  test('stays short enough for integrators (at most 300 lines)', () => {
    expect(readme.trimEnd().split('\n').length).toBeLessThanOrEqual(300)
  })

  test('lists every command of the Ringback interface, and no other', () => {
    const documented = firstCells('### Commands').flatMap((cell) => [...cell.matchAll(/`(\w+)\(/g)].map((match) => match[1]!))
    expect(documented.sort()).toEqual(members('Ringback').sort())
  })

  test('lists every option of init(), and no other', () => {
    const documented = firstCells('### Options').map((cell) => cell.replaceAll('`', ''))
    expect(documented.sort()).toEqual(members('RingbackOptions').sort())
  })

  test('names every event', () => {
    const section = readme.slice(readme.indexOf('### Events'), readme.indexOf('### Markup hooks'))
    for (const event of members('RingbackEvents')) expect(section).toContain('`' + event + '`')
  })

  test('holds budgets, not measured sizes: every kB figure is a budget of size-limit.json', () => {
    const budgets = new Set((JSON.parse(readFileSync('size-limit.json', 'utf8')) as { limit: string }[]).map((budget) => Number.parseFloat(budget.limit)))
    const figures = [...readme.matchAll(/([\d.]+)(?: \/ ([\d.]+))? kB/g)].flatMap((match) => match.slice(1).filter(Boolean).map(Number.parseFloat))
    expect(figures.length).toBeGreaterThan(5)
    expect(figures.filter((figure) => !budgets.has(figure))).toEqual([])
  })

  test('holds no benchmark figures, and points to bench/latest.md for them', () => {
    expect(readme).not.toMatch(/ScriptDuration|total blocking time|JS heap|Measured \d{4}-\d\d-\d\d/i)
    expect(readme).toContain('](bench/latest.md)')
  })

  test('says the same-number windows of both channels', () => {
    expect(readme).toMatch(/one\s+minute in the widget, five minutes from a site form/)
  })

  // The windows as core declares them (src/core/sameNumber.ts, from the `phone` branch).
  const windows = sources('src')
    .map((file) => /SAME_NUMBER_MS[^=]*=\s*\{\s*widget:\s*([\d_ *]+),\s*form:\s*([\d_ *]+)\}/.exec(readFileSync(file, 'utf8')))
    .find(Boolean)
  test.skipIf(!windows)('gives the windows that SAME_NUMBER_MS declares', () => {
    const minutes = (ms: string) =>
      ms
        .replaceAll('_', '')
        .split('*')
        .reduce((product, factor) => product * Number(factor), 1) / 60_000
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten']
    const [widget, form] = [minutes(windows![1]!), minutes(windows![2]!)]
    expect(readme).toMatch(new RegExp(`${words[widget]}\\s+minutes? in the widget, ${words[form]}\\s+minutes? from a site form`))
  })
})

describe('bench/latest.md', () => {
  const bench = readFileSync('bench/latest.md', 'utf8')
  const script = readFileSync('scripts/bench.ts', 'utf8')

  test('is what scripts/bench.ts writes: its header, then the measured sizes, then the kept reading', () => {
    expect(script).toContain("writeFileSync('bench/latest.md'")
    expect(bench.startsWith('# ringback page-cost benchmark\n')).toBe(true)
    expect(bench.indexOf('## Sizes')).toBeGreaterThan(bench.indexOf('| CPU | metric |'))
    expect(bench.indexOf('## Reading')).toBeGreaterThan(bench.indexOf('## Sizes'))
  })

  test('has a measured size for every budget', () => {
    const sizes = bench.slice(bench.indexOf('## Sizes'), bench.indexOf('## Reading'))
    for (const budget of JSON.parse(readFileSync('size-limit.json', 'utf8')) as { name: string }[]) {
      expect(sizes, budget.name).toContain('| ' + budget.name.replaceAll('|', '\\|') + ' | ')
    }
  })
})
