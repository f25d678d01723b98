import type { Route } from '../http/createRouter'
import { sendError } from '../http/sendError'
import { sendJson } from '../http/sendJson'
import type { ConsoleContext } from './ConsoleContext'
import { presentDelivery } from './presentDelivery'

/** Where the URL's path may hold a token (many CRMs put one there): the console shows the origin only. */
const originOf = (url: string) => {
  const u = new URL(url)
  return u.origin + (u.pathname.length > 1 || u.search ? '/…' : '')
}

/** The webhook's delivery log (the latest 100 deliveries, each with its attempts) and "Retry now", which answers with the attempt's outcome. */
export function webhookRoutes(c: ConsoleContext): Route[] {
  return [
    {
      method: 'GET',
      path: '/console/api/webhook',
      handler: c.session((_req, res, _ctx, { siteId, site }) =>
        sendJson(res, 200, {
          endpoint: site.webhook ? originOf(site.webhook.url) : null,
          counts: c.webhooks.counts(siteId),
          rows: c.webhooks.list(siteId).map(presentDelivery)
        })
      )
    },
    {
      method: 'POST',
      path: '/console/api/webhook/deliveries/:id/retry',
      handler: c.session(async (_req, res, { params }, { siteId }) => {
        const id = Number(params.id)
        const result = /^\d{1,15}$/.test(params.id!) ? await c.webhooks.retryNow(siteId, id) : 'not_found'
        if (result === 'busy') return sendError(res, 409, 'busy', 'An attempt of this delivery is under way.')
        if (result === 'not_found') return sendError(res, 404, 'not_found', 'There is no such delivery waiting or failed.')
        // The attempt is over (or next in line): its outcome, as the log now shows it.
        const [delivery] = c.webhooks.list(siteId, { id })
        if (!delivery) return sendError(res, 404, 'not_found', 'The request of this delivery was deleted.')
        sendJson(res, 200, presentDelivery(delivery))
      })
    }
  ]
}
