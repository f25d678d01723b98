import { createHash } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { anonymizeIp } from './anonymizeIp'
import { allowOrigin, originOf } from './allowOrigin'
import { openDb } from './openDb'
import { type Answer, handleCallback } from './handleCallback'
import { readBody, sendError, sendJson } from '../http/sendJson'
import { createRateLimiter, type Limit } from './createRateLimiter'
import type { SiteRecord } from './loadSites'
import { createStaticFiles } from '../http/createStaticFiles'
import { createTestControls } from './createTestControls'
import { createConsole, type Console } from '../console/createConsole'

export { loadSites, type SiteRecord } from './loadSites'

/**
 * Default rate limits: per destination number across all sites (a number
 * being "called back" by many sites is being harassed), per anonymised IP,
 * and per site.
 */
export interface RateLimits {
  perNumber: number
  perIp: number
  perSite: number
}
const DEFAULT_LIMITS: RateLimits = { perNumber: 3, perIp: 30, perSite: 1000 }
const WINDOWS = { perNumber: 10 * 60000, perIp: 10 * 60000, perSite: 60 * 60000 }

export interface ReceiverOptions {
  /** SQLite file; `:memory:` in unit tests. */
  dbPath: string
  sites: SiteRecord[]
  /** Serve this folder at `/` as the CDN would (`/ringback.js`, its lazy files). */
  distDir?: string
  /** Test-only: enables `/__test/` (fault injection, stored requests). Off by default. */
  faults?: boolean
  limits?: Partial<RateLimits>
  now?: () => number
  /** Request log lines; client IPs in them are anonymised. */
  log?: (line: string) => void
  /** The lead console's token key (default: random per process) and retention job interval. */
  console?: { secret?: string | Buffer; purgeEveryMs?: number }
}

export interface Receiver {
  /** Starts listening; resolves with the origin, e.g. `http://127.0.0.1:8787`. */
  listen(port?: number, host?: string): Promise<string>
  /** Stops listening (the database stays open, so `listen` may be called again). */
  close(): Promise<void>
  /** Stops listening and closes the database. */
  dispose(): Promise<void>
  /** Registers an origin for a site at run time (tests use free ports). */
  allowOrigin(siteId: string, origin: string): void
  db: ReturnType<typeof openDb>
  /** The lead console (`/console`): tokens, the retention job. */
  console: Console
}

/** Body limit of POST /v1/callbacks: the SDK's keepalive budget is 64 KiB. */
const MAX_BODY = 64 * 1024

/**
 * The reference receiver: the platform side of platform-api.md, for real.
 * Sites come from a file, requests go to SQLite, and no cookie is ever set.
 */
export function createReceiver(options: ReceiverOptions): Receiver {
  const now = options.now || Date.now
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const sites = new Map(options.sites.map((site) => [site.config.siteId, { ...site, origins: [...site.origins] }]))
  const db = openDb(options.dbPath)
  const limit = (key: keyof RateLimits): Limit => ({ max: limits[key], windowMs: WINDOWS[key] })
  const limiters = {
    number: createRateLimiter(limit('perNumber'), now),
    ip: createRateLimiter(limit('perIp'), now),
    site: createRateLimiter(limit('perSite'), now)
  }
  const tests = options.faults ? createTestControls(db, () => Object.values(limiters).forEach((l) => l.reset())) : undefined
  const files = options.distDir ? createStaticFiles(options.distDir, { cors: true }) : undefined
  const log = options.log || (() => undefined)
  const leads = createConsole({ db, sites, now, ...options.console })

  const answer = (res: ServerResponse, a: Answer) => {
    if (a.status >= 400) {
      const code = (a.body as { error?: { code?: string } }).error?.code || 'error'
      db.logError(a.siteId, code, a.status, now())
    }
    sendJson(res, a.status, a.body, a.headers)
  }

  /** Any origin registered for some site may preflight; the POST itself is checked against its site. */
  const knownOrigin = (origin: string | undefined) => !!origin && [...sites.values()].some((s) => s.origins.includes(origin))

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url || '/', 'http://receiver')
    const path = url.pathname
    const origin = originOf(req)
    const ip = anonymizeIp(req.socket.remoteAddress)

    if (tests && path.startsWith('/__test/')) return tests.handle(req, res, url)

    if (path === '/v1/callbacks' || /^\/v1\/sites\/[^/]+\/config$/.test(path)) {
      if (req.method === 'OPTIONS') {
        if (!knownOrigin(origin)) return sendError(res, 403, 'origin_not_allowed', 'This origin is not registered.')
        allowOrigin(res, origin!)
        res.writeHead(204)
        return void res.end()
      }
    }

    const config = /^\/v1\/sites\/([^/]+)\/config$/.exec(path)
    if (config && (req.method === 'GET' || req.method === 'HEAD')) {
      const site = sites.get(decodeURIComponent(config[1]!))
      if (origin) {
        if (site && !site.origins.includes(origin)) return sendError(res, 403, 'origin_not_allowed', 'This origin is not registered for this site.')
        if (site) allowOrigin(res, origin)
      }
      if (!site) return sendError(res, 404, 'site_not_found', 'There is no such site.')
      const fault = tests?.configFault()
      if (fault) return sendJson(res, fault.status, fault.body)
      const body = JSON.stringify(site.config)
      const etag = '"' + createHash('sha1').update(body).digest('base64url').slice(0, 16) + '"'
      const headers = { 'Cache-Control': 'max-age=300', ETag: etag, 'Content-Type': 'application/json; charset=utf-8' }
      if (req.headers['if-none-match'] === etag) {
        res.writeHead(304, headers)
        return void res.end()
      }
      res.writeHead(200, headers)
      return void res.end(body)
    }

    if (path === '/v1/callbacks' && req.method === 'POST') {
      if (origin && knownOrigin(origin)) allowOrigin(res, origin)
      let text: string
      try {
        text = await readBody(req, MAX_BODY)
      } catch {
        return answer(res, { status: 413, body: { error: { code: 'invalid_request', message: 'The body is too large.' } } })
      }
      const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined
      const fault = tests?.callbackFault(text, key, String(req.headers['content-type'] || ''))
      if (fault && fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs))
      if (fault && !fault.pass) {
        tests!.record(text, key, String(req.headers['content-type'] || ''), fault.drop ? 0 : fault.status)
        if (fault.drop) return void req.socket.destroy()
        res.writeHead(fault.status, {
          'Content-Type': fault.contentType || 'application/json',
          ...(fault.retryAfter !== undefined && { 'Retry-After': String(fault.retryAfter) }),
          ...(fault.location && { Location: fault.location })
        })
        return void res.end(fault.body ?? JSON.stringify({ error: { code: 'unavailable', message: 'Injected fault.' } }))
      }
      const result = handleCallback({ db, sites, limiters, now }, text, { key, origin, ip })
      tests?.record(text, key, String(req.headers['content-type'] || ''), result.status)
      log(`${new Date(now()).toISOString()} ${ip} POST /v1/callbacks ${result.status}`)
      return answer(res, result)
    }

    // The old open list page: a site's requests are for its signed-in owner only, in the console.
    if (/^\/sites\/[^/]+\/requests$/.test(path) && req.method === 'GET') {
      res.writeHead(302, { Location: '/console' })
      return void res.end()
    }

    if (await leads.handle(req, res, url, ip)) return
    if (files && (req.method === 'GET' || req.method === 'HEAD') && (await files(req, res, path))) return
    sendError(res, 404, 'not_found', 'Not found.')
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log('internal error: ' + String(error))
      if (!res.headersSent) sendError(res, 500, 'internal_error', 'Something went wrong.')
      else res.end()
    })
  })

  let dbClosed = false
  const close = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve()
      server.close(() => resolve())
      server.closeAllConnections()
    })

  return {
    db,
    console: leads,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo
          resolve(`http://${host.includes(':') ? '[' + host + ']' : host}:${address.port}`)
        })
      })
    },
    close,
    async dispose() {
      await close()
      leads.stop()
      if (!dbClosed) db.close()
      dbClosed = true
    },
    allowOrigin(siteId, origin) {
      const site = sites.get(siteId)
      if (site && !site.origins.includes(origin)) site.origins.push(origin)
    }
  }
}
