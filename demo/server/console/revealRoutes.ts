import { parsePhoneNumberFromString } from 'libphonenumber-js/max'
import { maskPhone } from '../../../src/contract/maskPhone'
import type { Route } from '../http/createRouter'
import { sendError } from '../http/sendError'
import { sendJson } from '../http/sendJson'
import type { ConsoleContext } from './ConsoleContext'
import { describeSession, sessionLabel } from './describeSession'
import { sendAccessRefused } from './sendAccessRefused'

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
  return [
    {
      method: 'POST',
      path: '/console/api/requests/:id/reveal',
      handler: c.session((req, res, { params }, auth) => {
        const row = c.leads.find(auth.siteId, params.id!)
        if (!row) return sendError(res, 404, 'not_found', 'There is no such request.')
        const phone = row.request.phone
        const wait = c.accessLog.add(auth.siteId, { action: 'reveal', subject: maskPhone(phone), requestId: row.id, ...describeSession(req, auth.jti) })
        if (wait) return sendAccessRefused(res, wait)
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
