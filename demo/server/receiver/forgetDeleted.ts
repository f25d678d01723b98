import type Database from 'better-sqlite3'

/**
 * Makes a deletion real on disk. `secure_delete` (set when the database is
 * opened) zeroes what was deleted in the pages, but under WAL the pages that
 * held the rows are still in the write-ahead log until a checkpoint copies
 * the new ones into the database file; TRUNCATE then empties the log file.
 * `vacuum` (after a bulk delete: delete-all, the retention purge) also
 * rebuilds the file, so that no free page keeps what was there before
 * `secure_delete` was on.
 */
export function forgetDeleted(db: Database.Database, options: { vacuum?: boolean } = {}): void {
  db.pragma('wal_checkpoint(TRUNCATE)')
  if (!options.vacuum) return
  db.exec('VACUUM')
  db.pragma('wal_checkpoint(TRUNCATE)')
}
