import type Database from 'better-sqlite3'
import { canonicalHash } from './canonicalHash'
import { normalizePhone } from './normalizePhone'

/**
 * Rewrites numbers stored before the receiver normalised them (`+4407400…`)
 * into the one E.164 form, in the column, the stored body and its hash, so
 * that erasure by number and the per-number limit find them. Returns how many
 * rows changed.
 */
export function normalizeStoredPhones(db: Database.Database): number {
  const rows = db.prepare('SELECT id, body, phone FROM requests').all() as { id: string; body: string; phone: string }[]
  const update = db.prepare('UPDATE requests SET phone = @phone, body = @body, hash = @hash WHERE id = @id')
  return db.transaction(() => {
    let changed = 0
    for (const row of rows) {
      const phone = normalizePhone(row.phone)
      if (phone === row.phone) continue
      const request = { ...(JSON.parse(row.body) as Record<string, unknown>), phone }
      update.run({ id: row.id, phone, body: JSON.stringify(request), hash: canonicalHash(request) })
      changed++
    }
    return changed
  })()
}
