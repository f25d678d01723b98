import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max'
import type { Route } from '../http/createRouter'
import { sendError } from '../http/sendError'
import { sendJson } from '../http/sendJson'
import type { ConsoleContext } from './ConsoleContext'
import { textOf } from './textOf'

/**
 * Deleting data: one request, every request of a visitor's number, or
 * everything the site has. Webhook deliveries go with their requests (the
 * queue's foreign key); refused leads are deleted here.
 */
export function privacyRoutes(c: ConsoleContext): Route[] {
  return [
    {
      method: 'DELETE',
      path: '/console/api/requests/:id',
      handler: c.session((_req, res, { params }, { siteId }) => {
        const deleted = c.store.deleteRequest(siteId, params.id!)
        return deleted ? sendJson(res, 200, { deleted: 1 }) : sendError(res, 404, 'not_found', 'There is no such request.')
      })
    },
    {
      method: 'POST',
      path: '/console/api/erase',
      handler: c.session(async (_req, res, ctx, { siteId, site }) => {
        const input = textOf((await ctx.json())?.phone) || ''
        const phone = parsePhoneNumberFromString(input, site.config.phone.defaultCountry as CountryCode)
        if (!phone || !phone.isPossible()) return sendError(res, 422, 'invalid_phone', 'Please enter the full phone number.', { phone: 'not a phone number' })
        // Their refused leads too (and, with each request, its webhook deliveries).
        c.refused.erase(siteId, phone.number)
        sendJson(res, 200, { deleted: c.store.eraseByPhone(siteId, phone.number) })
      })
    },
    {
      method: 'DELETE',
      path: '/console/api/data',
      handler: c.session((_req, res, { url }, { siteId }) => {
        // Everything, so the caller must name the site: a stray request cannot do it.
        if (url.searchParams.get('confirm') !== siteId) return sendError(res, 400, 'confirm_required', 'Confirm with the Client ID.')
        // Refused leads first: the store's delete-all then makes both leave the file.
        const refused = c.refused.deleteAll(siteId)
        sendJson(res, 200, { ...c.store.deleteAll(siteId), refused })
      })
    }
  ]
}
