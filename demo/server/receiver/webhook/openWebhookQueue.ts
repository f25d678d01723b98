import type Database from 'better-sqlite3'
import type { CallbackRequest, CallbackResponse } from '../../../../src/schema'

export type DeliveryState = 'pending' | 'delivered' | 'failed'

/** A delivery claimed for one attempt: what is needed to build and send its event. */
export interface ClaimedDelivery {
  id: number
  eventId: string
  siteId: string
  requestId: string
  /** This attempt's number, from 1. */
  attempt: number
  request: CallbackRequest
  response: CallbackResponse
  receivedAt: number
}

/** One attempt as the delivery log shows it. */
export interface AttemptRow {
  at: number
  status?: number
  note?: string
  ms: number
}

/** A delivery as the console lists it (the number still in full: it is masked where it leaves the server). */
export interface DeliveryRow {
  id: number
  eventId: string
  requestId: string
  phone: string
  receivedAt: number
  state: DeliveryState
  attempts: number
  nextAt?: number
  deliveredAt?: number
  log: AttemptRow[]
}

/**
 * The webhook queue, in the receiver's database so that it outlives a
 * restart. A trigger enqueues a delivery in the same transaction that stores
 * a lead of a site with a webhook: no lead is stored without its event, even
 * if the process dies a moment later. A delivery holds no copy of the lead
 * (its event is built from the stored request each time) and goes with the
 * request when that is deleted, erased or purged (`ON DELETE CASCADE`), its
 * attempt log with it.
 */
export function openWebhookQueue(db: Database.Database) {
  db.exec(`
    CREATE TABLE IF NOT EXISTS webhook_sites (site_id TEXT PRIMARY KEY);
    CREATE TABLE IF NOT EXISTS webhook_deliveries (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      event_id TEXT NOT NULL UNIQUE,
      site_id TEXT NOT NULL,
      request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
      state TEXT NOT NULL,
      attempts INTEGER NOT NULL DEFAULT 0,
      next_at INTEGER NOT NULL,
      created_at INTEGER NOT NULL,
      delivered_at INTEGER
    );
    CREATE INDEX IF NOT EXISTS webhook_due ON webhook_deliveries (state, next_at);
    CREATE INDEX IF NOT EXISTS webhook_site ON webhook_deliveries (site_id, created_at);
    CREATE INDEX IF NOT EXISTS webhook_request ON webhook_deliveries (request_id);
    CREATE TABLE IF NOT EXISTS webhook_attempts (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      delivery_id INTEGER NOT NULL REFERENCES webhook_deliveries (id) ON DELETE CASCADE,
      at INTEGER NOT NULL,
      status INTEGER,
      note TEXT,
      ms INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS webhook_attempts_delivery ON webhook_attempts (delivery_id);
    CREATE TRIGGER IF NOT EXISTS webhook_enqueue AFTER INSERT ON requests
    WHEN EXISTS (SELECT 1 FROM webhook_sites WHERE site_id = NEW.site_id)
    BEGIN
      INSERT INTO webhook_deliveries (event_id, site_id, request_id, state, next_at, created_at)
      VALUES ('evt_' || lower(hex(randomblob(16))), NEW.site_id, NEW.id, 'pending', NEW.created_at, NEW.created_at);
    END;
  `)

  const q = {
    clearSites: db.prepare('DELETE FROM webhook_sites'),
    addSite: db.prepare('INSERT OR IGNORE INTO webhook_sites (site_id) VALUES (?)'),
    due: db.prepare(
      `SELECT d.id, d.event_id, d.site_id, d.request_id, d.attempts, r.body, r.response, r.created_at AS received_at
       FROM webhook_deliveries d JOIN requests r ON r.id = d.request_id
       WHERE d.state = 'pending' AND d.next_at <= @now AND d.id NOT IN (SELECT value FROM json_each(@busy))
       ORDER BY d.next_at, d.id LIMIT 1`
    ),
    lease: db.prepare(`UPDATE webhook_deliveries SET attempts = attempts + 1, next_at = @until WHERE id = @id AND state = 'pending'`),
    nextDue: db.prepare(`SELECT MIN(next_at) AS at FROM webhook_deliveries WHERE state = 'pending' AND id NOT IN (SELECT value FROM json_each(@busy))`),
    settle: db.prepare(`UPDATE webhook_deliveries SET state = @state, next_at = @nextAt, delivered_at = @deliveredAt WHERE id = @id`),
    logAttempt: db.prepare(
      'INSERT INTO webhook_attempts (delivery_id, at, status, note, ms) SELECT @id, @at, @status, @note, @ms WHERE EXISTS (SELECT 1 FROM webhook_deliveries WHERE id = @id)'
    ),
    retry: db.prepare(
      `UPDATE webhook_deliveries SET state = 'pending', attempts = 0, next_at = @now WHERE id = @id AND site_id = @site AND state IN ('pending', 'failed')`
    ),
    fail: db.prepare(`UPDATE webhook_deliveries SET state = 'failed' WHERE id = @id`),
    list: db.prepare(
      `SELECT d.id, d.event_id, d.request_id, d.state, d.attempts, d.next_at, d.delivered_at, r.phone, r.created_at AS received_at
       FROM webhook_deliveries d JOIN requests r ON r.id = d.request_id
       WHERE d.site_id = @site AND (@request IS NULL OR d.request_id = @request) AND (@id IS NULL OR d.id = @id)
       ORDER BY d.created_at DESC, d.id DESC LIMIT @limit`
    ),
    attemptsOf: db.prepare(
      `SELECT a.delivery_id, a.at, a.status, a.note, a.ms FROM webhook_attempts a JOIN json_each(@ids) j ON j.value = a.delivery_id ORDER BY a.at, a.id`
    ),
    counts: db.prepare(`SELECT state, COUNT(*) AS n FROM webhook_deliveries WHERE site_id = @site GROUP BY state`)
  }

  return {
    /** The sites whose new leads are enqueued (those with a webhook in sites.json). */
    setSites(siteIds: string[]): void {
      db.transaction(() => {
        q.clearSites.run()
        for (const id of siteIds) q.addSite.run(id)
      })()
    },

    /**
     * Claims the earliest due delivery not in `busy` for one attempt: the
     * attempt is counted and the delivery leased until `until`, so that an
     * attempt cut short by a crash is made again once the lease has run out.
     */
    claim(now: number, until: number, busy: number[]): ClaimedDelivery | undefined {
      return db
        .transaction(() => {
          const row = q.due.get({ now, busy: JSON.stringify(busy) }) as Record<string, unknown> | undefined
          if (!row) return undefined
          q.lease.run({ id: row.id, until })
          return {
            id: row.id as number,
            eventId: row.event_id as string,
            siteId: row.site_id as string,
            requestId: row.request_id as string,
            attempt: (row.attempts as number) + 1,
            request: JSON.parse(row.body as string) as CallbackRequest,
            response: JSON.parse(row.response as string) as CallbackResponse,
            receivedAt: row.received_at as number
          }
        })
        .immediate()
    },

    /** When the next pending delivery not in `busy` is due, if there is one. */
    nextDue(busy: number[]): number | undefined {
      return (q.nextDue.get({ busy: JSON.stringify(busy) }) as { at: number | null }).at ?? undefined
    },

    /** Records an attempt and what follows: delivered, another attempt at `nextAt`, or failed. Nothing when the delivery was deleted meanwhile. */
    settle(id: number, attempt: AttemptRow, next: { state: 'delivered' } | { state: 'pending'; nextAt: number } | { state: 'failed' }): void {
      db.transaction(() => {
        q.logAttempt.run({ id, at: attempt.at, status: attempt.status ?? null, note: attempt.note ?? null, ms: attempt.ms })
        q.settle.run({
          id,
          state: next.state,
          nextAt: next.state === 'pending' ? next.nextAt : 0,
          deliveredAt: next.state === 'delivered' ? attempt.at : null
        })
      })()
    },

    /** Gives up on a delivery without an attempt (its site no longer has a webhook). */
    fail(id: number, at: number, note: string): void {
      db.transaction(() => {
        q.logAttempt.run({ id, at, status: null, note, ms: 0 })
        q.fail.run({ id })
      })()
    },

    /** A pending or failed delivery of the site, due now with a fresh schedule; false when there is none such. */
    retry(siteId: string, id: number, now: number): boolean {
      return q.retry.run({ id, site: siteId, now }).changes > 0
    },

    /** The site's deliveries, newest first, each with its attempts; or only those of one request, or the one of an id. */
    list(siteId: string, options: { requestId?: string; id?: number; limit?: number } = {}): DeliveryRow[] {
      const filter = { site: siteId, request: options.requestId ?? null, id: options.id ?? null, limit: options.limit ?? 100 }
      const rows = q.list.all(filter) as Record<string, unknown>[]
      const logs = new Map<number, AttemptRow[]>()
      if (rows.length) {
        for (const a of q.attemptsOf.all({ ids: JSON.stringify(rows.map((r) => r.id)) }) as Record<string, unknown>[]) {
          const list = logs.get(a.delivery_id as number) || []
          list.push({
            at: a.at as number,
            ...(a.status !== null && { status: a.status as number }),
            ...(a.note !== null && { note: a.note as string }),
            ms: a.ms as number
          })
          logs.set(a.delivery_id as number, list)
        }
      }
      return rows.map((r) => ({
        id: r.id as number,
        eventId: r.event_id as string,
        requestId: r.request_id as string,
        phone: r.phone as string,
        receivedAt: r.received_at as number,
        state: r.state as DeliveryState,
        attempts: r.attempts as number,
        ...(r.state === 'pending' && { nextAt: r.next_at as number }),
        ...(r.delivered_at !== null && { deliveredAt: r.delivered_at as number }),
        log: logs.get(r.id as number) || []
      }))
    },

    /** How many of the site's deliveries are pending, delivered, failed. */
    counts(siteId: string): Record<DeliveryState, number> {
      const counts = { pending: 0, delivered: 0, failed: 0 }
      for (const row of q.counts.all({ site: siteId }) as { state: DeliveryState; n: number }[]) {
        if (Object.hasOwn(counts, row.state)) counts[row.state] = row.n
      }
      return counts
    }
  }
}
export type WebhookQueue = ReturnType<typeof openWebhookQueue>
