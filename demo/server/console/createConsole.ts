import { randomBytes } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'
import { CallEvent } from '../../../src/schema'
import type { Db } from '../receiver/openDb'
import { sendError, sendJson } from '../http/sendJson'
import type { SiteRecord } from '../receiver/loadSites'
import { buildMetrics } from './buildMetrics'
import { createAttemptLimit } from './createAttemptLimit'
import { createTokens, type TokenPurpose } from './createTokens'
import { serveConsolePage } from './consolePageRoutes'
import { verifyPin } from './hashPin'
import { openConsoleDb, type RequestFilter } from './openConsoleDb'
import { periodStart } from './periodStart'
import { presentRow } from './presentRow'
import { purgeExpired } from './purgeExpired'
import { toCsv } from './toCsv'

const MINUTE = 60000
const HOUR = 60 * MINUTE
const DAY = 24 * HOUR
/** A console session lasts a working day; closing the tab ends it sooner (sessionStorage). */
const SESSION_TTL = 8 * HOUR
/** Shared links: a day by default, a week at most. */
const LINK_TTL = DAY
const LINK_MAX = 7 * DAY
const PAGE_SIZE = 25
/** Console and event bodies are a few fields. */
const MAX_BODY = 8 * 1024

export interface ConsoleOptions {
  db: Db
  sites: Map<string, SiteRecord>
  now: () => number
  /** HMAC key for tokens. Default: random per process, so tokens die with it. */
  secret?: Buffer | string
  /** Failed sign-ins allowed per site and IP in `windowMs`. */
  attempts?: { max: number; windowMs: number }
  /** How often the retention job runs; 0 runs it only at start and on `purge()`. */
  purgeEveryMs?: number
}

/** A path segment decoded, or '' when it is not valid percent-encoding (it then matches nothing). */
const segment = (raw: string) => {
  try {
    return decodeURIComponent(raw)
  } catch {
    return ''
  }
}

type Auth = { siteId: string; site: SiteRecord; expiresAt: number; jti: string }

/**
 * The site owner's lead console: the page at `/console`, its JSON API under
 * `/console/api/`, the call-outcome endpoint `POST /v1/callbacks/{id}/events`
 * and the retention job. Sign-in by Client ID and PIN or by a signed link
 * gives a signed session token that the page keeps in sessionStorage and
 * sends as `Authorization: Bearer`: no cookie is read or set. Every query is
 * scoped to the site of the token.
 */
export function createConsole(options: ConsoleOptions) {
  const { sites, now } = options
  const store = openConsoleDb(options.db.db)
  const tokens = createTokens(options.secret || randomBytes(32), now)
  const attempts = createAttemptLimit(options.attempts || { max: 5, windowMs: 15 * MINUTE }, now)
  const purge = () => purgeExpired(store, sites, now())
  purge()
  const timer = options.purgeEveryMs === 0 ? undefined : setInterval(purge, options.purgeEveryMs || HOUR)
  timer?.unref()

  const issueSession = (siteId: string) => {
    const { token, claims } = tokens.issue('session', siteId, SESSION_TTL)
    return { token, siteId, expiresAt: new Date(claims.expiresAt).toISOString() }
  }

  /** The bearer token's site, or an error already sent. */
  const authenticate = (req: IncomingMessage, res: ServerResponse, purposes: TokenPurpose[]): Auth | undefined => {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(String(req.headers.authorization || ''))
    const refuse = (message: string) => void sendError(res, 401, 'unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer' })
    if (!match) return refuse('Sign in first.')
    for (const purpose of purposes) {
      const check = tokens.verify(match[1]!, purpose)
      if (!check.ok) {
        if (check.reason === 'purpose') continue
        return refuse(check.reason === 'expired' ? 'Your session has expired. Please sign in again.' : 'This token is not valid.')
      }
      const site = sites.get(check.claims.siteId)
      if (!site || store.isSpent(check.claims.jti)) return refuse('This session has ended. Please sign in again.')
      return { siteId: check.claims.siteId, site, expiresAt: check.claims.expiresAt, jti: check.claims.jti }
    }
    return refuse('This token may not be used here.')
  }

  /**
   * The JSON object of a small body, or undefined. A body over the limit is
   * read to its end and ignored, so that the client still gets an answer;
   * one far over it is cut off.
   */
  const readJson = (req: IncomingMessage) =>
    new Promise<Record<string, unknown> | undefined>((resolve) => {
      const chunks: Buffer[] = []
      let size = 0
      req.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size <= MAX_BODY) chunks.push(chunk)
        else if (size > 64 * MAX_BODY) req.destroy()
      })
      req.on('error', () => resolve(undefined))
      req.on('end', () => {
        try {
          const value = size <= MAX_BODY ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown) : undefined
          resolve(value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined)
        } catch {
          resolve(undefined)
        }
      })
    })
  const text = (value: unknown) => (typeof value === 'string' ? value : undefined)
  const daysOf = (url: URL) => Math.min(365, Math.max(1, Math.floor(Number(url.searchParams.get('days')) || 30)))
  const filterOf = (url: URL, site: SiteRecord): RequestFilter => ({
    channel: url.searchParams.get('channel') || undefined,
    status: url.searchParams.get('status') || undefined,
    // Without a period: everything kept. With one: the same local dates as the metrics.
    since: url.searchParams.has('days') ? periodStart(now(), site.config.business.timeZone, daysOf(url)).since : undefined
  })
  const zoned = (site: SiteRecord) =>
    new Intl.DateTimeFormat('en-GB', { timeZone: site.config.business.timeZone, dateStyle: 'short', timeStyle: 'short' })

  async function api(req: IncomingMessage, res: ServerResponse, url: URL, ip: string): Promise<void> {
    const path = url.pathname.slice('/console/api'.length)
    const method = req.method || 'GET'

    if (path === '/signin' && method === 'POST') {
      const body = await readJson(req)
      const siteId = text(body?.siteId)?.trim() || ''
      const pin = text(body?.pin) || ''
      const key = siteId + '\n' + ip
      const wait = attempts.wait(key)
      if (wait) return sendError(res, 429, 'rate_limited', 'Too many attempts. Please wait and try again.', undefined, { 'Retry-After': String(wait) })
      const site = sites.get(siteId)
      // The same answer, and the same scrypt work, whether the site or the PIN is wrong.
      if (!(await verifyPin(pin, site?.pinHash)) || !site) {
        attempts.fail(key)
        return sendError(res, 401, 'invalid_credentials', 'The Client ID or the PIN is not right.')
      }
      attempts.succeed(key)
      return sendJson(res, 200, issueSession(siteId))
    }

    if (path === '/exchange' && method === 'POST') {
      const token = text((await readJson(req))?.token) || ''
      const check = tokens.verify(token, 'link')
      if (!check.ok) {
        const message = check.reason === 'expired' ? 'This link has expired.' : 'This link is not valid.'
        return sendError(res, 401, check.reason === 'expired' ? 'link_expired' : 'link_invalid', message)
      }
      if (!sites.has(check.claims.siteId)) return sendError(res, 401, 'link_invalid', 'This link is not valid.')
      // Single use: whoever opens it first gets the session; a copy in a chat log or history is worthless.
      if (!store.spend(check.claims.jti, check.claims.expiresAt)) return sendError(res, 401, 'link_used', 'This link has already been used.')
      return sendJson(res, 200, issueSession(check.claims.siteId))
    }

    const auth = authenticate(req, res, ['session'])
    if (!auth) return
    const { siteId, site } = auth
    const time = zoned(site)

    if (path === '/signout' && method === 'POST') {
      store.spend(auth.jti, auth.expiresAt)
      res.writeHead(204, { 'Cache-Control': 'no-store' })
      return void res.end()
    }
    if (path === '/me' && method === 'GET') {
      const { name, timeZone } = site.config.business
      return sendJson(res, 200, { siteId, name, timeZone, retentionDays: site.retentionDays, expiresAt: new Date(auth.expiresAt).toISOString() })
    }
    if (path === '/metrics' && method === 'GET') {
      return sendJson(res, 200, buildMetrics(store, siteId, site.config.business.timeZone, daysOf(url), now()))
    }
    if (path === '/requests' && method === 'GET') {
      const page = Math.max(1, Math.floor(Number(url.searchParams.get('page')) || 1))
      const { total, rows } = store.list(siteId, filterOf(url, site), PAGE_SIZE, (page - 1) * PAGE_SIZE)
      return sendJson(res, 200, { page, pageSize: PAGE_SIZE, total, rows: rows.map(presentRow) })
    }
    if (path === '/requests.csv' && method === 'GET') {
      res.writeHead(200, {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': `attachment; filename="requests-${siteId.replace(/[^\w-]/g, '_')}.csv"`,
        'Cache-Control': 'no-store'
      })
      res.write('\uFEFF' + toCsv(['received', 'channel', 'phone', 'status', 'scheduled for', 'medium', 'campaign', 'referrer', 'page', 'device', 'outcome']))
      for (const row of store.all(siteId, filterOf(url, site))) {
        const p = presentRow(row)
        res.write(
          toCsv([
            time.format(Date.parse(p.receivedAt)),
            p.channel,
            p.phone,
            p.status,
            p.scheduledFor && time.format(Date.parse(p.scheduledFor)),
            p.medium,
            p.campaign,
            p.referrerHost,
            p.pageUrl,
            p.device,
            p.outcome
          ])
        )
      }
      return void res.end()
    }
    const one = /^\/requests\/([^/]+)$/.exec(path)
    if (one && method === 'DELETE') {
      const deleted = store.deleteRequest(siteId, segment(one[1]!))
      return deleted ? sendJson(res, 200, { deleted: 1 }) : sendError(res, 404, 'not_found', 'There is no such request.')
    }
    if (path === '/missed' && method === 'GET') return sendJson(res, 200, { rows: store.missed(siteId).map(presentRow) })
    if (path === '/errors' && method === 'GET') {
      return sendJson(res, 200, { rows: store.errors(siteId).map((e) => ({ ...e, at: new Date(e.at).toISOString() })) })
    }
    if (path === '/erase' && method === 'POST') {
      const input = text((await readJson(req))?.phone) || ''
      const phone = parsePhoneNumberFromString(input, site.config.phone.defaultCountry as CountryCode)
      if (!phone || !phone.isPossible()) return sendError(res, 422, 'invalid_phone', 'Please enter the full phone number.', { phone: 'not a phone number' })
      return sendJson(res, 200, { deleted: store.eraseByPhone(siteId, phone.number) })
    }
    if (path === '/data' && method === 'DELETE') {
      // Everything, so the caller must name the site: a stray request cannot do it.
      if (url.searchParams.get('confirm') !== siteId) return sendError(res, 400, 'confirm_required', 'Confirm with the Client ID.')
      return sendJson(res, 200, store.deleteAll(siteId))
    }
    if (path === '/links' && method === 'POST') {
      const hours = Number((await readJson(req))?.hours) || LINK_TTL / HOUR
      const { token, claims } = tokens.issue('link', siteId, Math.min(LINK_MAX, Math.max(HOUR, hours * HOUR)))
      return sendJson(res, 201, { path: '/console#token=' + token, expiresAt: new Date(claims.expiresAt).toISOString() })
    }
    sendError(res, 404, 'not_found', 'Not found.')
  }

  /** `POST /v1/callbacks/{id}/events`: the dialler records what happened; it may only touch its own site's requests. */
  async function events(req: IncomingMessage, res: ServerResponse, id: string): Promise<void> {
    const auth = authenticate(req, res, ['events', 'session'])
    if (!auth) return
    const parsed = CallEvent.safeParse(await readJson(req))
    if (!parsed.success) {
      return sendError(res, 400, 'invalid_request', 'The event does not match the schema.', {
        type: 'one of attempted, connected, missed, opted_out'
      })
    }
    const at = parsed.data.at ? Date.parse(parsed.data.at) : now()
    // Another site's request is answered as one that does not exist: ids are not a way to probe.
    if (!store.addEvent(auth.siteId, id, parsed.data.type, at)) return sendError(res, 404, 'not_found', 'There is no such request.')
    sendJson(res, 201, { id, type: parsed.data.type, at: new Date(at).toISOString() })
  }

  return {
    /** Handles the console's routes; false when the path is not one of them. */
    async handle(req: IncomingMessage, res: ServerResponse, url: URL, ip: string): Promise<boolean> {
      const path = url.pathname
      const event = /^\/v1\/callbacks\/([^/]+)\/events$/.exec(path)
      if (event && req.method === 'POST') return events(req, res, segment(event[1]!)).then(() => true)
      if (path.startsWith('/console/api/')) return api(req, res, url, ip).then(() => true)
      return serveConsolePage(req, res, path)
    },
    /** Signs a token (tests, `main.ts`'s link, the platform's dialler); `expiresAt` may be given to make an expired one. */
    issue(purpose: TokenPurpose, siteId: string, ttlMs: number, expiresAt?: number): string {
      return tokens.issue(purpose, siteId, ttlMs, expiresAt).token
    },
    /** Runs the retention job now; returns the rows deleted. */
    purge,
    resetAttempts: () => attempts.reset(),
    stop() {
      if (timer) clearInterval(timer)
    }
  }
}
export type Console = ReturnType<typeof createConsole>
