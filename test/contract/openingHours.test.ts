import { describe, expect, it } from 'vitest'
import { isOpenAt, nextOpening, openings, slots, wallTimeToUtc, type HoursConfig } from '../../src/contract/openingHours'
import { londonHours } from '../fixtures/londonHours'

const london = londonHours
const newYork: HoursConfig = { ...london, business: { timeZone: 'America/New_York' } }
const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString())
const at = (s: string) => Date.parse(s)

describe('wallTimeToUtc', () => {
  it('follows each zone across its own DST change', () => {
    expect(iso(wallTimeToUtc(2026, 3, 27, 9 * 60, 'Europe/London'))).toBe('2026-03-27T09:00:00.000Z') // GMT
    expect(iso(wallTimeToUtc(2026, 3, 30, 9 * 60, 'Europe/London'))).toBe('2026-03-30T08:00:00.000Z') // BST
    expect(iso(wallTimeToUtc(2026, 3, 6, 9 * 60, 'America/New_York'))).toBe('2026-03-06T14:00:00.000Z') // EST
    expect(iso(wallTimeToUtc(2026, 3, 9, 9 * 60, 'America/New_York'))).toBe('2026-03-09T13:00:00.000Z') // EDT
    expect(iso(wallTimeToUtc(2026, 10, 26, 9 * 60, 'Europe/London'))).toBe('2026-10-26T09:00:00.000Z')
    expect(iso(wallTimeToUtc(2026, 11, 2, 9 * 60, 'America/New_York'))).toBe('2026-11-02T14:00:00.000Z')
  })

  it('maps a skipped time after the gap, and a repeated time to its first occurrence', () => {
    // 01:30 does not exist in London on 2026-03-29; 01:30 happens twice on 2026-10-25.
    expect(iso(wallTimeToUtc(2026, 3, 29, 90, 'Europe/London'))).toBe('2026-03-29T01:30:00.000Z')
    expect(iso(wallTimeToUtc(2026, 10, 25, 90, 'Europe/London'))).toBe('2026-10-25T00:30:00.000Z')
    expect(iso(wallTimeToUtc(2026, 1, 1, 0, 'Asia/Kolkata'))).toBe('2025-12-31T18:30:00.000Z')
  })
})

describe('openings and slots', () => {
  it('lists several ranges a day and skips closed dates and closed days', () => {
    const week = openings(london, at('2026-12-21T00:00:00Z'), 7) // Mon 21 Dec to Sun 27 Dec
    expect(week.map((o) => o.date)).toEqual(['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-23', '2026-12-24'])
    expect(week.filter((o) => o.date === '2026-12-23').map((o) => [iso(o.start), iso(o.end)])).toEqual([
      ['2026-12-23T09:00:00.000Z', '2026-12-23T12:00:00.000Z'],
      ['2026-12-23T13:00:00.000Z', '2026-12-23T17:30:00.000Z']
    ])
  })

  it('offers Monday 09:00 London first to a New Yorker on Sunday evening', () => {
    const sundayEveningNY = at('2026-11-23T00:30:00Z') // Sun 22 Nov, 19:30 in New York
    const first = slots(london, sundayEveningNY)[0]
    expect(iso(first)).toBe('2026-11-23T09:00:00.000Z')
  })

  it('keeps the lead time, the slot length and the end of each range', () => {
    const list = slots(london, at('2026-11-23T09:02:00Z'))
    expect(iso(list[0])).toBe('2026-11-23T09:15:00.000Z') // 09:12 is the earliest: next slot 09:15
    const monday = list.filter((t) => iso(t)!.startsWith('2026-11-23'))
    expect(iso(monday[monday.length - 1])).toBe('2026-11-23T17:15:00.000Z') // a 15-minute call ends by 17:30
    const wednesday = list.filter((t) => iso(t)!.startsWith('2026-11-25')).map((t) => iso(t)!.slice(11, 16))
    expect(wednesday).toContain('11:45')
    expect(wednesday).not.toContain('12:00')
    expect(wednesday).not.toContain('12:45')
    expect(wednesday).toContain('13:00')
  })

  it('stops at the horizon', () => {
    const list = slots(london, at('2026-11-23T08:00:00Z'))
    expect(iso(list[list.length - 1])).toBe('2026-11-27T15:45:00.000Z') // Friday; the 7 days end on Sunday 29
    expect(slots({ ...london, scheduling: { ...london.scheduling, horizonDays: 1 } }, at('2026-11-23T08:00:00Z')).every((t) => iso(t)!.startsWith('2026-11-23'))).toBe(
      true
    )
  })

  it('is right in the weeks when the UK and the US change clocks on different dates', () => {
    // 2026-03-09..27: New York is on EDT (UTC-4), London still on GMT.
    const ny = slots(newYork, at('2026-03-16T12:00:00Z'))
    expect(iso(ny[0])).toBe('2026-03-16T13:00:00.000Z') // 09:00 EDT
    const uk = slots(london, at('2026-03-16T08:00:00Z'))
    expect(iso(uk[0])).toBe('2026-03-16T09:00:00.000Z') // 09:00 GMT
    // The week after the UK changes: 09:00 BST is 08:00Z.
    expect(iso(slots(london, at('2026-03-30T07:00:00Z'))[0])).toBe('2026-03-30T08:00:00.000Z')
    // Autumn: the UK is back on GMT on 26 Oct, New York still on EDT until 1 Nov.
    expect(iso(slots(london, at('2026-10-26T07:00:00Z'))[0])).toBe('2026-10-26T09:00:00.000Z')
    expect(iso(slots(newYork, at('2026-10-26T07:00:00Z'))[0])).toBe('2026-10-26T13:00:00.000Z')
    expect(iso(slots(newYork, at('2026-11-02T07:00:00Z'))[0])).toBe('2026-11-02T14:00:00.000Z')
  })

  it('runs a range past midnight into the next day', () => {
    const late: HoursConfig = { ...london, hours: { weekly: { fri: [['22:00', '02:00']] } } }
    const [night] = openings(late, at('2026-11-27T12:00:00Z'), 1)
    expect([iso(night!.start), iso(night!.end)]).toEqual(['2026-11-27T22:00:00.000Z', '2026-11-28T02:00:00.000Z'])
    expect(isOpenAt(late, at('2026-11-28T01:00:00Z'))).toBe(true)
  })
})

describe('isOpenAt and nextOpening', () => {
  it('answers open, lunch break and closed', () => {
    expect(isOpenAt(london, at('2026-11-25T10:00:00Z'))).toBe(true)
    expect(isOpenAt(london, at('2026-11-25T12:30:00Z'))).toBe(false)
    expect(iso(nextOpening(london, at('2026-11-25T12:30:00Z')))).toBe('2026-11-25T13:00:00.000Z')
    expect(iso(nextOpening(london, at('2026-11-27T16:30:00Z')))).toBe('2026-11-30T09:00:00.000Z') // Fri after 16:00 → Mon
    expect(iso(nextOpening(london, at('2026-12-24T18:00:00Z')))).toBe('2026-12-28T09:00:00.000Z') // skips 25/26 Dec
    expect(iso(nextOpening(london, at('2026-11-25T10:00:00Z')))).toBe('2026-11-25T10:00:00.000Z') // open now
  })
})
