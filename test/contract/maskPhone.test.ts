import { describe, expect, it } from 'vitest'
import { maskPhone } from '../../src/contract/maskPhone'

describe('maskPhone', () => {
  it.each([
    ['+447400123456', '+44740•••3456'],
    ['+15405551234', '+1540•••1234'],
    ['+4915123456789', '+49151•••6789'],
    ['+33612345678', '+3361•••5678'],
    ['+353851234567', '+35385•••4567'],
    ['+819012345678', '+81901•••5678'],
    ['+61412345678', '+6141•••5678'],
    ['+6831234', '+683•••34']
  ])('%s → %s', (e164, masked) => {
    expect(maskPhone(e164)).toBe(masked)
  })

  it('always hides at least three digits of a full-length number', () => {
    for (const n of ['+447400123456', '+15405551234', '+33612345678', '+4915123456789']) {
      const shown = maskPhone(n).replace(/\D/g, '').length
      expect(n.replace(/\D/g, '').length - shown).toBeGreaterThanOrEqual(3)
    }
  })
})
