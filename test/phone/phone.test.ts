import { createRequire } from 'node:module'
import { describe, expect, it } from 'vitest'
import { createPhone } from '../../src/phone/phone'

const require = createRequire(import.meta.url)
const all = require('libphonenumber-js/metadata.min.json')
// The browser loads one calling-code group at a time; here every group is the whole set.
const phone = async () => {
  const p = createPhone(async () => all)
  await p.formatter()
  return p
}

describe('phone.format (formatPhone): the widget field as the visitor types', () => {
  it('formats a national number for the chosen country', async () => {
    const p = await phone()
    await p.ensure(['GB'])
    expect(p.format('07400123456', 'GB', ['GB', 'IE'])).toEqual({ text: '07400 123456', country: 'GB' })
    expect(p.format('0740', 'GB', ['GB', 'IE'])).toEqual({ text: '0740', country: 'GB' })
  })

  it('turns a pasted or autofilled international number into the national one and switches the country', async () => {
    const p = await phone()
    await p.ensure(['GB'])
    expect(p.format('+353 85 123 4567', 'GB', ['GB', 'IE'])).toEqual({ text: '085 123 4567', country: 'IE' })
    expect(p.format('0044 (0)7400 123456', 'IE', ['GB', 'IE'])).toEqual({ text: '07400 123456', country: 'GB' })
    expect(p.format('+44.7400.123.456', 'IE', ['GB', 'IE'])).toEqual({ text: '07400 123456', country: 'GB' })
  })

  it('keeps the + of a number from a country the site does not call, or one still being typed', async () => {
    const p = await phone()
    await p.ensure(['GB'])
    expect(p.format('+33612345678', 'GB', ['GB', 'IE'])).toEqual({ text: '+33 6 12 34 56 78', country: 'GB' })
    expect(p.format('+4474', 'GB', ['GB', 'IE']).text).toBe('+44 74')
  })

  it('knows the dialling codes of loaded countries', async () => {
    const p = await phone()
    expect(p.callingCode('IE')).toBe('')
    await p.ensure(['IE'])
    expect(p.callingCode('IE')).toBe('353')
  })

  it('checks what it formatted', async () => {
    const p = await phone()
    expect(await p.check('07400 123456', 'GB', ['GB', 'IE'])).toEqual({ ok: true, e164: '+447400123456', country: 'GB' })
    expect(await p.check('0740', 'GB', ['GB', 'IE'])).toEqual({ ok: false, problem: 'too_short' })
    expect(await p.check('+33612345678', 'GB', ['GB', 'IE'])).toEqual({ ok: false, problem: 'country_not_allowed' })
  })
})
