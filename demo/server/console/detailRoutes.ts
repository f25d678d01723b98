import type { Route } from '../http/createRouter'
import { sendError } from '../http/sendError'
import { sendJson } from '../http/sendJson'
import type { ConsoleContext } from './ConsoleContext'
import { presentDelivery } from './presentDelivery'
import { presentDetail } from './presentDetail'

/** One request in full (the number still masked): what the visitor typed, where they came from, its calls and webhook deliveries. */
export function detailRoutes(c: ConsoleContext): Route[] {
  return [
    {
      method: 'GET',
      path: '/console/api/requests/:id',
      handler: c.session((_req, res, { params }, { siteId }) => {
        const row = c.leads.find(siteId, params.id!)
        if (!row) return sendError(res, 404, 'not_found', 'There is no such request.')
        sendJson(res, 200, { detail: presentDetail(row), deliveries: c.webhooks.list(siteId, { requestId: row.id }).map(presentDelivery) })
      })
    }
  ]
}
