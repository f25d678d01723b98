import { parseBody } from './xhr'

/**
 * Fetches the site config (`GET /v1/sites/{siteId}/config`). The browser's
 * HTTP cache keeps it for the platform's `max-age`, so most page views cost
 * no request at all. Resolves with the body as sent, unchecked (the lazy
 * files check it against the schema); rejects with the body of any other
 * answer (the platform's error), `undefined` where there is none (offline,
 * a timeout). Plain XHR, and not `xhr()` (no headers, no body, no response
 * headers to read): pages wrap `fetch` (not always well), and the first
 * file must stay small, so the fetch transport and `xhr()` wait in the
 * delivery file.
 */
export function fetchConfig(api: string, site: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    // Status 0: a network failure or a timeout.
    const done = (status: number, text: string) => {
      const body = parseBody(text)
      if (status === 200 && body && typeof body === 'object') resolve(body)
      else reject(body)
    }
    try {
      const request = new XMLHttpRequest()
      request.open('GET', api + '/v1/sites/' + encodeURIComponent(site) + '/config')
      request.timeout = 15000
      request.onload = () => done(request.status, request.responseText)
      request.onerror = request.ontimeout = () => done(0, '')
      request.send()
    } catch {
      done(0, '')
    }
  })
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
