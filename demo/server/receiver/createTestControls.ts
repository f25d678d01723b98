import type { Handler, Route } from '../http/createRouter'
import { sendJson } from '../http/sendJson'
import type { Db } from './openDb'
import type { SendConfig } from './sendConfig'

/** One POST /v1/callbacks as the receiver saw it. */
export interface Attempt {
  id: string
  status: number
  contentType: string
  at: string
}

interface CallbackFault {
  /** How many POSTs fail (default 1, or every one while `forMs` lasts). */
  count?: number
  /** Fail every POST for this long from the moment the fault is armed: the platform is down. */
  forMs?: number
  status?: number
  /** A `Location` header, for 3xx answers. */
  location?: string
  contentType?: string
  retryAfter?: number
  body?: string
  delayMs?: number
  /** Destroy the connection: the browser sees a network error. */
  drop?: boolean
  /** After `delayMs`, answer as the platform would: a slow platform, not a failing one. */
  pass?: boolean
}

/**
 * Test-only controls, present only when the receiver runs with its fault
 * switch on: routes under `/__test/` (arm faults, read what was stored and
 * what was attempted, reset), and wrappers that the receiver puts around its
 * callback and config handlers to make them fail. A platform in production
 * has none of this, and its handlers carry no trace of it.
 */
export function createTestControls(db: Db, resetLimits: () => void) {
  let callbacks: (CallbackFault & { until?: number }) | undefined
  /** `body`: serve this as the config of the site asked for (hostile texts, schema failures). */
  let config: { invalid?: boolean; status?: number; body?: unknown } | undefined
  const attempts: Attempt[] = []

  const idOf = (text: string, key: string | undefined) => {
    try {
      const id = (JSON.parse(text) as { id?: unknown }).id
      if (typeof id === 'string') return id
    } catch {
      // Not JSON: fall back on the header.
    }
    return key || ''
  }

  /** The fault to apply to this POST, if one is armed. */
  const callbackFault = () => {
    if (!callbacks) return undefined
    if (callbacks.until !== undefined) {
      if (Date.now() >= callbacks.until) return undefined
    } else {
      if ((callbacks.count ?? 1) <= 0) return undefined
      callbacks.count = (callbacks.count ?? 1) - 1
    }
    return { status: 503, ...callbacks }
  }

  const configFault = () => {
    if (!config) return undefined
    if (config.body !== undefined) return { status: 200, body: config.body }
    if (config.status) return { status: config.status, body: { error: { code: 'unavailable', message: 'Injected fault.' } } }
    if (config.invalid) {
      return { status: 200, body: { siteId: 'demo', business: { name: 42 }, hours: 'always', widget: { enabled: 'yes', position: 'middle' } } }
    }
    return undefined
  }

  /** Test pages and specs call these from any origin. */
  const open =
    (handler: Handler): Handler =>
    (req, res, ctx) => {
      res.setHeader('Access-Control-Allow-Origin', '*')
      return handler(req, res, ctx)
    }

  const routes: Route[] = [
    {
      method: 'GET',
      path: '/__test/requests',
      handler: open((_req, res, { url }) =>
        sendJson(
          res,
          200,
          db
            .listBySite(url.searchParams.get('siteId') || 'demo', 10000)
            .reverse()
            .map((row) => row.request)
        )
      )
    },
    { method: 'GET', path: '/__test/attempts', handler: open((_req, res) => sendJson(res, 200, attempts)) },
    {
      method: 'POST',
      path: '/__test/faults',
      maxBody: 65536,
      handler: open(async (_req, res, ctx) => {
        const body = ((await ctx.json()) || {}) as { callbacks?: CallbackFault; config?: typeof config }
        if ('callbacks' in body) {
          callbacks = body.callbacks
          if (callbacks && callbacks.forMs !== undefined) callbacks.until = Date.now() + callbacks.forMs
        }
        if ('config' in body) config = body.config
        sendJson(res, 200, { ok: true })
      })
    },
    {
      method: 'POST',
      path: '/__test/reset',
      handler: open((_req, res) => {
        callbacks = undefined
        config = undefined
        attempts.length = 0
        db.reset()
        resetLimits()
        sendJson(res, 200, { ok: true })
      })
    },
    { method: '*', path: '/__test/*', handler: open((_req, res) => sendJson(res, 404, { error: { code: 'not_found', message: 'Not found.' } })) }
  ]

  return {
    routes,

    /**
     * `POST /v1/callbacks` as the armed fault makes it: delayed, answered
     * with any status, type and body, or cut off; every attempt is recorded.
     * A body over the limit goes straight to the handler, as it would in
     * production.
     */
    withCallbackFaults(handler: Handler): Handler {
      return async (req, res, ctx) => {
        const text = await ctx.body()
        if (text === undefined) return handler(req, res, ctx)
        const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined
        const record = (status: number) =>
          attempts.push({ id: idOf(text, key), status, contentType: String(req.headers['content-type'] || ''), at: new Date().toISOString() })
        const fault = callbackFault()
        if (fault && fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs))
        if (!fault || fault.pass) {
          await handler(req, res, ctx)
          return void record(res.statusCode)
        }
        record(fault.drop ? 0 : fault.status)
        if (fault.drop) return void req.socket.destroy()
        res.writeHead(fault.status, {
          'Content-Type': fault.contentType || 'application/json',
          ...(fault.retryAfter !== undefined && { 'Retry-After': String(fault.retryAfter) }),
          ...(fault.location && { Location: fault.location })
        })
        res.end(fault.body ?? JSON.stringify({ error: { code: 'unavailable', message: 'Injected fault.' } }))
      }
    },

    /** The site's config, or the armed replacement (a failure, an invalid or hostile body). */
    withConfigFault(send: SendConfig): SendConfig {
      return (req, res, site) => {
        const fault = configFault()
        if (fault) return sendJson(res, fault.status, fault.body)
        send(req, res, site)
      }
    }
  }
}
