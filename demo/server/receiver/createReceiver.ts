import { createConsole, type Console, type ConsoleOptions } from '../console/createConsole'
import { createHttpServer, type Timeouts } from '../http/createHttpServer'
import { createRouter, type Handler, type Route } from '../http/createRouter'
import { createStaticFiles } from '../http/createStaticFiles'
import { sendError } from '../http/sendError'
import { allowKnownOrigin } from './allowKnownOrigin'
import { createRateLimiter, type Limit } from './createRateLimiter'
import { createTestControls } from './createTestControls'
import { followUpLead } from './followUpLead'
import { getConfig } from './getConfig'
import { WebhookSchema, type SiteRecord, type Webhook } from './loadSites'
import { openDb } from './openDb'
import { openRefusedLeads } from './openRefusedLeads'
import { postCallback } from './postCallback'
import { postCallEvent } from './postCallEvent'
import { preflight } from './preflight'
import { sendConfig } from './sendConfig'
import { createWebhooks, type Webhooks } from './webhook/createWebhooks'

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
  /** The lead console's token key (default: random per process), retention job interval and sign-in limits. */
  console?: Pick<ConsoleOptions, 'secret' | 'purgeEveryMs' | 'signins'>
  /** How long a client may take to send headers and a whole request (default: DEFAULT_TIMEOUTS). */
  timeouts?: Timeouts
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
  /** Sets or removes a site's webhook at run time, as sites.json would (tests use a sink on a free port). */
  setWebhook(siteId: string, webhook: Webhook | undefined): void
  db: ReturnType<typeof openDb>
  /** The new-lead webhooks' queue and worker (`drain()` waits for it to be idle). */
  webhooks: Webhooks
  /** The lead console (`/console`): tokens, the retention job. */
  console: Console
}

/** Body limit of POST /v1/callbacks: the SDK's keepalive budget is 64 KiB. */
const MAX_BODY = 64 * 1024

/**
 * The reference receiver: the platform side of platform-api.md, for real.
 * Sites come from a file, requests go to SQLite, and no cookie is ever set.
 * The route table below is the whole API; with `faults` on, test controls
 * are added to it and wrap the callback and config handlers.
 */
export function createReceiver(options: ReceiverOptions): Receiver {
  const now = options.now || Date.now
  const limits = { ...DEFAULT_LIMITS, ...options.limits }
  const sites = new Map(options.sites.map((site) => [site.config.siteId, { ...site, origins: [...site.origins] }]))
  const db = openDb(options.dbPath)
  const refused = openRefusedLeads(db.db)
  const webhooks = createWebhooks({ db: db.db, sites, now, log: options.log })
  const limit = (key: keyof RateLimits): Limit => ({ max: limits[key], windowMs: WINDOWS[key] })
  const limiters = {
    number: createRateLimiter(limit('perNumber'), now),
    ip: createRateLimiter(limit('perIp'), now),
    site: createRateLimiter(limit('perSite'), now)
  }
  const tests = options.faults
    ? createTestControls(db, () => {
        for (const limiter of Object.values(limiters)) limiter.reset()
        refused.reset()
        leads.resetAttempts()
        leads.resetAccessLog()
      })
    : undefined
  const files = options.distDir ? createStaticFiles(options.distDir, { cors: true }) : undefined
  const log = options.log || (() => undefined)
  const leads = createConsole({ db, sites, now, refused, webhooks, ...options.console })

  const knownOrigin = (origin: string) => [...sites.values()].some((s) => s.origins.includes(origin))
  const callbacks = postCallback({ db, sites, limiters, now, log, knownOrigin, followUp: followUpLead({ refused, webhooks, now }) })
  const routes: Route[] = [
    ...(tests ? tests.routes : []),
    { method: 'OPTIONS', path: '/v1/callbacks', handler: preflight(knownOrigin) },
    { method: 'OPTIONS', path: '/v1/sites/:siteId/config', handler: preflight(knownOrigin) },
    { method: 'GET HEAD', path: '/v1/sites/:siteId/config', handler: getConfig(sites, tests ? tests.withConfigFault(sendConfig) : sendConfig) },
    {
      method: 'POST',
      path: '/v1/callbacks',
      maxBody: MAX_BODY,
      handler: allowKnownOrigin(knownOrigin, tests ? tests.withCallbackFaults(callbacks) : callbacks)
    },
    { method: 'POST', path: '/v1/callbacks/:id/events', handler: postCallEvent({ db, authenticate: leads.authenticate, now }) },
    // The old open list page: a site's requests are for its signed-in owner only, in the console.
    {
      method: 'GET',
      path: '/sites/:siteId/requests',
      handler: (_req, res) => {
        res.writeHead(302, { Location: '/console' })
        res.end()
      }
    },
    ...leads.routes
  ]
  const notFound: Handler = async (req, res, { url }) => {
    if (files && (req.method === 'GET' || req.method === 'HEAD') && (await files(req, res, url.pathname))) return
    sendError(res, 404, 'not_found', 'Not found.')
  }
  const server = createHttpServer(createRouter(routes, notFound), log, options.timeouts)
  // Deliveries left over from an earlier run.
  webhooks.kick()

  let dbClosed = false
  return {
    db,
    webhooks,
    console: leads,
    listen: server.listen,
    close: server.close,
    async dispose() {
      await server.close()
      await webhooks.stop()
      leads.stop()
      if (!dbClosed) db.close()
      dbClosed = true
    },
    allowOrigin(siteId, origin) {
      const site = sites.get(siteId)
      if (site && !site.origins.includes(origin)) site.origins.push(origin)
    },
    setWebhook(siteId, webhook) {
      const site = sites.get(siteId)
      if (!site) return
      site.webhook = webhook && WebhookSchema.parse(webhook)
      webhooks.syncSites()
      webhooks.kick()
    }
  }
}
