import { describe, expect, it } from 'vitest'
import { presentRow } from '../../../demo/server/console/presentRow'
import { toCsv } from '../../../demo/server/console/toCsv'
import { demoRequest, request, startConsole } from './consoleHarness'

/** Real numbers of several countries and how every console view shows them. */
const NUMBERS = [
  ['+447400123456', '+44740•••3456'],
  ['+353851234567', '+35385•••4567'],
  ['+4915112345678', '+49151•••5678'],
  ['+33612345678', '+3361•••5678'],
  ['+34612345678', '+3461•••5678'],
  ['+12025550143', '+1202•••0143'],
  ['+14155552671', '+1415•••2671'],
  ['+819012345678', '+81901•••5678']
] as const

describe('masked numbers in the console', () => {
  it.each(NUMBERS)('%s is shown as %s', (e164, masked) => {
    const row = presentRow({ id: 'x', request: request({ phone: e164 }), response: { id: 'x', status: 'calling' }, createdAt: 0, events: [] })
    expect(row.phone).toBe(masked)
    expect(JSON.stringify(row)).not.toContain(e164.slice(1))
  })

  it('the list, the missed calls and the CSV export never carry a full number', async () => {
    const c = await startConsole()
    // The demo site takes GB and IE numbers only: store the others directly, as another country's site would have.
    const requests = NUMBERS.map(([phone]) => demoRequest({ phone }))
    for (const r of requests) c.store(r)
    const token = await c.session('demo')
    for (const r of requests) expect((await c.call(`/v1/callbacks/${r.id}/events`, token, { body: { type: 'missed' } })).status).toBe(201)

    const list = await (await c.call('/console/api/requests', token)).text()
    const missed = await (await c.call('/console/api/missed', token)).text()
    const csv = await (await c.call('/console/api/requests.csv', token)).text()
    for (const [e164, masked] of NUMBERS) {
      for (const text of [list, missed, csv]) {
        expect(text).not.toContain(e164.slice(1))
        expect(text).toContain(masked)
      }
    }
    // Each data line of the CSV holds one masked number, kept from running as a formula.
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]).toBe('received,channel,phone,status,scheduled for,medium,campaign,referrer,page,device,outcome,name,email,message')
    expect(lines).toHaveLength(NUMBERS.length + 1)
    expect(
      lines
        .slice(1)
        .map((l) => l.match(/"'\+\d+•••\d+"/g))
        .sort()
    ).toEqual(NUMBERS.map(([, m]) => [`"'${m}"`]).sort())
  })
})

describe('CSV lines', () => {
  it('quote separators and quotes, and defuse formulas', () => {
    expect(toCsv(['a', 'b,c', 'say "hi"', undefined, 3])).toBe('a,"b,c","say ""hi""",,3\r\n')
    expect(toCsv(['=HYPERLINK("http://evil")', '@SUM(A1)', '-1+2'])).toBe(`"'=HYPERLINK(""http://evil"")","'@SUM(A1)","'-1+2"\r\n`)
    expect(toCsv(['line\nbreak'])).toBe('"line\nbreak"\r\n')
  })

  it('defuse a formula behind leading spaces, control characters or a line break, and fullwidth signs', () => {
    const cells = [
      ' =HYPERLINK("http://evil.example","Open")',
      '\n=1+1',
      '\r\n@SUM(A1)',
      '\t+1',
      '\u00a0\u200b-2+3',
      '\u0007=1',
      '\uff1dHYPERLINK("http://evil.example")',
      '\uff0b1',
      '\uff0d1',
      '\uff20SUM(A1)',
      '\t',
      '\r'
    ]
    for (const cell of cells) {
      const line = toCsv([cell])
      expect(line, JSON.stringify(cell)).toMatch(/^"?'/)
      // The cell's own characters follow the apostrophe, unchanged.
      expect(
        line
          .replace(/^"?'/, '')
          .replace(/"?\r\n$/, '')
          .replaceAll('""', '"'),
        JSON.stringify(cell)
      ).toBe(cell)
    }
    // Text that only contains such signs further on is left alone.
    expect(toCsv(['Boilers - winter', 'a=b', ' plain'])).toBe('Boilers - winter,a=b, plain\r\n')
  })
})
