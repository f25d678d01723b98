import type Database from 'better-sqlite3'
import type { CallbackRequest, CallbackResponse } from '../../../src/schema'
import type { ConsoleRow } from './openConsoleDb'

/** One request of a site by id, with its call events: the detail view and "Show number" ask here. */
export function openLeadLookup(db: Database.Database) {
  const byId = db.prepare('SELECT id, body, response, created_at FROM requests WHERE id = @id AND site_id = @site')
  const events = db.prepare('SELECT type, at FROM call_events WHERE request_id = @id AND site_id = @site ORDER BY at, id')
  return {
    /** The request, or undefined when there is none of this id for this site (another site's ids are not found either). */
    find(siteId: string, id: string): ConsoleRow | undefined {
      const row = byId.get({ id, site: siteId }) as Record<string, unknown> | undefined
      if (!row) return undefined
      return {
        id: row.id as string,
        request: JSON.parse(row.body as string) as CallbackRequest,
        response: JSON.parse(row.response as string) as CallbackResponse,
        createdAt: row.created_at as number,
        events: events.all({ id, site: siteId }) as { type: string; at: number }[]
      }
    }
  }
}
export type LeadLookup = ReturnType<typeof openLeadLookup>
