import Database from 'better-sqlite3'
import type { CallbackRequest, CallbackResponse } from '../../../src/schema'
import { forgetDeleted } from './forgetDeleted'
import { normalizeStoredPhones } from './normalizeStoredPhones'

/** A stored callback request. */
export interface StoredRequest {
  id: string
  siteId: string
  /** Hash of the canonical request JSON: the same `id` with other content is a conflict. */
  hash: string
  request: CallbackRequest
  response: CallbackResponse
  createdAt: number
  /** Anonymised client IP. */
  ip: string
}

/**
 * The receiver's SQLite database (WAL): requests, the error log and call
 * outcomes. Every query takes its values as parameters, never by string
 * building. `secure_delete` overwrites what a DELETE removes with zeros, so
 * that an erased number is gone from the file, not only from the tables
 * (see forgetDeleted for the write-ahead log).
 */
export function openDb(path: string) {
  const db = new Database(path)
  db.pragma('journal_mode = WAL')
  db.pragma('foreign_keys = ON')
  db.pragma('secure_delete = ON')
  db.exec(`
    CREATE TABLE IF NOT EXISTS requests (
      id TEXT PRIMARY KEY,
      site_id TEXT NOT NULL,
      hash TEXT NOT NULL,
      body TEXT NOT NULL,
      response TEXT NOT NULL,
      phone TEXT NOT NULL,
      channel TEXT NOT NULL,
      status TEXT NOT NULL,
      created_at INTEGER NOT NULL,
      ip TEXT NOT NULL
    );
    CREATE INDEX IF NOT EXISTS requests_site ON requests (site_id, created_at);
    CREATE INDEX IF NOT EXISTS requests_phone ON requests (phone);
    CREATE TABLE IF NOT EXISTS errors (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      site_id TEXT,
      code TEXT NOT NULL,
      status INTEGER NOT NULL,
      created_at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS errors_site ON errors (site_id, created_at);
    CREATE TABLE IF NOT EXISTS call_events (
      id INTEGER PRIMARY KEY AUTOINCREMENT,
      request_id TEXT NOT NULL REFERENCES requests (id) ON DELETE CASCADE,
      site_id TEXT NOT NULL,
      type TEXT NOT NULL,
      at INTEGER NOT NULL
    );
    CREATE INDEX IF NOT EXISTS call_events_request ON call_events (request_id);
  `)
  // Version 1: numbers in the one E.164 form libphonenumber-js gives them, and the file rebuilt once,
  // so that nothing deleted before secure_delete was on stays in its free pages.
  if ((db.pragma('user_version', { simple: true }) as number) < 1) {
    normalizeStoredPhones(db)
    forgetDeleted(db, { vacuum: true })
    db.pragma('user_version = 1')
  }

  const insert = db.prepare(
    `INSERT INTO requests (id, site_id, hash, body, response, phone, channel, status, created_at, ip)
     VALUES (@id, @siteId, @hash, @body, @response, @phone, @channel, @status, @createdAt, @ip)`
  )
  const byId = db.prepare('SELECT * FROM requests WHERE id = ?')
  const bySite = db.prepare('SELECT * FROM requests WHERE site_id = ? ORDER BY created_at DESC, rowid DESC LIMIT ?')
  const logError = db.prepare('INSERT INTO errors (site_id, code, status, created_at) VALUES (?, ?, ?, ?)')
  const ownsRequest = db.prepare('SELECT 1 FROM requests WHERE id = @id AND site_id = @site')
  const addEvent = db.prepare('INSERT INTO call_events (request_id, site_id, type, at) VALUES (@id, @site, @type, @at)')

  const toStored = (row: Record<string, unknown>): StoredRequest => ({
    id: row.id as string,
    siteId: row.site_id as string,
    hash: row.hash as string,
    request: JSON.parse(row.body as string) as CallbackRequest,
    response: JSON.parse(row.response as string) as CallbackResponse,
    createdAt: row.created_at as number,
    ip: row.ip as string
  })

  return {
    db,
    /** Stores a request; returns the row already stored under its id if there is one (a replay or a conflict). */
    insertOrGet(stored: StoredRequest): { inserted: boolean; row: StoredRequest } {
      return db
        .transaction(() => {
          const existing = byId.get(stored.id) as Record<string, unknown> | undefined
          if (existing) return { inserted: false, row: toStored(existing) }
          insert.run({
            id: stored.id,
            siteId: stored.siteId,
            hash: stored.hash,
            body: JSON.stringify(stored.request),
            response: JSON.stringify(stored.response),
            phone: stored.request.phone,
            channel: stored.request.channel,
            status: stored.response.status,
            createdAt: stored.createdAt,
            ip: stored.ip
          })
          return { inserted: true, row: stored }
        })
        .immediate()
    },
    get(id: string): StoredRequest | undefined {
      const row = byId.get(id) as Record<string, unknown> | undefined
      return row && toStored(row)
    },
    /** A site's requests, newest first. */
    listBySite(siteId: string, limit = 500): StoredRequest[] {
      return (bySite.all(siteId, limit) as Record<string, unknown>[]).map(toStored)
    },
    /** Records a rejected request: the code and the time, never the body or the number. */
    logError(siteId: string | undefined, code: string, status: number, at: number): void {
      logError.run(siteId ?? null, code, status, at)
    },
    /** Records a call outcome; false when the request is not the site's (or does not exist). */
    addEvent(site: string, id: string, type: string, at: number): boolean {
      if (!ownsRequest.get({ id, site })) return false
      addEvent.run({ id, site, type, at })
      return true
    },
    reset(): void {
      db.exec('DELETE FROM call_events; DELETE FROM requests; DELETE FROM errors;')
    },
    close(): void {
      db.close()
    }
  }
}
export type Db = ReturnType<typeof openDb>
