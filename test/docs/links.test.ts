import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { expect, test } from 'vitest'

// Every link between the repository's documents reaches a file, and a heading
// when it names one. Links that leave the repository (the shared contract)
// and web addresses are not checked here.
const pages = [
  'README.md',
  'ARCHITECTURE.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => 'docs/' + name)
]

/**
 * Written on another branch and merged with this one: until then a link to it
 * is allowed to dangle. Remove a name once its file is on the branch.
 */
const PENDING = new Set(['docs/widget.md'])

/** The views' screenshots (e2e/views.spec.ts), as `toHaveScreenshot` names them on Linux. */
const SNAPSHOT =
  /^e2e\/views\.spec\.ts-snapshots\/(launcher|instant|schedule|success-now|success-scheduled|after-eta|error|offline)-(light|dark)-(desktop|iphone13)-(en|de|ar)-linux\.png$/

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replaceAll(' ', '-')

const anchors = (file: string) =>
  new Set(
    [
      ...readFileSync(file, 'utf8')
        .replace(/```[\s\S]*?```/g, '')
        .matchAll(/^#{1,6} (.+)$/gm)
    ].map((match) => slug(match[1]!))
  )

const links = pages.flatMap((page) => {
  const text = readFileSync(page, 'utf8').replace(/```[\s\S]*?```/g, '')
  const targets = [...text.matchAll(/\]\(([^)\s]+)\)/g), ...text.matchAll(/<img src="([^"]+)"/g)].map((match) => match[1]!)
  return targets.filter((target) => !/^[a-z]+:/.test(target)).map((target) => [page, target] as const)
})

test('the documents link to each other', () => {
  expect(links.length).toBeGreaterThan(40)
})

test.each(links)('%s → %s', (page, target) => {
  const [path, anchor] = target.split('#') as [string, string | undefined]
  const file = path ? normalize(join(dirname(page), path)) : page
  if (file.startsWith('..')) return
  if (SNAPSHOT.test(file) || PENDING.has(file)) {
    // Reachable once the branch that writes it is merged; then it must exist.
    if (existsSync(dirname(file)) && !PENDING.has(file)) expect(existsSync(file), file).toBe(true)
    return
  }
  expect(existsSync(file), file).toBe(true)
  if (anchor) expect([...anchors(file)], `#${anchor} in ${file}`).toContain(anchor)
})

test('the README shows the views from the screenshots the e2e run commits', () => {
  const images = links.filter(([page, target]) => page === 'README.md' && target.endsWith('.png'))
  expect(images.length).toBeGreaterThanOrEqual(3)
  for (const [, target] of images) expect(target).toMatch(SNAPSHOT)
})
