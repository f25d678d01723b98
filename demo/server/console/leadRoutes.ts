import type { Route } from '../http/createRouter'
import { sendError } from '../http/sendError'
import { sendJson } from '../http/sendJson'
import type { SiteRecord } from '../receiver/loadSites'
import { buildMetrics } from './buildMetrics'
import type { ConsoleContext } from './ConsoleContext'
import { describeExport } from './describeExport'
import { describeSession } from './describeSession'
import type { RequestFilter } from './openConsoleDb'
import { periodStart } from './periodStart'
import { presentRow } from './presentRow'
import { sendAccessRefused } from './sendAccessRefused'
import { toCsv } from './toCsv'

const PAGE_SIZE = 25
/** `?page=`: 1 when absent, else a whole number from 1 (`1e308` would be an OFFSET no database takes); 0 when it is not one. */
const pageOf = (url: URL) => {
  const text = url.searchParams.get('page')
  return text === null ? 1 : /^[1-9]\d{0,6}$/.test(text) ? Number(text) : 0
}

/** What the owner reads: the overview's figures, the requests (a page or the CSV), missed calls, the error log. */
export function leadRoutes(c: ConsoleContext): Route[] {
  const daysOf = (url: URL) => Math.min(365, Math.max(1, Math.floor(Number(url.searchParams.get('days')) || 30)))
  const filterOf = (url: URL, site: SiteRecord): RequestFilter => ({
    channel: url.searchParams.get('channel') || undefined,
    status: url.searchParams.get('status') || undefined,
    // Without a period: everything kept. With one: the same local dates as the metrics.
    since: url.searchParams.has('days') ? periodStart(c.now(), site.config.business.timeZone, daysOf(url)).since : undefined
  })

  return [
    {
      method: 'GET',
      path: '/console/api/metrics',
      handler: c.session((_req, res, { url }, { siteId, site }) => sendJson(res, 200, buildMetrics(c.store, siteId, site.config.business.timeZone, daysOf(url), c.now())))
    },
    {
      method: 'GET',
      path: '/console/api/requests',
      handler: c.session((_req, res, { url }, { siteId, site }) => {
        const page = pageOf(url)
        if (!page) return sendError(res, 400, 'invalid_request', 'The page must be a whole number from 1.', { page: 'a whole number from 1' })
        const { total, rows } = c.store.list(siteId, filterOf(url, site), PAGE_SIZE, (page - 1) * PAGE_SIZE)
        sendJson(res, 200, { page, pageSize: PAGE_SIZE, total, rows: rows.map(presentRow) })
      })
    },
    {
      method: 'GET',
      path: '/console/api/requests.csv',
      handler: c.session((req, res, { url }, { siteId, site, jti }) => {
        const time = new Intl.DateTimeFormat('en-GB', { timeZone: site.config.business.timeZone, dateStyle: 'short', timeStyle: 'short' })
        // Full numbers only when asked for, and the asking is logged before a byte goes out.
        const full = url.searchParams.get('phones') === 'full'
        if (full) {
          const subject = describeExport(c.store.list(siteId, filterOf(url, site), 0, 0).total, url)
          const wait = c.accessLog.add(siteId, { action: 'export', subject, ...describeSession(req, jti) })
          if (wait) return sendAccessRefused(res, wait)
        }
        res.writeHead(200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="requests-${siteId.replace(/[^\w-]/g, '_')}.csv"`,
          'Cache-Control': 'no-store'
        })
        res.write(
          '\uFEFF' +
            toCsv(['received', 'channel', 'phone', 'status', 'scheduled for', 'medium', 'campaign', 'referrer', 'page', 'device', 'outcome', 'name', 'email', 'message'])
        )
        for (const row of c.store.all(siteId, filterOf(url, site))) {
          const p = presentRow(row)
          res.write(
            toCsv([
              time.format(Date.parse(p.receivedAt)),
              p.channel,
              full ? row.request.phone : p.phone,
              p.status,
              p.scheduledFor && time.format(Date.parse(p.scheduledFor)),
              p.medium,
              p.campaign,
              p.referrerHost,
              p.pageUrl,
              p.device,
              p.outcome,
              row.request.contact?.name,
              row.request.contact?.email,
              row.request.contact?.message
            ])
          )
        }
        res.end()
      })
    },
    {
      method: 'GET',
      path: '/console/api/missed',
      handler: c.session((_req, res, _ctx, { siteId }) => sendJson(res, 200, { rows: c.store.missed(siteId).map(presentRow) }))
    },
    {
      method: 'GET',
      path: '/console/api/errors',
      handler: c.session((_req, res, _ctx, { siteId }) => sendJson(res, 200, { rows: c.store.errors(siteId).map((e) => ({ ...e, at: new Date(e.at).toISOString() })) }))
    }
  ]
}
