import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { randomUUID } from 'node:crypto'
import { afterEach } from 'vitest'
import { createReceiver, type ReceiverOptions } from '../../../demo/server/receiver/createReceiver'
import { loadSites } from '../../../demo/server/receiver/loadSites'
import type { CallbackRequest } from '../../../src/schema'

/** A receiver on a free port with the demo sites, a file database in a temp folder, and a fixed clock. */
export async function startReceiver(options: Partial<ReceiverOptions> & { clock?: { now: number } } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'ringback-unit-'))
  const clock = options.clock || { now: Date.parse('2026-11-23T10:00:00Z') } // a Monday, open
  const dbPath = options.dbPath || join(dir, 'ringback.db')
  const receiver = createReceiver({ sites: loadSites('demo/sites.json'), now: () => clock.now, ...options, dbPath })
  const origin = await receiver.listen(0)
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    fetch(origin + '/v1/callbacks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body)
    })
  return { receiver, origin, post, clock, dbPath, dir }
}

/** A valid request of the demo site; pass changes to vary it. */
export function request(change: Partial<CallbackRequest> = {}): CallbackRequest {
  return {
    id: randomUUID(),
    siteId: 'demo',
    channel: 'widget',
    phone: '+447400123456',
    schedule: { type: 'asap' },
    page: { url: 'https://acme.example/pricing', title: 'Pricing' },
    source: { medium: 'organic', referrerHost: 'www.google.co.uk' },
    device: { type: 'mobile', os: { name: 'iOS', version: '18.1' }, browser: { name: 'Mobile Safari', version: '18.1' } },
    locale: 'en-GB',
    timeZone: 'Europe/London',
    requestedAt: '2026-11-23T09:59:58.000Z',
    ...change
  }
}

/** A `start` for a test file: the receivers it starts are disposed of after each test. */
export function startEachTest() {
  let running: Awaited<ReturnType<typeof startReceiver>>[] = []
  afterEach(async () => {
    for (const r of running) await r.receiver.dispose()
    running = []
  })
  return async (...args: Parameters<typeof startReceiver>) => {
    const r = await startReceiver(...args)
    running.push(r)
    return r
  }
}
