import { randomBytes } from 'node:crypto'
import type { Route } from '../http/createRouter'
import { sendError } from '../http/sendError'
import type { Db } from '../receiver/openDb'
import type { SiteRecord } from '../receiver/loadSites'
import type { RefusedLeads } from '../receiver/openRefusedLeads'
import type { Webhooks } from '../receiver/webhook/createWebhooks'
import { accessRoutes } from './accessRoutes'
import type { ConsoleContext } from './ConsoleContext'
import { consolePageRoutes } from './consolePageRoutes'
import { createAuthenticate } from './createAuthenticate'
import { createSigninGuard, DEFAULT_SIGNIN_LIMITS, type SigninLimits } from './createSigninGuard'
import { createSiteAccess } from './createSiteAccess'
import { createTokens, type TokenPurpose } from './createTokens'
import { detailRoutes } from './detailRoutes'
import { leadRoutes } from './leadRoutes'
import { openAccessLog } from './openAccessLog'
import { openConsoleDb } from './openConsoleDb'
import { openLeadLookup } from './openLeadLookup'
import { privacyRoutes } from './privacyRoutes'
import { purgeExpired } from './purgeExpired'
import { purgeOwnerLogs } from './purgeOwnerLogs'
import { refusedRoutes } from './refusedRoutes'
import { revealRoutes } from './revealRoutes'
import { webhookRoutes } from './webhookRoutes'

const MINUTE = 60000
const HOUR = 60 * MINUTE

export interface ConsoleOptions {
  db: Db
  sites: Map<string, SiteRecord>
  now: () => number
  /** Refused leads and the webhook queue: the receiver writes them, the console shows them. */
  refused: RefusedLeads
  webhooks: Webhooks
  /** HMAC key for tokens. Default: random per process, so tokens die with it. */
  secret?: Buffer | string
  /** Failed sign-ins allowed per site and network, per network, and PIN hashes at once. */
  signins?: Partial<SigninLimits>
  /** How often the retention job runs; 0 runs it only at start and on `purge()`. */
  purgeEveryMs?: number
}

/**
 * The site owner's lead console: the page at `/console`, its JSON API under
 * `/console/api/` and the retention job. Sign-in by Client ID and PIN or by
 * a signed link gives a signed session token that the page keeps in
 * sessionStorage and sends as `Authorization: Bearer`: no cookie is read or
 * set. Every query is scoped to the site of the token. The receiver mounts
 * `routes`, and asks `authenticate` about the dialler's call events.
 */
export function createConsole(options: ConsoleOptions) {
  const { sites, now } = options
  const store = openConsoleDb(options.db.db)
  const accessLog = openAccessLog(options.db.db, now)
  const tokens = createTokens(options.secret || randomBytes(32), now)
  const signins = createSigninGuard({ ...DEFAULT_SIGNIN_LIMITS, ...options.signins }, now)
  const access = createSiteAccess(options.db.db, sites)
  const authenticate = createAuthenticate(tokens, store, sites, access)
  const purge = () => {
    const at = now()
    const deleted = purgeExpired(store, sites, at) + purgeOwnerLogs({ accessLog, refused: options.refused }, sites, at)
    // What was deleted leaves the database file too: the console tells the owner no other copy is kept.
    if (deleted) store.forgetPurged()
    return deleted
  }
  purge()
  const timer = options.purgeEveryMs === 0 ? undefined : setInterval(purge, options.purgeEveryMs || HOUR)
  timer?.unref()

  const context: ConsoleContext = {
    sites,
    store,
    leads: openLeadLookup(options.db.db),
    accessLog,
    refused: options.refused,
    webhooks: options.webhooks,
    tokens,
    signins,
    access,
    now,
    session: (handler) => (req, res, ctx) => {
      const auth = authenticate(req, res, ['session'])
      if (auth) return handler(req, res, ctx, auth)
    }
  }

  const routes: Route[] = [
    ...accessRoutes(context),
    ...leadRoutes(context),
    ...privacyRoutes(context),
    ...detailRoutes(context),
    ...revealRoutes(context),
    ...refusedRoutes(context),
    ...webhookRoutes(context),
    // Any other API path: signed-in owners learn it does not exist; others are told to sign in.
    { method: '*', path: '/console/api/*', handler: context.session((_req, res) => sendError(res, 404, 'not_found', 'Not found.')) },
    ...consolePageRoutes()
  ]

  return {
    routes,
    authenticate,
    /** Signs a token (tests, `main.ts`'s link, the platform's dialler); `expiresAt` may be given to make an expired one. */
    issue(purpose: TokenPurpose, siteId: string, ttlMs: number, expiresAt?: number): string {
      return tokens.issue(purpose, siteId, ttlMs, { expiresAt, ...(purpose !== 'events' && { access: access.stamp(siteId) }) }).token
    },
    /** Runs the retention job now; returns the rows deleted. */
    purge,
    resetAttempts: () => signins.reset(),
    resetAccessLog: () => accessLog.reset(),
    stop() {
      if (timer) clearInterval(timer)
    }
  }
}
export type Console = ReturnType<typeof createConsole>
