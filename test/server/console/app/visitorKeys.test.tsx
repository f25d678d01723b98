// @vitest-environment happy-dom
import { render } from 'preact'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { label } from '../../../../demo/server/console/app/format'
import { Overview } from '../../../../demo/server/console/app/Overview'
import { RequestTable } from '../../../../demo/server/console/app/RequestTable'
import type { Metrics, PresentedRow } from '../../../../demo/server/console/app/types'

/** Names a visitor can put in a campaign or a device type that mean something to a plain object. */
const HOSTILE = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf']

/** Object.prototype's own properties and their values, to see that nothing wrote onto it. */
const prototypeState = () => Object.getOwnPropertyNames(Object.prototype).map((name) => [name, (Object.prototype as Record<string, unknown>)[name]])

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

afterEach(() => {
  vi.unstubAllGlobals()
  document.body.textContent = ''
})

describe('console lookups keyed by visitor data', () => {
  it('label() answers a stored value that names an Object.prototype member with the value itself', () => {
    for (const value of HOSTILE) expect(label(value)).toBe(value)
    expect(label('mobile')).toBe('Mobile')
  })

  it('the overview and the request list render leads whose campaign and device type are __proto__, constructor, toString', async () => {
    const before = prototypeState()
    const counts = Object.fromEntries(HOSTILE.map((key, i) => [key, i + 1]))
    // As the API sends it: JSON, which makes `__proto__` an own key when parsed.
    const metrics = JSON.stringify({
      days: 30,
      total: 15,
      channel: { widget: 15 },
      medium: { paid: 15 },
      campaign: counts,
      device: counts,
      schedule: { asap: 15 },
      outcome: {},
      response: { count: 0 },
      perDay: [{ date: '2026-11-23', widget: 15, form: 0 }]
    } satisfies Metrics)
    const refused = JSON.stringify({ counts: { refused: 0, unlisted: 0 }, rows: [] })
    vi.stubGlobal('fetch', async (url: string) => new Response(String(url).includes('/refused') ? refused : metrics, { headers: { 'Content-Type': 'application/json' } }))
    const root = document.createElement('div')
    document.body.append(root)
    render(<Overview days={30} me={{ siteId: 'demo', name: 'Acme Plumbing', timeZone: 'Europe/London', retentionDays: 90, expiresAt: '' }} />, root)
    await vi.waitFor(() => expect(root.querySelector('.breakdown')).not.toBeNull())
    await tick()
    const text = root.textContent || ''
    for (const key of HOSTILE) expect(text).toContain(key)

    const rows: PresentedRow[] = HOSTILE.map((key, i) => ({
      id: 'r' + i,
      receivedAt: '2026-11-23T10:00:00.000Z',
      channel: key,
      phone: '+44740•••3456',
      status: 'calling',
      schedule: 'asap',
      medium: key,
      campaign: key,
      pageUrl: 'https://acme.example/',
      device: key,
      outcome: key
    }))
    const table = document.createElement('div')
    document.body.append(table)
    const numbers = { shown: new Map(), reveal: async () => undefined, error: undefined }
    render(<RequestTable rows={rows} timeZone="Europe/London" caption="Leads" numbers={numbers} onOpen={() => undefined} />, table)
    expect(table.querySelectorAll('tbody tr')).toHaveLength(HOSTILE.length)
    for (const key of HOSTILE) expect(table.textContent).toContain(key)

    expect(prototypeState()).toEqual(before)
    expect(Object.getPrototypeOf({})).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).__k).toBeUndefined()
  })
})
