import { describe, expect, it } from 'vitest'
import { slots } from '../../src/contract/openingHours'
import { slotDays } from '../../src/widget/slotDays'
import { EN } from '../../src/widget/texts'
import { londonHours } from '../fixtures/londonHours'

const london = londonHours
const at = (s: string) => Date.parse(s)
const names = (days: ReturnType<typeof slotDays>, n = 1) =>
  days.map(
    (d) =>
      d.label +
      ': ' +
      d.slots
        .slice(0, n)
        .map((s) => s.name)
        .join(' | ')
  )

describe('slotDays: what a visitor in another zone is offered', () => {
  it('shows a New Yorker on Sunday evening Monday 9:00 in London as 4:00 AM their time, with both zones named', () => {
    const days = slotDays(slots(london, at('2026-11-30T01:00:00Z')), 'en-US', 'America/New_York', 'Europe/London', EN)
    expect(days[0]!.label).toBe('Mon, Nov 30')
    expect(days[0]!.slots[0]).toMatchObject({ at: at('2026-11-30T09:00:00Z'), label: '4:00 AM', theirs: '9:00 AM in London' })
    expect(days[0]!.slots[0]!.name).toBe('4:00 AM your time, 9:00 AM in London, early morning for you')
  })

  it('follows the weeks when the US has changed its clocks and the UK has not yet (4 hours apart, not 5)', () => {
    // The US springs forward on 8 March 2026, the UK on 29 March.
    const before = slotDays(slots(london, at('2026-03-02T00:00:00Z')), 'en-US', 'America/New_York', 'Europe/London', EN)
    const between = slotDays(slots(london, at('2026-03-16T00:00:00Z')), 'en-US', 'America/New_York', 'Europe/London', EN)
    const after = slotDays(slots(london, at('2026-03-30T00:00:00Z')), 'en-US', 'America/New_York', 'Europe/London', EN)
    expect(names(before)[0]).toBe('Mon, Mar 2: 4:00 AM your time, 9:00 AM in London, early morning for you')
    expect(names(between)[0]).toBe('Mon, Mar 16: 5:00 AM your time, 9:00 AM in London, early morning for you')
    expect(names(after)[0]).toBe('Mon, Mar 30: 4:00 AM your time, 9:00 AM in London, early morning for you')
    // Autumn: the UK falls back on 25 October, the US on 1 November.
    const autumn = slotDays(slots(london, at('2026-10-26T00:00:00Z')), 'en-US', 'America/New_York', 'Europe/London', EN)
    expect(names(autumn)[0]).toBe('Mon, Oct 26: 5:00 AM your time, 9:00 AM in London, early morning for you')
  })

  it('puts slots on the visitor’s own calendar day across midnight, in their locale’s 24-hour clock', () => {
    // Tokyo is 9 hours ahead of London in winter: Monday 17:15 in London is Tuesday 02:15 there.
    const days = slotDays(slots(london, at('2026-11-30T00:00:00Z')), 'en-GB', 'Asia/Tokyo', 'Europe/London', EN)
    const monday = days.find((d) => d.slots.some((s) => s.at === at('2026-11-30T17:15:00Z')))!
    expect(monday.key).toBe('2026-12-01')
    expect(monday.slots.find((s) => s.at === at('2026-11-30T17:15:00Z'))!.name).toBe('2:15 your time, 17:15 in London, early morning for you')
    expect(days[0]!.slots[0]!.name).toBe('18:00 your time, 9:00 in London')
  })

  it('names one time only when both clocks read the same', () => {
    const days = slotDays(slots(london, at('2026-11-30T00:00:00Z')), 'en-GB', 'Europe/Dublin', 'Europe/London', EN)
    expect(days[0]!.slots[0]).toMatchObject({ label: '9:00', theirs: undefined, name: '9:00' })
  })

  it('leaves out closed dates, keeps the lunch break and stops at the horizon', () => {
    const days = slotDays(slots(london, at('2026-12-21T08:00:00Z')), 'en-GB', 'Europe/London', 'Europe/London', EN)
    expect(days.map((d) => d.key)).toEqual(['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24'])
    const wednesday = days[2]!.slots.map((s) => s.label)
    expect(wednesday).toContain('11:45')
    expect(wednesday).not.toContain('12:00')
    expect(wednesday).toContain('13:00')
  })

  it("says which times are early (before 08:00) or late (after 21:00) for the visitor, in their language, and sizes the day's buttons by it", async () => {
    const de = { ...EN, ...(await import('../../src/widget/i18n/de')).default }
    // Tokyo, Monday 30 November: London's 9:00–17:30 is 18:00–02:30 there.
    const tokyo = slotDays(slots(london, at('2026-11-30T00:00:00Z')), 'en-GB', 'Asia/Tokyo', 'Europe/London', EN)
    const notes = (d: (typeof tokyo)[number]) => d.slots.map((s) => s.label + (s.odd ? ' ' + s.odd : ''))
    expect(notes(tokyo[0]!)).toContain('21:00')
    expect(notes(tokyo[0]!)).toContain('21:15 late evening for you')
    expect(notes(tokyo[0]!)).not.toContain('20:45 late evening for you')
    expect(tokyo[1]!.slots.find((s) => s.label === '2:15')?.odd).toBe('early morning for you')
    // New York: London's 9:00–17:30 is 4:00 AM–12:30 PM.
    const newYork = slotDays(slots(london, at('2026-11-30T01:00:00Z')), 'en-US', 'America/New_York', 'Europe/London', EN)
    expect(newYork[0]!.slots.find((s) => s.label === '7:45 AM')?.odd).toBe('early morning for you')
    expect(newYork[0]!.slots.find((s) => s.label === '8:00 AM')?.odd).toBeUndefined()
    expect(tokyo[0]).toMatchObject({ lines: 3, count: tokyo[0]!.slots.length })
    const german = slotDays(slots(london, at('2026-11-30T00:00:00Z')), 'de', 'Asia/Tokyo', 'Europe/London', de)
    expect(german[0]!.slots.find((s) => s.label === '23:00')!.name).toBe('23:00 bei Ihnen, 14:00 in London, spätabends für Sie')
    // Where both clocks agree and the hours are ordinary: one line.
    const home = slotDays(slots(london, at('2026-11-30T00:00:00Z')), 'en-GB', 'Europe/London', 'Europe/London', EN)
    expect(home[0]).toMatchObject({ lines: 1, weekday: 'Mon', date: '30 Nov' })
    expect(home[0]!.slots.every((s) => !s.odd)).toBe(true)
  })
})
