import { describe, expect, it } from 'vitest'
import { SAME_NUMBER_MS, sameNumber } from '../../src/core/sameNumber'

describe('sameNumber', () => {
  it('has one window per channel: the widget a minute, forms five minutes', () => {
    expect(SAME_NUMBER_MS).toEqual({ widget: 60_000, form: 300_000 })
  })

  it('refuses the same number on the same channel within its window, and says how long is left', () => {
    const rule = sameNumber({})
    expect(rule.claim('widget', '+447400123456', 0)).toBe(0)
    expect(rule.claim('widget', '+447400123456', 1_000)).toBe(59_000)
    // A refused claim records nothing: the window runs from the request that was sent.
    expect(rule.claim('widget', '+447400123456', 59_999)).toBe(1)
    expect(rule.claim('widget', '+447400123456', 60_000)).toBe(0)
    expect(rule.claim('widget', '+447400123456', 60_001)).toBe(59_999)
  })

  it('keeps the form window of five minutes', () => {
    const rule = sameNumber({})
    expect(rule.claim('form', '+4915123456789', 0)).toBe(0)
    expect(rule.claim('form', '+4915123456789', 4 * 60_000)).toBe(60_000)
    expect(rule.claim('form', '+4915123456789', 5 * 60_000)).toBe(0)
  })

  it('is per number and per channel: another number, or the same number on the other channel, is sent', () => {
    const rule = sameNumber({})
    expect(rule.claim('widget', '+447400123456', 0)).toBe(0)
    expect(rule.claim('widget', '+353851234567', 1)).toBe(0)
    expect(rule.claim('form', '+447400123456', 2)).toBe(0)
    expect(rule.claim('form', '+447400123456', 3)).toBeGreaterThan(0)
  })

  it('is one rule per SDK instance: the same host shares it, another host starts afresh', () => {
    const a = {}
    const b = {}
    expect(sameNumber(a)).toBe(sameNumber(a))
    expect(sameNumber(a).claim('form', '+447400123456', 0)).toBe(0)
    expect(sameNumber(a).claim('form', '+447400123456', 1)).toBeGreaterThan(0)
    expect(sameNumber(b).claim('form', '+447400123456', 1)).toBe(0)
  })

  it('forgets a released number (the platform refused its request), on that channel only', () => {
    const rule = sameNumber({})
    rule.claim('widget', '+447400123456', 0)
    rule.claim('form', '+447400123456', 0)
    rule.release('widget', '+447400123456')
    expect(rule.claim('widget', '+447400123456', 1)).toBe(0)
    expect(rule.claim('form', '+447400123456', 1)).toBeGreaterThan(0)
  })

  it('checks and records in one step: of two claims racing for a number, one wins', async () => {
    const rule = sameNumber({})
    const results = await Promise.all([0, 1].map(async () => (await Promise.resolve(), rule.claim('form', '+447400123456'))))
    expect(results.filter((left) => left === 0)).toHaveLength(1)
  })
})
