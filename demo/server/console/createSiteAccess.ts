import { createHash } from 'node:crypto'
import type Database from 'better-sqlite3'
import type { SiteRecord } from '../receiver/loadSites'
import type { TokenClaims } from './createTokens'

/**
 * Revocation of a site's console access as a whole. Every session and link
 * carries the site's access stamp at the time it was made: a hash of the
 * site's PIN hash and of how often its owner signed out everywhere. Signing
 * out everywhere (a counter in the database, so that it survives restarts)
 * or a new PIN in the sites file changes the stamp, and every token made
 * before no longer matches. The dialler's `events` tokens are the platform's,
 * not the owner's: they carry no stamp.
 */
export function createSiteAccess(db: Database.Database, sites: Map<string, SiteRecord>) {
  db.exec(`
    CREATE TABLE IF NOT EXISTS console_signouts (
      site_id TEXT PRIMARY KEY,
      count INTEGER NOT NULL
    );
  `)
  const countOf = db.prepare('SELECT count FROM console_signouts WHERE site_id = ?').pluck()
  const bump = db.prepare('INSERT INTO console_signouts (site_id, count) VALUES (?, 1) ON CONFLICT (site_id) DO UPDATE SET count = count + 1')

  const stamp = (siteId: string): string => {
    const count = (countOf.get(siteId) as number | undefined) ?? 0
    const pinHash = sites.get(siteId)?.pinHash ?? ''
    return createHash('sha256')
      .update(siteId + '\n' + pinHash + '\n' + count)
      .digest('base64url')
      .slice(0, 16)
  }

  return {
    /** The stamp a session or link of the site gets now. */
    stamp,
    /** Ends every session and unused link of the site. */
    revokeAll(siteId: string): void {
      bump.run(siteId)
    },
    /** False for a session or link made before the site's last sign-out everywhere or PIN change. */
    holds(claims: TokenClaims): boolean {
      return claims.purpose === 'events' || claims.access === stamp(claims.siteId)
    }
  }
}
export type SiteAccess = ReturnType<typeof createSiteAccess>
