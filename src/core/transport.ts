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
/**
 * Each way of sending gets this long before the next goes beside it: a
 * `fetch` that has not settled gets `XMLHttpRequest`, and when neither has
 * answered after twice this, a beacon. A platform answers in well under a
 * second; a page's broken wrapper (a polyfill, a mock left in) may never
 * settle at all.
 */
export const STALL_MS = 5000
/** Nothing has answered by then: the request has failed (status 0) and is tried again later. */
export const TIMEOUT_MS = 15000
const NATIVE = /\{\s*\[native code\]\s*\}\s*$/

const retryAfterOf = (value: string | null): number | undefined => {
  if (!value) return undefined
  const seconds = Number(value)
  if (seconds >= 0) return seconds
  const date = Date.parse(value)
  return date ? Math.max(0, (date - Date.now()) / 1000) : undefined
}

/**
 * An HTTP request that settles within `TIMEOUT_MS` and never rejects. It
 * uses `fetch`, and `XMLHttpRequest` as well when the page's `fetch` throws,
 * rejects (other than the browser's own for a network failure) or has not
 * settled within `STALL_MS` (pages wrap it for logging or mocking, not always
 * well); the first answer wins, and a fetch still pending is aborted. When XHR
 * fails too, or neither has answered `STALL_MS` later, `lastResort` runs
 * (once): the page has broken both. Redirects are not followed (a 3xx is an
 * answer). For a callback request a second try that also reached the
 * platform is harmless: the `id` makes it a replay.
 */
export function http(url: string, init: HttpInit, lastResort?: () => void): Promise<Reply> {
  return new Promise<Reply>((resolve) => {
    let done = false
    let fallen = false
    let resorted = false
    const controller = typeof AbortController === 'function' ? new AbortController() : undefined
    const finish = (reply: Reply) => {
      if (done) return
      done = true
      for (const timer of timers) clearTimeout(timer)
      // A stalled fetch may still be on its way: one send is enough.
      if (controller) controller.abort()
      resolve(reply)
    }
    const resort = () => {
      if (done || resorted) return
      resorted = true
      if (lastResort) lastResort()
    }
    const fallback = () => {
      if (done || fallen) return
      fallen = true
      xhr(
        init.method,
        url,
        (status, text, header) => {
          if (status) return finish({ status, retryAfter: retryAfterOf(header('Retry-After')), body: parseBody(text) })
          resort()
          finish({ status: 0 })
        },
        init.body,
        init.headers,
        TIMEOUT_MS
      )
    }
    const timers = [setTimeout(fallback, STALL_MS), setTimeout(resort, 2 * STALL_MS), setTimeout(() => finish({ status: 0 }), TIMEOUT_MS)]
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
        // A TypeError is how the browser's own fetch reports the network
        // failing: XHR would fail the same way, and try the platform twice
        // during an outage. A page's wrapper may mean anything by it; and
        // once XHR is on its way, its answer is awaited.
        (error: unknown) => (error instanceof TypeError && NATIVE.test(String(fetch)) && !fallen ? finish({ status: 0 }) : fallback())
      )
    } catch {
      fallback()
    }
  })
}

/**
 * POSTs one callback request as the contract asks: JSON with its
 * `Idempotency-Key`. Where neither the page's `fetch` nor XHR brought an
 * answer, the body goes as a beacon too, which page wrappers rarely touch;
 * its fate is unknown, so the outbox tries again later all the same.
 */
export const send: Send = (url, id, body, keepalive) =>
  http(
    url,
    {
      method: 'POST',
      body,
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': id },
      keepalive
    },
    () => beacon(url, body)
  )

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
