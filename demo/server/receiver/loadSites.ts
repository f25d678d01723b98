import { readFileSync } from 'node:fs'
import * as z from 'zod/mini'
import { SiteConfig } from '../../../src/schema'

/** A site as the platform keeps it: the public config, plus what only the server may know. */
export interface SiteRecord {
  config: SiteConfig
  /** Origins allowed to call the API for this site (CORS). */
  origins: string[]
  /** Requests older than this many days are purged. */
  retentionDays: number
  /** The console's access PIN as `scrypt$salt$hash` (never the PIN itself). */
  pinHash?: string
}

const SiteFile = z.array(
  z.object({
    config: SiteConfig,
    origins: z.array(z.string()),
    retentionDays: z.optional(z.int().check(z.gte(1))),
    pinHash: z.optional(z.string())
  })
)

/** Reads and checks the sites file (`demo/sites.json`): a bad file stops the server, loudly. */
export function loadSites(path: string): SiteRecord[] {
  const parsed = SiteFile.parse(JSON.parse(readFileSync(path, 'utf8')))
  return parsed.map((site) => ({ ...site, retentionDays: site.retentionDays ?? 90 }))
}
