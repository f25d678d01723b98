import { readFileSync } from 'node:fs'
import * as z from 'zod/mini'
import { SiteConfig } from '../../../src/schema'
import { checkWebhookUrl } from './webhook/checkWebhookUrl'

/** A site as the platform keeps it: the public config, plus what only the server may know. */
export interface SiteRecord {
  config: SiteConfig
  /** Origins allowed to call the API for this site (CORS). */
  origins: string[]
  /** Requests older than this many days are purged. */
  retentionDays: number
  /** The console's access PIN as `scrypt$salt$hash` (never the PIN itself). */
  pinHash?: string
  /** Where each new lead is POSTed, signed with `secret` (docs/webhooks.md). */
  webhook?: Webhook
}

/** A site's new-lead webhook: only from the sites file, never from anything a visitor sends. */
export interface Webhook {
  url: string
  /** The HMAC key of the signature; at least 24 characters (e.g. `openssl rand -hex 32`). */
  secret: string
}

export const WebhookSchema = z.object({
  url: z.string().check(z.refine((url) => !checkWebhookUrl(url), 'the webhook URL must be https (plain http only to a loopback host)')),
  secret: z.string().check(z.minLength(24))
})

const SiteFile = z.array(
  z.object({
    config: SiteConfig,
    origins: z.array(z.string()),
    retentionDays: z.optional(z.int().check(z.gte(1))),
    pinHash: z.optional(z.string()),
    webhook: z.optional(WebhookSchema)
  })
)

/** Reads and checks the sites file (`demo/sites.json`): a bad file stops the server, loudly. */
export function loadSites(path: string): SiteRecord[] {
  const parsed = SiteFile.parse(JSON.parse(readFileSync(path, 'utf8')))
  return parsed.map((site) => ({ ...site, retentionDays: site.retentionDays ?? 90 }))
}
