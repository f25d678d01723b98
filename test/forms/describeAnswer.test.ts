import { describe, expect, it } from 'vitest'
import { describeAnswer } from '../../src/forms/describeAnswer'
import { DUPLICATE_MS, isDuplicate } from '../../src/forms/isDuplicate'
import type { Host } from '../../src/core/host'

describe('describeAnswer', () => {
  const now = new Date(2026, 10, 26, 18, 0)
  it('says the call is coming now', () => {
    expect(describeAnswer({ id: 'x', channel: 'form', status: 'calling' }, 'Acme Plumbing', now)).toBe('Thanks! Acme Plumbing is calling you now.')
  })
  it('says when a scheduled call comes, in the visitor’s clock', () => {
    const at = new Date(2026, 10, 27, 9, 0)
    expect(describeAnswer({ id: 'x', channel: 'form', status: 'scheduled', scheduledFor: at.toISOString() }, 'Acme Plumbing', now, 'en-GB')).toBe(
      'Thanks! Acme Plumbing will call you tomorrow at 9:00.'
    )
    const monday = new Date(2026, 10, 30, 9, 30)
    expect(describeAnswer({ id: 'x', channel: 'form', status: 'scheduled', scheduledFor: monday.toISOString() }, '', now, 'en-US')).toBe(
      'Thanks! We will call you on Monday, November 30 at 9:30 AM.'
    )
  })
})

describe('isDuplicate', () => {
  it('is per SDK instance and per number, within the window', () => {
    const a = {} as Host
    const b = {} as Host
    expect(isDuplicate(a, '+447400123456', 0)).toBe(false)
    expect(isDuplicate(a, '+447400123456', 1000)).toBe(true)
    expect(isDuplicate(b, '+447400123456', 1000)).toBe(false)
    expect(isDuplicate(a, '+353851234567', 1000)).toBe(false)
    expect(isDuplicate(a, '+447400123456', DUPLICATE_MS + 1)).toBe(false)
  })
})
