import type Database from 'better-sqlite3'

/** What the access log records: a number shown in full, or an export with full numbers. */
export type AccessAction = 'reveal' | 'export'

/** Who did it: a short id of the console session (not the token), its anonymised IP and its browser. */
export interface AccessWho {
  session: string
  ip: string
  agent: string
}

export interface AccessEntry extends AccessWho {
  at: number
  action: AccessAction
  /** The masked number, or what the export held ("3 requests · form · last 30 days"). */
  subject: string
  requestId?: string
}

/** Full numbers one session may take per window (each "Show number", each full export): enough to work through a day's calls; a stolen session cannot page through them all. */
export const ACCESS_LIMIT = { max: 60, windowMs: 10 * 60000 }

/**
 * The console's access log: each time a full number left the server (a
 * "Show number", an export with full numbers), what, when and from which
 * session. The owner reads it in the console; it holds masked numbers only,
 * it is kept when a request or all data is deleted (it is the record of who
 * saw what), and it goes with the site's retention period. An entry is
 * written before the number goes out, and refused past `ACCESS_LIMIT` per
 * session: then nothing goes out.
 */
export function openAccessLog(db: Database.Database, now: () => number) {
  db.exec(`
    CREATE TABLE IF NOT EXISTS console_access_log (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      site_id TEXT NOT NULL,
      at INTEGER NOT NULL,
      action TEXT NOT NULL,
      subject TEXT NOT NULL,
      request_id TEXT,
      session TEXT NOT NULL,
      ip TEXT NOT NULL,
      agent TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS console_access_log_site ON console_access_log (site_id, at);
  `)
  const q = {
    add: db.prepare(
      `INSERT INTO console_access_log (site_id, at, action, subject, request_id, session, ip, agent)
       VALUES (@site, @at, @action, @subject, @requestId, @session, @ip, @agent)`
    ),
    list: db.prepare('SELECT * FROM console_access_log WHERE site_id = @site ORDER BY at DESC, id DESC LIMIT @limit'),
    purge: db.prepare('DELETE FROM console_access_log WHERE site_id = @site AND at < @before'),
    purgeOrphans: db.prepare('DELETE FROM console_access_log WHERE site_id NOT IN (SELECT value FROM json_each(@known)) AND at < @before'),
    reset: db.prepare('DELETE FROM console_access_log')
  }
  /** Entries per session in the current window. Windows that are over are swept once there are many. */
  const windows = new Map<string, { start: number; count: number }>()
  const sweep = (t: number) => {
    for (const [key, w] of windows) if (t - w.start >= ACCESS_LIMIT.windowMs) windows.delete(key)
  }

  return {
    /** Writes the entry and answers 0, or answers the seconds to wait when the session has had its share. */
    add(siteId: string, entry: Omit<AccessEntry, 'at'>): number {
      const t = now()
      if (windows.size > 1000) sweep(t)
      let w = windows.get(entry.session)
      if (!w || t - w.start >= ACCESS_LIMIT.windowMs) windows.set(entry.session, (w = { start: t, count: 0 }))
      if (w.count >= ACCESS_LIMIT.max) return Math.max(1, Math.ceil((w.start + ACCESS_LIMIT.windowMs - t) / 1000))
      w.count++
      q.add.run({ site: siteId, at: t, ...entry, requestId: entry.requestId ?? null })
      return 0
    },
    /** The site's entries, newest first. */
    list(siteId: string, limit = 200): AccessEntry[] {
      return (q.list.all({ site: siteId, limit }) as Record<string, unknown>[]).map((r) => ({
        at: r.at as number,
        action: r.action as AccessAction,
        subject: r.subject as string,
        ...(r.request_id !== null && { requestId: r.request_id as string }),
        session: r.session as string,
        ip: r.ip as string,
        agent: r.agent as string
      }))
    },
    purge(siteId: string, before: number): number {
      return q.purge.run({ site: siteId, before }).changes
    },

    /** Retention for sites no longer in the sites file. */
    purgeOrphans(known: string[], before: number): number {
      return q.purgeOrphans.run({ known: JSON.stringify(known), before }).changes
    },
    reset(): void {
      q.reset.run()
      windows.clear()
    }
  }
}
export type AccessLog = ReturnType<typeof openAccessLog>
