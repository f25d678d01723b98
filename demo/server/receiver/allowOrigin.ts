import type { ServerResponse } from 'node:http'

/**
 * CORS headers for an allowed origin. `Retry-After` is exposed because the
 * SDK must read it from 429 and 503 answers, and browsers hide headers that
 * are not exposed. No credentials: the API never uses cookies.
 */
export function allowOrigin(res: ServerResponse, origin: string): void {
  res.setHeader('Access-Control-Allow-Origin', origin)
  res.setHeader('Vary', 'Origin')
  res.setHeader('Access-Control-Allow-Methods', 'GET, POST')
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Idempotency-Key')
  res.setHeader('Access-Control-Expose-Headers', 'Retry-After')
  res.setHeader('Access-Control-Max-Age', '600')
}
