import { describe, expect, it } from 'vitest'
import { describeAnswer } from '../../src/forms/describeAnswer'

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
