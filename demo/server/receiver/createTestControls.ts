import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Db } from './openDb'
import { readBody, sendJson } from '../http/sendJson'

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
 * Test-only controls under `/__test/`, present only when the receiver runs
 * with its fault switch on: make the next requests fail, serve a broken
 * config, read what was stored and what was attempted, reset. A platform in
 * production has none of this.
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

  return {
    record(text: string, key: string | undefined, contentType: string, status: number) {
      attempts.push({ id: idOf(text, key), status, contentType, at: new Date().toISOString() })
    },
    /** The fault to apply to this POST, if one is armed. */
    callbackFault(_text: string, _key: string | undefined, _contentType: string) {
      if (!callbacks) return undefined
      if (callbacks.until !== undefined) {
        if (Date.now() >= callbacks.until) return undefined
      } else {
        if ((callbacks.count ?? 1) <= 0) return undefined
        callbacks.count = (callbacks.count ?? 1) - 1
      }
      const { status = 503, retryAfter, body, delayMs, drop, location, contentType, pass } = callbacks
      return { status, retryAfter, body, delayMs, drop, location, contentType, pass }
    },
    configFault() {
      if (!config) return undefined
      if (config.body !== undefined) return { status: 200, body: config.body }
      if (config.status) return { status: config.status, body: { error: { code: 'unavailable', message: 'Injected fault.' } } }
      if (config.invalid) {
        return { status: 200, body: { siteId: 'demo', business: { name: 42 }, hours: 'always', widget: { enabled: 'yes', position: 'middle' } } }
      }
      return undefined
    },
    async handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
      res.setHeader('Access-Control-Allow-Origin', '*')
      const path = url.pathname
      if (path === '/__test/requests' && req.method === 'GET') {
        const siteId = url.searchParams.get('siteId') || 'demo'
        return sendJson(res, 200, db.listBySite(siteId, 10000).reverse().map((row) => row.request))
      }
      if (path === '/__test/attempts' && req.method === 'GET') return sendJson(res, 200, attempts)
      if (path === '/__test/faults' && req.method === 'POST') {
        const body = JSON.parse((await readBody(req, 65536)) || '{}') as { callbacks?: CallbackFault; config?: typeof config }
        if ('callbacks' in body) {
          callbacks = body.callbacks
          if (callbacks && callbacks.forMs !== undefined) callbacks.until = Date.now() + callbacks.forMs
        }
        if ('config' in body) config = body.config
        return sendJson(res, 200, { ok: true })
      }
      if (path === '/__test/reset' && req.method === 'POST') {
        callbacks = undefined
        config = undefined
        attempts.length = 0
        db.reset()
        resetLimits()
        return sendJson(res, 200, { ok: true })
      }
      sendJson(res, 404, { error: { code: 'not_found', message: 'Not found.' } })
    }
  }
}
