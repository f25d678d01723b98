import { http } from './transport'

/**
 * Fetches the site config (`GET /v1/sites/{siteId}/config`). The browser's
 * HTTP cache keeps it for the platform's `max-age`, so most page views cost
 * no request at all. Resolves with the body as sent, unchecked (the lazy
 * files check it against the schema), or with the platform's error.
 */
export function fetchConfig(api: string, site: string): Promise<{ config?: unknown; status: number; body?: unknown }> {
  return http(api + '/v1/sites/' + encodeURIComponent(site) + '/config', { method: 'GET' }).then((reply) =>
    reply.status === 200 && reply.body && typeof reply.body === 'object'
      ? { config: reply.body, status: 200 }
      : { status: reply.status, body: reply.body }
  )
}

const own = Object.prototype.hasOwnProperty

/**
 * Reads `config.a.b.c` from an unchecked object without trusting it: only
 * own properties (a page may have added enumerable ones to
 * `Object.prototype`), `undefined` on any mismatch.
 */
export function pick(value: unknown, ...path: string[]): unknown {
  for (const key of path) {
    if (!value || typeof value !== 'object' || !own.call(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}
