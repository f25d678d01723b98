import type { SiteRecord } from '../receiver/loadSites'
import type { RefusedLeads } from '../receiver/openRefusedLeads'
import type { AccessLog } from './openAccessLog'
import { DEFAULT_RETENTION_DAYS } from './purgeExpired'

const DAY = 24 * 3600000

/**
 * The retention job's share for the access log and the refused leads: each
 * site's entries older than its `retentionDays`, and those of sites no longer
 * in the sites file after the default retention. (Webhook deliveries go with
 * their requests.) Returns the rows deleted.
 */
export function purgeOwnerLogs(logs: { accessLog: AccessLog; refused: RefusedLeads }, sites: Map<string, SiteRecord>, now: number): number {
  let deleted = 0
  for (const [siteId, site] of sites) {
    const before = now - site.retentionDays * DAY
    deleted += logs.accessLog.purge(siteId, before) + logs.refused.purge(siteId, before)
  }
  const known = [...sites.keys()]
  const orphansBefore = now - DEFAULT_RETENTION_DAYS * DAY
  return deleted + logs.accessLog.purgeOrphans(known, orphansBefore) + logs.refused.purgeOrphans(known, orphansBefore)
}
