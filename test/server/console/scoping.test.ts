import { describe, expect, it } from 'vitest'
import { demoRequest, dentalRequest, startConsole } from './consoleHarness'

/** Classic payloads: each would widen or break a query built by pasting strings. */
const INJECTIONS = [
  "' OR '1'='1",
  "widget' OR site_id != 'x",
  "' OR 1=1 --",
  "x') OR ('1'='1",
  '" OR ""="',
  "'; DROP TABLE requests; --",
  "' UNION SELECT id, body, response, created_at FROM requests --",
  'demo',
  '1 OR 1=1',
  '%'
]

describe('every console query is scoped to the signed-in site by parameters', { timeout: 30000 }, () => {
  it('no filter, page, period, export, deletion, erasure or event id reaches another site’s rows', async () => {
    const c = await startConsole()
    const demo = [demoRequest(), demoRequest({ channel: 'form' }), demoRequest({ phone: '+353851234567' })]
    await c.seed(...demo, dentalRequest())
    const dental = await c.session('acme-dental')
    const demoToken = await c.session('demo')

    // What would betray demo's data in any answer: its ids, its numbers in full or masked.
    const leaks = (text: string) => demo.some((r) => text.includes(r.id)) || /447400123456|353851234567|\+44740|\+35385/.test(text)
    const bodies: string[] = []
    const read = async (res: Response) => {
      const text = await res.text()
      bodies.push(text)
      return text
    }

    for (const bad of INJECTIONS) {
      const q = encodeURIComponent(bad)
      for (const path of [
        `/console/api/requests?channel=${q}`,
        `/console/api/requests?status=${q}`,
        `/console/api/requests?days=${q}`,
        `/console/api/requests?page=${q}`,
        `/console/api/requests?channel=${q}&status=${q}&days=${q}&page=${q}`,
        `/console/api/requests.csv?channel=${q}`,
        `/console/api/requests.csv?status=${q}&days=${q}`,
        `/console/api/metrics?days=${q}`,
        '/console/api/missed',
        '/console/api/errors'
      ]) {
        const res = await c.call(path, dental)
        expect(res.status, path).toBeLessThan(500)
        expect(leaks(await read(res)), path).toBe(false)
      }
      expect((await c.call('/console/api/requests/' + q, dental, { method: 'DELETE' })).status).toBe(404)
      await read(await c.call('/console/api/erase', dental, { body: { phone: bad } }))
      await read(await c.call(`/v1/callbacks/${q}/events`, dental, { body: { type: 'missed' } }))
      expect((await c.call(`/console/api/data?confirm=${q}`, dental, { method: 'DELETE' })).status).toBe(400)
    }

    // Ids and numbers of the other site, given outright, are refused as if they did not exist.
    for (const r of demo) {
      expect((await c.call('/console/api/requests/' + r.id, dental, { method: 'DELETE' })).status).toBe(404)
      expect((await c.call(`/v1/callbacks/${r.id}/events`, dental, { body: { type: 'opted_out' } })).status).toBe(404)
    }
    expect(await (await c.call('/console/api/erase', dental, { body: { phone: '+447400123456' } })).json()).toEqual({ deleted: 0 })

    // The unfiltered views of the attacker's own site show its one request, and the CSV has one data line.
    const own = await c.getJson<{ total: number; rows: { phone: string }[] }>('/console/api/requests', dental)
    expect(own.total).toBe(1)
    expect(own.rows[0]!.phone).toBe('+1202•••0143')
    const csv = await (await c.call('/console/api/requests.csv', dental)).text()
    expect(csv.trim().split('\r\n')).toHaveLength(2)
    expect(bodies.some(leaks)).toBe(false)

    // And demo's data is all still there, untouched.
    const mine = await c.getJson<{ total: number }>('/console/api/requests', demoToken)
    expect(mine.total).toBe(3)
    expect(c.receiver.db.listBySite('demo')).toHaveLength(3)
    const events = c.receiver.db.db.prepare('SELECT COUNT(*) AS n FROM call_events').get() as { n: number }
    expect(events.n).toBe(0)
  })

  it('filters still work as filters', async () => {
    const c = await startConsole()
    await c.seed(demoRequest(), demoRequest({ channel: 'form' }), demoRequest({ channel: 'form', phone: '+353851234567' }))
    const token = await c.session('demo')
    const page = (q: string) => c.getJson<{ total: number; rows: { channel: string }[] }>('/console/api/requests?' + q, token)
    expect((await page('channel=form')).total).toBe(2)
    expect((await page('channel=widget')).total).toBe(1)
    expect((await page('status=calling')).total).toBe(3)
    expect((await page('status=scheduled')).total).toBe(0)
    expect((await page('channel=form&status=calling')).rows.every((r) => r.channel === 'form')).toBe(true)
  })

  it('pages newest first, 25 at a time, and the export follows the filters', async () => {
    const c = await startConsole()
    const ids: string[] = []
    for (let i = 0; i < 30; i++) {
      const r = demoRequest({ channel: i % 3 ? 'widget' : 'form' })
      c.store(r, c.clock.now - (30 - i) * 60000) // the last one is the newest
      ids.push(r.id)
    }
    const token = await c.session('demo')
    const page = (n: number) => c.getJson<{ total: number; page: number; rows: { id: string }[] }>('/console/api/requests?page=' + n, token)
    const [one, two, three] = [await page(1), await page(2), await page(3)]
    expect(one.total).toBe(30)
    expect(one.rows.map((r) => r.id)).toEqual(ids.slice(5).reverse())
    expect(two.rows.map((r) => r.id)).toEqual(ids.slice(0, 5).reverse())
    expect(three.rows).toEqual([])
    const csv = await (await c.call('/console/api/requests.csv?channel=form', token)).text()
    expect(csv.trim().split('\r\n')).toHaveLength(1 + 10)
    expect(
      csv
        .split('\r\n')
        .slice(1, -1)
        .every((line) => line.split(',').includes('form'))
    ).toBe(true)
  })
})
