import type { SiteRecord } from '../receiver/loadSites'
import type { ConsoleDb } from './openConsoleDb'

const DAY = 24 * 3600000
/** Retention of what cannot be tied to a site in the sites file (errors naming an unknown site, sites removed from it). */
export const DEFAULT_RETENTION_DAYS = 90

/**
 * The retention job: each site's requests (with their call events) and error
 * log entries older than its `retentionDays` are deleted, as is what a site
 * no longer in the sites file left behind after the default retention, and
 * spent token ids past their expiry. Returns the number of rows deleted
 * (the caller makes them leave the database file: `forgetPurged`).
 */
export function purgeExpired(store: ConsoleDb, sites: Map<string, SiteRecord>, now: number): number {
  let deleted = 0
  for (const [siteId, site] of sites) deleted += store.purge(siteId, now - site.retentionDays * DAY)
  deleted += store.purgeOrphans([...sites.keys()], now - DEFAULT_RETENTION_DAYS * DAY)
  store.forgetExpiredTokens(now)
  return deleted
}
