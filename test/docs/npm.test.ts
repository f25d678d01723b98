import { readFileSync } from 'node:fs'
import { expect, test } from 'vitest'

// The React and Vue code of docs/npm.md is, to the character, what the e2e
// pages run (e2e/forms.spec.ts bundles them with the built package).
const docs = readFileSync('docs/npm.md', 'utf8')

test.each([
  ['Ringback.jsx', 'jsx'],
  ['useRingback.js', 'js']
])('docs/npm.md shows e2e/pages/forms/%s as it is', (file, language) => {
  const code = readFileSync('e2e/pages/forms/' + file, 'utf8')
  expect(docs).toContain('```' + language + '\n' + code + '```\n')
})
