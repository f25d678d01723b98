import type { Reply } from './transport'

/** Seconds from a `Retry-After` header (seconds or an HTTP date). */
export const retryAfterOf = (value: string | null): number | undefined => {
  if (!value) return undefined
  const seconds = Number(value)
  if (seconds >= 0) return seconds
  const date = Date.parse(value)
  return date ? Math.max(0, (date - Date.now()) / 1000) : undefined
}

export const parseBody = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}

/**
 * One request with `XMLHttpRequest`, which pages rarely wrap (they wrap
 * `fetch`), answered through `finish` exactly once and never thrown: the
 * config's transport, and the fallback of `http` when `fetch` misbehaves.
 */
export function xhr(
  method: string,
  url: string,
  finish: (reply: Reply) => void,
  body?: string,
  headers: Record<string, string> = {},
  timeout = 15000
): void {
  try {
    const request = new XMLHttpRequest()
    request.open(method, url)
    for (const name of Object.keys(headers)) request.setRequestHeader(name, headers[name]!)
    request.timeout = timeout
    request.onload = () =>
      finish({
        status: request.status,
        retryAfter: retryAfterOf(request.getResponseHeader('Retry-After')),
        body: parseBody(request.responseText)
      })
    request.onerror = request.ontimeout = () => finish({ status: 0 })
    request.send(body)
  } catch {
    finish({ status: 0 })
  }
}
