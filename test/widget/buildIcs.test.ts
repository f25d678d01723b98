import { describe, expect, it } from 'vitest'
import { buildIcs } from '../../src/widget/buildIcs'

const lines = (ics: string) => ics.split('\r\n')

describe('buildIcs', () => {
  it('writes one UTC event whose UID is the request id, with CRLF lines', () => {
    const ics = buildIcs({
      id: '0b9f0d8e-4c55-4d3a-9a53-2f1c1f6c8b11',
      title: 'Call from Acme Plumbing',
      start: Date.parse('2026-12-03T05:00:00Z'),
      minutes: 15,
      now: Date.parse('2026-12-01T10:00:00.123Z')
    })
    expect(ics.endsWith('\r\n')).toBe(true)
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/\n/)
    expect(lines(ics)).toEqual([
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'PRODID:-//ringback//widget//EN',
      'METHOD:PUBLISH',
      'BEGIN:VEVENT',
      'UID:0b9f0d8e-4c55-4d3a-9a53-2f1c1f6c8b11',
      'DTSTAMP:20261201T100000Z',
      'DTSTART:20261203T050000Z',
      'DTEND:20261203T051500Z',
      'SUMMARY:Call from Acme Plumbing',
      'END:VEVENT',
      'END:VCALENDAR',
      ''
    ])
  })

  it('escapes text and folds long lines at 75 octets without splitting a character', () => {
    const title = 'Anruf von Müller, Söhne & Töchter; Sanitär\\Heizung\nNotdienst – Rückruf für Ihre Anfrage über das Formular'
    const ics = buildIcs({ id: 'x', title, start: 0, minutes: 30, now: 0 })
    const summary = ics.slice(ics.indexOf('SUMMARY:'), ics.indexOf('\r\nEND:VEVENT'))
    for (const line of summary.split('\r\n')) expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75)
    expect(
      summary
        .split('\r\n')
        .slice(1)
        .every((line) => line.startsWith(' '))
    ).toBe(true)
    // Unfolded, the value is the escaped title.
    expect(summary.replace(/\r\n /g, '')).toBe(
      'SUMMARY:Anruf von Müller\\, Söhne & Töchter\\; Sanitär\\\\Heizung\\nNotdienst – Rückruf für Ihre Anfrage über das Formular'
    )
  })
})
