import type Database from 'better-sqlite3'
import { maskPhone } from '../../../src/contract/maskPhone'
import type { CallbackRequest } from '../../../src/schema'
import { forgetDeleted } from './forgetDeleted'

/** Why a lead that matched the schema, named a known site and came from an allowed origin was still refused. */
export type RefusalReason = 'rate_limited' | 'invalid_phone' | 'slot_unavailable'

/** A refusal as handleCallback reports it: the request, the reason, and which limit or what problem. */
export interface Refusal {
  request: CallbackRequest
  reason: RefusalReason
  /** `number`, `ip` or `site` for a rate limit; the problem with the number; the slot asked for. */
  detail?: string
}

/** A refused lead as the console shows it. */
export interface RefusedRow {
  requestId: string
  /** Masked, as every list shows numbers. */
  phone: string
  channel: string
  pageUrl: string
  pageTitle?: string
  reason: RefusalReason
  detail?: string
  /** Tries of this request id (the SDK retries a 429 with the same id). */
  attempts: number
  firstAt: number
  lastAt: number
  /** Set when a later try of the same request was accepted: the lead did not get lost after all. */
  acceptedAt?: number
}

/** New refused-lead rows per site and minute; retries of a listed request do not count. Past it, refusals are only counted. */
const NEW_ROWS_PER_MINUTE = 30
const MINUTE = 60000

/**
 * The log of refused leads: one row per site and request id however often
 * it was retried, with the number masked (never in full), the page, the
 * channel and the reason, so that an owner sees who tried to reach them.
 * New rows are capped per site and minute, so that a flood of refusals
 * cannot fill the disk; what is over the cap is counted in one row per
 * minute. Rows go with the site's retention, its "delete all", and an
 * erasure of a number whose masked form they carry.
 */
export function openRefusedLeads(db: Database.Database) {
  db.exec(`
    CREATE TABLE IF NOT EXISTS refused_leads (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      site_id TEXT NOT NULL,
      request_id TEXT NOT NULL,
      phone TEXT NOT NULL,
      channel TEXT NOT NULL,
      page_url TEXT NOT NULL,
      page_title TEXT,
      reason TEXT NOT NULL,
      detail TEXT,
      attempts INTEGER NOT NULL,
      first_at INTEGER NOT NULL,
      last_at INTEGER NOT NULL,
      accepted_at INTEGER,
      UNIQUE (site_id, request_id)
    );
    CREATE INDEX IF NOT EXISTS refused_leads_site ON refused_leads (site_id, first_at);
  `)
  const q = {
    again: db.prepare(
      `UPDATE refused_leads SET attempts = attempts + 1, last_at = @at, reason = @reason, detail = @detail
       WHERE site_id = @site AND request_id = @id AND accepted_at IS NULL`
    ),
    listed: db.prepare('SELECT 1 FROM refused_leads WHERE site_id = @site AND request_id = @id'),
    insert: db.prepare(
      `INSERT INTO refused_leads (site_id, request_id, phone, channel, page_url, page_title, reason, detail, attempts, first_at, last_at)
       VALUES (@site, @id, @phone, @channel, @pageUrl, @pageTitle, @reason, @detail, 1, @at, @at)`
    ),
    overflow: db.prepare(
      `INSERT INTO refused_leads (site_id, request_id, phone, channel, page_url, reason, attempts, first_at, last_at)
       VALUES (@site, @id, '', '', '', 'unlisted', 1, @at, @at)
       ON CONFLICT (site_id, request_id) DO UPDATE SET attempts = attempts + 1, last_at = @at`
    ),
    accepted: db.prepare('UPDATE refused_leads SET accepted_at = @at WHERE site_id = @site AND request_id = @id AND accepted_at IS NULL'),
    list: db.prepare(`SELECT * FROM refused_leads WHERE site_id = @site AND reason != 'unlisted' ORDER BY last_at DESC, id DESC LIMIT @limit`),
    counts: db.prepare(
      `SELECT reason, accepted_at IS NOT NULL AS accepted, SUM(CASE WHEN reason = 'unlisted' THEN attempts ELSE 1 END) AS n
       FROM refused_leads WHERE site_id = @site AND first_at >= @since GROUP BY 1, 2`
    ),
    erase: db.prepare('DELETE FROM refused_leads WHERE site_id = @site AND phone = @phone'),
    deleteAll: db.prepare('DELETE FROM refused_leads WHERE site_id = @site'),
    purge: db.prepare('DELETE FROM refused_leads WHERE site_id = @site AND last_at < @before'),
    purgeOrphans: db.prepare('DELETE FROM refused_leads WHERE site_id NOT IN (SELECT value FROM json_each(@known)) AND last_at < @before'),
    reset: db.prepare('DELETE FROM refused_leads')
  }
  /** New rows this minute, per site (only sites of the sites file get here: the map stays small). */
  const fresh = new Map<string, { minute: number; count: number }>()

  return {
    /** Logs a refusal: a new row, one more try of a listed request, or a count over the cap. */
    record(siteId: string, refusal: Refusal, at: number): void {
      const { request, reason, detail } = refusal
      const key = { site: siteId, id: request.id, at, reason, detail: detail ?? null }
      db.transaction(() => {
        if (q.again.run(key).changes || q.listed.get(key)) return
        const minute = Math.floor(at / MINUTE) * MINUTE
        let window = fresh.get(siteId)
        if (!window || window.minute !== minute) fresh.set(siteId, (window = { minute, count: 0 }))
        if (window.count >= NEW_ROWS_PER_MINUTE) return void q.overflow.run({ site: siteId, id: 'unlisted-' + minute, at })
        window.count++
        q.insert.run({
          ...key,
          phone: maskPhone(request.phone),
          channel: request.channel,
          pageUrl: request.page.url,
          pageTitle: request.page.title ?? null
        })
      })()
    },

    /** A request that was refused before has now been stored. */
    accepted(siteId: string, requestId: string, at: number): void {
      q.accepted.run({ site: siteId, id: requestId, at })
    },

    /** The site's refused leads, the latest first. */
    list(siteId: string, limit = 100): RefusedRow[] {
      return (q.list.all({ site: siteId, limit }) as Record<string, unknown>[]).map((r) => ({
        requestId: r.request_id as string,
        phone: r.phone as string,
        channel: r.channel as string,
        pageUrl: r.page_url as string,
        ...(r.page_title !== null && { pageTitle: r.page_title as string }),
        reason: r.reason as RefusalReason,
        ...(r.detail !== null && { detail: r.detail as string }),
        attempts: r.attempts as number,
        firstAt: r.first_at as number,
        lastAt: r.last_at as number,
        ...(r.accepted_at !== null && { acceptedAt: r.accepted_at as number })
      }))
    },

    /** Refused leads first seen since `since`: still refused (by reason), accepted on a later try, and those over the cap. */
    counts(siteId: string, since: number): { refused: number; byReason: [string, number][]; acceptedLater: number; unlisted: number } {
      const result = { refused: 0, byReason: [] as [string, number][], acceptedLater: 0, unlisted: 0 }
      for (const row of q.counts.all({ site: siteId, since }) as { reason: string; accepted: number; n: number }[]) {
        if (row.reason === 'unlisted') result.unlisted += row.n
        else if (row.accepted) result.acceptedLater += row.n
        else {
          result.refused += row.n
          result.byReason.push([row.reason, row.n])
        }
      }
      result.byReason.sort((a, b) => b[1] - a[1])
      return result
    },

    /** Erasure of a visitor: the rows that show their number masked (a few other numbers share a mask; those rows go too). */
    erase(siteId: string, e164: string): number {
      const erased = q.erase.run({ site: siteId, phone: maskPhone(e164) }).changes
      // The rows hold the page the lead was on: erased means gone from the file too.
      if (erased) forgetDeleted(db)
      return erased
    },

    deleteAll(siteId: string): number {
      return q.deleteAll.run({ site: siteId }).changes
    },

    /** Retention: rows whose last try is older than `before`. */
    purge(siteId: string, before: number): number {
      return q.purge.run({ site: siteId, before }).changes
    },

    /** Retention for sites no longer in the sites file. */
    purgeOrphans(known: string[], before: number): number {
      return q.purgeOrphans.run({ known: JSON.stringify(known), before }).changes
    },

    reset(): void {
      q.reset.run()
      fresh.clear()
    }
  }
}
export type RefusedLeads = ReturnType<typeof openRefusedLeads>
