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
/** Shared links: a day by default, a week at most. */
const LINK_TTL = 24 * HOUR
const LINK_MAX = 7 * 24 * HOUR

/** "try again in 15 minutes": a lockout says how long it lasts. */
const tryAgainIn = (seconds: number) => {
  const minutes = Math.ceil(seconds / 60)
  return `Please try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`
}

/** Getting in and out: sign-in by PIN, a link exchanged for a session, sign-out, who is signed in, links for a colleague. */
export function accessRoutes(c: ConsoleContext): Route[] {
  const issueSession = (siteId: string) => {
    const { token, claims } = c.tokens.issue('session', siteId, SESSION_TTL)
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
        if (!c.sites.has(check.claims.siteId)) return sendError(res, 401, 'link_invalid', 'This link is not valid.')
        // Single use: whoever opens it first gets the session; a copy in a chat log or history is worthless.
        if (!c.store.spend(check.claims.jti, check.claims.expiresAt)) return sendError(res, 401, 'link_used', 'This link has already been used.')
        sendJson(res, 200, issueSession(check.claims.siteId))
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
      handler: c.session(async (_req, res, ctx, { siteId }) => {
        const hours = Number((await ctx.json())?.hours) || LINK_TTL / HOUR
        const { token, claims } = c.tokens.issue('link', siteId, Math.min(LINK_MAX, Math.max(HOUR, hours * HOUR)))
        sendJson(res, 201, { path: '/console#token=' + token, expiresAt: new Date(claims.expiresAt).toISOString() })
      })
    }
  ]
}
