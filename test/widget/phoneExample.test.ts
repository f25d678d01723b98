import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { createPhone } from '../../src/phone/phone'

const require = createRequire(import.meta.url)
const all = require('libphonenumber-js/metadata.min.json')
const examples = require('libphonenumber-js/examples.mobile.json')

/** What the build writes to dist/meta-…/<country>.js: the calling-code group with its members' examples; `all` has none. */
const files = (key: string) => {
  if (key === 'all') return all
  const code = Object.keys(all.country_calling_codes).find((c) => all.country_calling_codes[c].includes(key))
  if (!code) throw new Error('no such country ' + key)
  const members: string[] = all.country_calling_codes[code]
  return {
    default: {
      version: all.version,
      country_calling_codes: { [code]: members },
      countries: Object.fromEntries(members.map((c) => [c, all.countries[c]])),
      examples: Object.fromEntries(members.filter((c) => examples[c]).map((c) => [c, examples[c]]))
    }
  }
}

const phone = () => {
  const loads: string[] = []
  const p = createPhone(async (key) => (loads.push(key), files(key)))
  return { p, loads }
}

describe('phone.example: the placeholder of the widget field', () => {
  it('is a mobile number of the country, written as people there write it', async () => {
    const { p } = phone()
    expect(await p.example('GB')).toBe('07400 123456')
    expect(await p.example('DE')).toBe('01512 3456789')
    expect(await p.example('US')).toBe('(201) 555-0123')
    expect(await p.example('FR')).toBe('06 12 34 56 78')
  })

  it('comes with the country’s group of metadata, loaded once for all its members', async () => {
    const { p, loads } = phone()
    await p.ensure(['GB'])
    expect(await p.example('GB')).toBe('07400 123456')
    // Jersey is in the +44 group: no file of its own.
    expect(await p.example('JE')).toMatch(/^07\d{3} \d{6}$/)
    expect(loads).toEqual(['GB'])
  })

  it('loads the group’s file where all countries were loaded without examples', async () => {
    const { p, loads } = phone()
    await p.ensure(['all'])
    expect(await p.example('DE')).toBe('01512 3456789')
    expect(loads).toEqual(['all', 'DE'])
    // Validation keeps working on the merged metadata.
    expect(await p.check('+44 7400 123456', 'DE')).toEqual({ ok: true, e164: '+447400123456', country: 'GB' })
  })

  it('is empty for a country with no file, and a failed load is tried again', async () => {
    let fail = true
    const p = createPhone(async (key) => {
      if (key === 'ZZ' || fail) throw new Error('no file')
      return files(key)
    })
    await expect(p.example('ZZ')).rejects.toThrow()
    await expect(p.example('GB')).rejects.toThrow()
    fail = false
    expect(await p.example('GB')).toBe('07400 123456')
  })
})
