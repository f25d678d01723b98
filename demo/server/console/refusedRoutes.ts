import type { Route } from '../http/createRouter'
import { sendJson } from '../http/sendJson'
import type { ConsoleContext } from './ConsoleContext'
import { periodStart } from './periodStart'

/** Leads the receiver refused (number, slot, rate limit): the overview's count for a period, and the list, masked. */
export function refusedRoutes(c: ConsoleContext): Route[] {
  return [
    {
      method: 'GET',
      path: '/console/api/refused',
      handler: c.session((_req, res, { url }, { siteId, site }) => {
        const days = Math.min(365, Math.max(1, Math.floor(Number(url.searchParams.get('days')) || 30)))
        const { since } = periodStart(c.now(), site.config.business.timeZone, days)
        const iso = (ms: number) => new Date(ms).toISOString()
        sendJson(res, 200, {
          days,
          counts: c.refused.counts(siteId, since),
          rows: c.refused.list(siteId).map((r) => ({
            ...r,
            firstAt: iso(r.firstAt),
            lastAt: iso(r.lastAt),
            ...(r.acceptedAt !== undefined && { acceptedAt: iso(r.acceptedAt) })
          }))
        })
      })
    }
  ]
}
