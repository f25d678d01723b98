import { createHash } from 'node:crypto'
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { SiteRecord } from './loadSites'

/** Writes a site's public config, cacheable for five minutes and revalidated by ETag. */
export function sendConfig(req: IncomingMessage, res: ServerResponse, site: SiteRecord): void {
  const body = JSON.stringify(site.config)
  const etag = '"' + createHash('sha1').update(body).digest('base64url').slice(0, 16) + '"'
  const headers = { 'Cache-Control': 'max-age=300', ETag: etag, 'Content-Type': 'application/json; charset=utf-8', 'X-Content-Type-Options': 'nosniff' }
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers)
    return void res.end()
  }
  res.writeHead(200, headers)
  res.end(body)
}
export type SendConfig = typeof sendConfig
