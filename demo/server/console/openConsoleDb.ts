import type Database from 'better-sqlite3'
import type { CallbackRequest, CallbackResponse } from '../../../src/schema'
import { forgetDeleted } from '../receiver/forgetDeleted'

/** Filters of the requests list and its CSV export. */
export interface RequestFilter {
  channel?: string
  status?: string
  /** Only requests received at or after this time (ms). */
  since?: number
}

/** One row of the console's lists, as stored; masking happens where rows leave the server. */
export interface ConsoleRow {
  id: string
  request: CallbackRequest
  response: CallbackResponse
  createdAt: number
  /** The call outcomes the platform recorded, oldest first. */
  events: { type: string; at: number }[]
}

/**
 * The console's queries on the receiver's database. Each statement is a
 * constant with bound parameters, and every one that reads or deletes data
 * takes the signed-in site as `@site`: optional filters are `(@x IS NULL OR
 * col = @x)`, so that no SQL is ever assembled from input.
 */
export function openConsoleDb(db: Database.Database) {
  db.exec(`
    CREATE TABLE IF NOT EXISTS console_spent_tokens (
      jti TEXT PRIMARY KEY,
      expires_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS call_events_site ON call_events (site_id, at);
  `)

  const filtered = `FROM requests WHERE site_id = @site
      AND (@channel IS NULL OR channel = @channel)
      AND (@status IS NULL OR status = @status)
      AND created_at >= @since`
  const q = {
    count: db.prepare(`SELECT COUNT(*) AS n ${filtered}`),
    page: db.prepare(`SELECT id, body, response, created_at ${filtered} ORDER BY created_at DESC, rowid DESC LIMIT @limit OFFSET @offset`),
    eventsOf: db.prepare(
      `SELECT e.request_id, e.type, e.at FROM call_events e JOIN json_each(@ids) j ON j.value = e.request_id
       WHERE e.site_id = @site ORDER BY e.at, e.id`
    ),
    groupBy: {
      channel: db.prepare(`SELECT channel AS key, COUNT(*) AS n FROM requests WHERE site_id = @site AND created_at >= @since GROUP BY 1 ORDER BY 2 DESC`),
      medium: db.prepare(
        `SELECT COALESCE(json_extract(body, '$.source.medium'), 'unknown') AS key, COUNT(*) AS n
         FROM requests WHERE site_id = @site AND created_at >= @since GROUP BY 1 ORDER BY 2 DESC`
      ),
      campaign: db.prepare(
        `SELECT json_extract(body, '$.source.utm.campaign') AS key, COUNT(*) AS n FROM requests
         WHERE site_id = @site AND created_at >= @since AND key IS NOT NULL GROUP BY 1 ORDER BY 2 DESC LIMIT 10`
      ),
      device: db.prepare(
        `SELECT COALESCE(json_extract(body, '$.device.type'), 'unknown') AS key, COUNT(*) AS n
         FROM requests WHERE site_id = @site AND created_at >= @since GROUP BY 1 ORDER BY 2 DESC`
      ),
      schedule: db.prepare(
        `SELECT json_extract(body, '$.schedule.type') AS key, COUNT(*) AS n
         FROM requests WHERE site_id = @site AND created_at >= @since GROUP BY 1 ORDER BY 2 DESC`
      ),
      outcome: db.prepare(
        `SELECT e.type AS key, COUNT(DISTINCT e.request_id) AS n FROM call_events e JOIN requests r ON r.id = e.request_id
         WHERE r.site_id = @site AND e.site_id = @site AND r.created_at >= @since GROUP BY 1`
      )
    },
    days: db.prepare(`SELECT created_at, channel FROM requests WHERE site_id = @site AND created_at >= @since`),
    firstAttempts: db.prepare(
      `SELECT r.created_at, json_extract(r.response, '$.scheduledFor') AS due, MIN(e.at) AS first
       FROM requests r JOIN call_events e ON e.request_id = r.id AND e.type = 'attempted' AND e.site_id = @site
       WHERE r.site_id = @site AND r.created_at >= @since GROUP BY r.id`
    ),
    missed: db.prepare(
      `SELECT r.id, r.body, r.response, r.created_at FROM requests r
       WHERE r.site_id = @site
         AND EXISTS (SELECT 1 FROM call_events e WHERE e.request_id = r.id AND e.type = 'missed')
         AND NOT EXISTS (SELECT 1 FROM call_events e WHERE e.request_id = r.id AND e.type IN ('connected', 'opted_out'))
       ORDER BY r.created_at DESC LIMIT @limit`
    ),
    errors: db.prepare('SELECT code, status, created_at FROM errors WHERE site_id = @site ORDER BY created_at DESC, id DESC LIMIT @limit'),
    deleteOne: db.prepare('DELETE FROM requests WHERE id = @id AND site_id = @site'),
    deleteByPhone: db.prepare('DELETE FROM requests WHERE phone = @phone AND site_id = @site'),
    deleteAllRequests: db.prepare('DELETE FROM requests WHERE site_id = @site'),
    deleteAllErrors: db.prepare('DELETE FROM errors WHERE site_id = @site'),
    deleteAllEvents: db.prepare('DELETE FROM call_events WHERE site_id = @site'),
    purgeRequests: db.prepare('DELETE FROM requests WHERE site_id = @site AND created_at < @before'),
    purgeErrors: db.prepare('DELETE FROM errors WHERE site_id = @site AND created_at < @before'),
    purgeOrphanRequests: db.prepare('DELETE FROM requests WHERE site_id NOT IN (SELECT value FROM json_each(@known)) AND created_at < @before'),
    purgeOrphanErrors: db.prepare('DELETE FROM errors WHERE (site_id IS NULL OR site_id NOT IN (SELECT value FROM json_each(@known))) AND created_at < @before'),
    isSpent: db.prepare('SELECT 1 FROM console_spent_tokens WHERE jti = @jti'),
    spend: db.prepare('INSERT OR IGNORE INTO console_spent_tokens (jti, expires_at) VALUES (@jti, @expiresAt)'),
    purgeSpent: db.prepare('DELETE FROM console_spent_tokens WHERE expires_at < @now')
  }

  const params = (site: string, filter: RequestFilter = {}) => ({
    site,
    channel: filter.channel ?? null,
    status: filter.status ?? null,
    since: filter.since ?? 0
  })

  const withEvents = (site: string, rows: Record<string, unknown>[]): ConsoleRow[] => {
    const events = new Map<string, { type: string; at: number }[]>()
    if (rows.length) {
      for (const e of q.eventsOf.all({ site, ids: JSON.stringify(rows.map((r) => r.id)) }) as { request_id: string; type: string; at: number }[]) {
        const list = events.get(e.request_id) || []
        list.push({ type: e.type, at: e.at })
        events.set(e.request_id, list)
      }
    }
    return rows.map((row) => ({
      id: row.id as string,
      request: JSON.parse(row.body as string) as CallbackRequest,
      response: JSON.parse(row.response as string) as CallbackResponse,
      createdAt: row.created_at as number,
      events: events.get(row.id as string) || []
    }))
  }

  const counts = (rows: unknown[]) => Object.fromEntries((rows as { key: string; n: number }[]).map((r) => [r.key, r.n]))

  return {
    /** One page of a site's requests, newest first, and how many match in all. */
    list(site: string, filter: RequestFilter, limit: number, offset: number): { total: number; rows: ConsoleRow[] } {
      const p = params(site, filter)
      const total = (q.count.get(p) as { n: number }).n
      return { total, rows: withEvents(site, q.page.all({ ...p, limit, offset }) as Record<string, unknown>[]) }
    },

    /** Every matching request, newest first, for the CSV export. */
    *all(site: string, filter: RequestFilter, batch = 500): Generator<ConsoleRow> {
      for (let offset = 0; ; offset += batch) {
        const rows = withEvents(site, q.page.all({ ...params(site, filter), limit: batch, offset }) as Record<string, unknown>[])
        yield* rows
        if (rows.length < batch) return
      }
    },

    /** Counts for the metrics view, for requests received since `since`. */
    counts(site: string, since: number) {
      const p = { site, since }
      return {
        channel: counts(q.groupBy.channel.all(p)),
        medium: counts(q.groupBy.medium.all(p)),
        campaign: counts(q.groupBy.campaign.all(p)),
        device: counts(q.groupBy.device.all(p)),
        schedule: counts(q.groupBy.schedule.all(p)),
        outcome: counts(q.groupBy.outcome.all(p))
      }
    },

    /** Receipt times and channels, to be bucketed by local day where the business is. */
    receipts(site: string, since: number): { createdAt: number; channel: string }[] {
      return (q.days.all({ site, since }) as { created_at: number; channel: string }[]).map((r) => ({ createdAt: r.created_at, channel: r.channel }))
    },

    /** For each request with a recorded attempt: when it was received, when it was due, the first attempt. */
    firstAttempts(site: string, since: number): { createdAt: number; due: number; first: number }[] {
      return (q.firstAttempts.all({ site, since }) as { created_at: number; due: string | null; first: number }[]).map((r) => ({
        createdAt: r.created_at,
        due: Math.max(r.created_at, r.due ? Date.parse(r.due) : 0),
        first: r.first
      }))
    },

    /** Requests whose call was missed and never connected since. */
    missed(site: string, limit = 100): ConsoleRow[] {
      return withEvents(site, q.missed.all({ site, limit }) as Record<string, unknown>[])
    },

    /** The site's rejected requests: code, HTTP status and time only. */
    errors(site: string, limit = 100): { code: string; status: number; at: number }[] {
      return (q.errors.all({ site, limit }) as { code: string; status: number; created_at: number }[]).map((r) => ({
        code: r.code,
        status: r.status,
        at: r.created_at
      }))
    },

    // Each deletion leaves the file too (forgetDeleted): the console tells the owner no other copy is kept.
    deleteRequest(site: string, id: string): boolean {
      const deleted = q.deleteOne.run({ id, site }).changes > 0
      if (deleted) forgetDeleted(db)
      return deleted
    },

    /** Erases a visitor: every request of the site with this E.164 number (their call events go with them). */
    eraseByPhone(site: string, phone: string): number {
      const deleted = q.deleteByPhone.run({ phone, site }).changes
      if (deleted) forgetDeleted(db)
      return deleted
    },

    /** Everything the receiver holds for a site: requests, call events, the error log. */
    deleteAll(site: string): { requests: number; errors: number } {
      const deleted = db.transaction(() => {
        q.deleteAllEvents.run({ site })
        const requests = q.deleteAllRequests.run({ site }).changes
        const errors = q.deleteAllErrors.run({ site }).changes
        return { requests, errors }
      })()
      forgetDeleted(db, { vacuum: true })
      return deleted
    },

    /** After the retention purge: the deleted rows leave the file, which is rebuilt without them. */
    forgetPurged(): void {
      forgetDeleted(db, { vacuum: true })
    },

    /** Deletes a site's requests and errors received before `before`. */
    purge(site: string, before: number): number {
      return db.transaction(() => q.purgeRequests.run({ site, before }).changes + q.purgeErrors.run({ site, before }).changes)()
    },

    /**
     * What no site in the sites file can take a retention from (errors that named no known site, and
     * everything a site removed from the file left behind) goes after the default retention.
     */
    purgeOrphans(known: string[], before: number): number {
      const p = { known: JSON.stringify(known), before }
      return db.transaction(() => q.purgeOrphanRequests.run(p).changes + q.purgeOrphanErrors.run(p).changes)()
    },

    /** Marks a token id as used (a link) or revoked (a session); true when it was not already. */
    spend(jti: string, expiresAt: number): boolean {
      return q.spend.run({ jti, expiresAt }).changes > 0
    },

    isSpent(jti: string): boolean {
      return !!q.isSpent.get({ jti })
    },

    /** A spent token past its expiry would be refused anyway: forget it. */
    forgetExpiredTokens(now: number): void {
      q.purgeSpent.run({ now })
    }
  }
}
export type ConsoleDb = ReturnType<typeof openConsoleDb>
