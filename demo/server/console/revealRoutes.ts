import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { maskPhone } from '../../../src/core/maskPhone'
import type { Route } from '../http/createRouter'
import { sendError } from '../http/sendError'
import { sendJson } from '../http/sendJson'
import { createRateLimiter } from '../receiver/createRateLimiter'
import type { ConsoleContext } from './ConsoleContext'
import { describeSession, sessionLabel } from './describeSession'

/** Numbers one session may show in full per window: enough to work through a day's calls; a stolen session cannot page through them all. */
const REVEALS = { max: 60, windowMs: 10 * 60000 }

/** A number shown in full: E.164 for a `tel:` link, and written as people read it. */
export interface Revealed {
  id: string
  phone: string
  display: string
}

/**
 * "Show number": one request's number in full, for the signed-in owner,
 * written to the access log first (what, when, which session); and the
 * access log itself. Lists and exports stay masked unless asked.
 */
export function revealRoutes(c: ConsoleContext): Route[] {
  const perSession = createRateLimiter(REVEALS, c.now)
  return [
    {
      method: 'POST',
      path: '/console/api/requests/:id/reveal',
      handler: c.session((req, res, { params }, auth) => {
        const row = c.leads.find(auth.siteId, params.id!)
        if (!row) return sendError(res, 404, 'not_found', 'There is no such request.')
        const wait = perSession.hit(auth.jti)
        if (wait) {
          return sendError(res, 429, 'rate_limited', 'That is many numbers at once. Please wait, or export them with full numbers.', undefined, {
            'Retry-After': String(wait)
          })
        }
        const phone = row.request.phone
        c.accessLog.add(auth.siteId, { at: c.now(), action: 'reveal', subject: maskPhone(phone), requestId: row.id, ...describeSession(req, auth.jti) })
        const body: Revealed = { id: row.id, phone, display: parsePhoneNumberFromString(phone)?.formatInternational() || phone }
        sendJson(res, 200, body)
      })
    },
    {
      method: 'GET',
      path: '/console/api/access-log',
      handler: c.session((_req, res, _ctx, auth) => {
        const current = sessionLabel(auth.jti)
        const rows = c.accessLog.list(auth.siteId).map((e) => ({ ...e, at: new Date(e.at).toISOString(), current: e.session === current }))
        sendJson(res, 200, { rows })
      })
    }
  ]
}
