import { parseBody, xhr } from './xhr'

/** What the platform answered, reduced to what the SDK needs. */
export interface Reply {
  /** HTTP status; 0 for a network failure or a timeout. */
  status: number
  /** Seconds from `Retry-After`, when the platform sent one. */
  retryAfter?: number
  /** The parsed JSON body, when there was one. */
  body?: unknown
}

export interface HttpInit {
  method: 'GET' | 'POST'
  body?: string
  headers?: Record<string, string>
  keepalive?: boolean
}

/** Sends one serialized callback request; settles with the platform's reply and never rejects. */
export type Send = (url: string, id: string, body: string, keepalive: boolean) => Promise<Reply>

/** Browsers refuse keepalive requests whose bodies add up to more than 64 KiB. */
export const KEEPALIVE_BUDGET = 60000
export const TIMEOUT_MS = 15000

const retryAfterOf = (value: string | null): number | undefined => {
  if (!value) return undefined
  const seconds = Number(value)
  if (seconds >= 0) return seconds
  const date = Date.parse(value)
  return date ? Math.max(0, (date - Date.now()) / 1000) : undefined
}

/**
 * An HTTP request that settles within `TIMEOUT_MS` and never rejects. It
 * uses `fetch`, and falls back to `XMLHttpRequest` when the page's `fetch`
 * throws, rejects or never settles (pages wrap it for logging or mocking,
 * not always well). Redirects are not followed (a 3xx is an answer). For a
 * callback request a second try that also reached the platform is harmless:
 * the `id` makes it a replay.
 */
export function http(url: string, init: HttpInit): Promise<Reply> {
  return new Promise<Reply>((resolve) => {
    let done = false
    const finish = (reply: Reply) => {
      if (!done) {
        done = true
        clearTimeout(timer)
        resolve(reply)
      }
    }
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined
    const fallback = () => {
      if (!done) {
        xhr(
          init.method,
          url,
          (status, text, header) => finish({ status, retryAfter: retryAfterOf(header('Retry-After')), body: parseBody(text) }),
          init.body,
          init.headers,
          TIMEOUT_MS
        )
      }
    }
    const timer = setTimeout(() => {
      controller && controller.abort()
      fallback()
    }, TIMEOUT_MS)
    try {
      fetch(url, {
        method: init.method,
        body: init.body,
        headers: init.headers,
        keepalive: !!init.keepalive && (init.body || '').length < KEEPALIVE_BUDGET,
        credentials: 'omit',
        mode: 'cors',
        redirect: 'manual',
        signal: controller && controller.signal
      }).then(
        (response) =>
          response.text().then(
            (text) =>
              finish({
                // An opaque redirect reads as status 0: call it what it was.
                status: response.type === 'opaqueredirect' ? 302 : response.status,
                retryAfter: retryAfterOf(response.headers.get('Retry-After')),
                body: parseBody(text)
              }),
            () => finish({ status: response.status })
          ),
        fallback
      )
    } catch {
      fallback()
    }
  })
}

/** POSTs one callback request as the contract asks: JSON with its `Idempotency-Key`. */
export const send: Send = (url, id, body, keepalive) =>
  http(url, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id },
    keepalive
  })

/**
 * Hands the body to `navigator.sendBeacon`: sent as `text/plain`, without
 * preflight or headers (the platform takes the key from the body's `id`).
 * For the moment the page goes away, when nothing can wait for a reply.
 */
export function beacon(url: string, body: string): boolean {
  try {
    return body.length < KEEPALIVE_BUDGET && navigator.sendBeacon(url, body)
  } catch {
    return false
  }
}
