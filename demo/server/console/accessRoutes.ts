import type { Route } from '../http/createRouter'
import { sendError } from '../http/sendError'
import { sendJson } from '../http/sendJson'
import { anonymizeIp } from '../receiver/anonymizeIp'
import type { ConsoleContext } from './ConsoleContext'
import { verifyPin } from './hashPin'
import { textOf } from './textOf'

const HOUR = 60 * 60000
/** A console session lasts a working day; closing the tab ends it sooner (sessionStorage). */
const SESSION_TTL = 8 * HOUR
/** Shared links: a day by default, an hour at least, and never past the end of the session that makes them. */
const LINK_TTL = 24 * HOUR

/** "try again in 15 minutes": a lockout says how long it lasts. */
const tryAgainIn = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60)
  return `Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
}

/**
 * Getting in and out: sign-in by PIN, a link exchanged for a session,
 * sign-out (this session, or every session and link of the site), who is
 * signed in, links for a colleague.
 */
export function accessRoutes(c: ConsoleContext): Route[] {
  /** A session ends after SESSION_TTL, or sooner when it comes from a link made by a session that ends sooner. */
  const issueSession = (siteId: string, until = Infinity) => {
    const expiresAt = Math.min(c.now() + SESSION_TTL, until)
    const { token, claims } = c.tokens.issue('session', siteId, SESSION_TTL, { expiresAt, access: c.access.stamp(siteId) })
    return { token, siteId, expiresAt: new Date(claims.expiresAt).toISOString() }
  }

  return [
    {
      method: 'POST',
      path: '/console/api/signin',
      handler: async (req, res, ctx) => {
        const body = await ctx.json()
        const siteId = textOf(body?.siteId)?.trim() || ''
        const pin = textOf(body?.pin) || ''
        const site = c.sites.get(siteId)
        // The same answer, and the same scrypt work, whether the site or the PIN is wrong.
        const outcome = await c.signins.attempt(siteId, anonymizeIp(req.socket.remoteAddress), async () => (await verifyPin(pin, site?.pinHash)) && !!site)
        switch (outcome.result) {
          case 'locked':
            return sendError(res, 429, 'rate_limited', 'Too many attempts. ' + tryAgainIn(outcome.wait), undefined, { 'Retry-After': String(outcome.wait) })
          case 'busy':
            return sendError(res, 503, 'unavailable', 'Too many sign-ins at once. Please try again in a moment.', undefined, { 'Retry-After': '1' })
          case 'wrong':
            return sendError(res, 401, 'invalid_credentials', 'The Client ID or the PIN is not right.')
        }
        sendJson(res, 200, issueSession(siteId))
      }
    },
    {
      method: 'POST',
      path: '/console/api/exchange',
      handler: async (_req, res, ctx) => {
        const check = c.tokens.verify(textOf((await ctx.json())?.token) || '', 'link')
        if (!check.ok) {
          const message = check.reason === 'expired' ? 'This link has expired.' : 'This link is not valid.'
          return sendError(res, 401, check.reason === 'expired' ? 'link_expired' : 'link_invalid', message)
        }
        // A link of a site gone from the sites file, made before a sign-out everywhere or a PIN change, or made by a
        // session that has signed out since, is void.
        const { siteId, parent } = check.claims
        if (!c.sites.has(siteId) || !c.access.holds(check.claims) || (parent !== undefined && c.store.isSpent(parent))) {
          return sendError(res, 401, 'link_invalid', 'This link is not valid.')
        }
        // Single use: whoever opens it first gets the session; a copy in a chat log or history is worthless.
        if (!c.store.spend(check.claims.jti, check.claims.expiresAt)) return sendError(res, 401, 'link_used', 'This link has already been used.')
        sendJson(res, 200, issueSession(siteId, check.claims.until))
      }
    },
    {
      method: 'POST',
      path: '/console/api/signout',
      handler: c.session((_req, res, _ctx, auth) => {
        c.store.spend(auth.jti, auth.expiresAt)
        res.writeHead(204, { 'Cache-Control': 'no-store' })
        res.end()
      })
    },
    {
      method: 'POST',
      path: '/console/api/signout-everywhere',
      handler: c.session((_req, res, _ctx, { siteId }) => {
        c.access.revokeAll(siteId)
        res.writeHead(204, { 'Cache-Control': 'no-store' })
        res.end()
      })
    },
    {
      method: 'GET',
      path: '/console/api/me',
      handler: c.session((_req, res, _ctx, { siteId, site, expiresAt }) => {
        const { name, timeZone } = site.config.business
        sendJson(res, 200, { siteId, name, timeZone, retentionDays: site.retentionDays, expiresAt: new Date(expiresAt).toISOString() })
      })
    },
    {
      method: 'POST',
      path: '/console/api/links',
      handler: c.session(async (_req, res, ctx, { siteId, expiresAt, jti }) => {
        const hours = Number((await ctx.json())?.hours) || LINK_TTL / HOUR
        // A link dies with this session (expiry or sign-out), and the session it gives ends when this one would:
        // chaining links never extends access.
        const { token, claims } = c.tokens.issue('link', siteId, 0, {
          expiresAt: Math.min(c.now() + Math.max(HOUR, hours * HOUR), expiresAt),
          access: c.access.stamp(siteId),
          until: expiresAt,
          parent: jti
        })
        sendJson(res, 201, { path: '/console#token=' + token, expiresAt: new Date(claims.expiresAt).toISOString() })
      })
    }
  ]
}
