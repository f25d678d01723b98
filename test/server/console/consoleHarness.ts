import { afterEach } from 'vitest'
import { request, startReceiver } from '../receiver/startReceiver'
import type { CallbackRequest } from '../../../src/schema'

export { request }

/** PINs of the demo sites (demo/sites.json holds their scrypt hashes). */
export const PINS: Record<string, string> = { demo: '482913', 'acme-dental': '735102' }

let running: Awaited<ReturnType<typeof startReceiver>>[] = []
afterEach(async () => {
  for (const r of running) await r.receiver.dispose()
  running = []
})

/** A receiver with the demo sites and a fixed clock, plus what console tests do with it. */
export async function startConsole(options: Parameters<typeof startReceiver>[0] = {}) {
  const r = await startReceiver({ limits: { perNumber: 1000, perIp: 1000, perSite: 1000 }, ...options })
  running.push(r)
  const { origin } = r

  const call = (path: string, token: string | undefined, init: { method?: string; body?: unknown; headers?: Record<string, string> } = {}) =>
    fetch(origin + path, {
      method: init.method || (init.body === undefined ? 'GET' : 'POST'),
      headers: {
        ...(token && { Authorization: 'Bearer ' + token }),
        ...(init.body !== undefined && { 'Content-Type': 'application/json' }),
        ...init.headers
      },
      body: init.body === undefined ? undefined : typeof init.body === 'string' ? init.body : JSON.stringify(init.body)
    })

  return {
    ...r,
    call,
    signIn: (siteId: string, pin = PINS[siteId]) => call('/console/api/signin', undefined, { body: { siteId, pin } }),
    /** Signs in and returns the session token. */
    async session(siteId: string): Promise<string> {
      const res = await call('/console/api/signin', undefined, { body: { siteId, pin: PINS[siteId] } })
      if (res.status !== 200) throw new Error('sign-in failed: ' + res.status)
      return ((await res.json()) as { token: string }).token
    },
    /** Stores requests through the real API, as the SDK would send them. */
    async seed(...requests: CallbackRequest[]): Promise<void> {
      for (const body of requests) {
        const res = await r.post(body)
        if (res.status !== 201) throw new Error('seed failed: ' + res.status + ' ' + (await res.text()))
      }
    },
    /** Stores a request directly (for numbers of countries no demo site accepts, or old receipt times). */
    store(body: CallbackRequest, createdAt = r.clock.now): void {
      r.receiver.db.insertOrGet({
        id: body.id,
        siteId: body.siteId,
        hash: body.id,
        request: body,
        response: { id: body.id, status: 'calling', etaSeconds: 30 },
        createdAt,
        ip: '127.0.0.0'
      })
    },
    getJson: async <T>(path: string, token: string): Promise<T> => {
      const res = await call(path, token)
      if (!res.ok) throw new Error(path + ': ' + res.status)
      return (await res.json()) as T
    }
  }
}

/** A demo-site request (GB number) and an acme-dental one (US number). */
export const demoRequest = (change: Partial<CallbackRequest> = {}) => request({ siteId: 'demo', phone: '+447400123456', ...change })
export const dentalRequest = (change: Partial<CallbackRequest> = {}) =>
  request({ siteId: 'acme-dental', phone: '+12025550143', locale: 'en-US', timeZone: 'America/New_York', ...change })
