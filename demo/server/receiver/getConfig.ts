import type { Handler } from '../http/createRouter'
import { sendError } from '../http/sendError'
import { allowOrigin } from './allowOrigin'
import type { SiteRecord } from './loadSites'
import { originOf } from './originOf'
import type { SendConfig } from './sendConfig'

/**
 * `GET /v1/sites/{siteId}/config`: a browser may read a site's config only
 * from that site's origins; a request without Origin (a server) may always.
 * `send` writes the config once the site is known and allowed.
 */
export function getConfig(sites: Map<string, SiteRecord>, send: SendConfig): Handler {
  return (req, res, { params }) => {
    const site = sites.get(params.siteId!)
    const origin = originOf(req)
    if (origin) {
      if (site && !site.origins.includes(origin)) return sendError(res, 403, 'origin_not_allowed', 'This origin is not registered for this site.')
      if (site) allowOrigin(res, origin)
    }
    if (!site) return sendError(res, 404, 'site_not_found', 'There is no such site.')
    send(req, res, site)
  }
}
