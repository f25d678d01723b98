/** JSON from a response's text; `undefined` when there is none or it is not JSON. */
export const parseBody = (text: string): unknown => {
  try {
    return text ? JSON.parse(text) : undefined
  } catch {
    return undefined
  }
}

/** What `xhr` hands back: status 0 for a network failure or a timeout. */
export type XhrDone = (status: number, text: string, header: (name: string) => string | null) => void

const none = () => null

/**
 * One request with `XMLHttpRequest`, which pages rarely wrap (they wrap
 * `fetch`), answered through `done` exactly once and never thrown: the
 * fallback of `http` when `fetch` misbehaves. (The site config has a bare
 * copy of its own in `fetchConfig`, which keeps this one out of the first file.)
 */
export function xhr(method: string, url: string, done: XhrDone, body?: string, headers: Record<string, string> = {}, timeout = 15000): void {
  try {
    const request = new XMLHttpRequest()
    request.open(method, url)
    for (const name of Object.keys(headers)) request.setRequestHeader(name, headers[name]!)
    request.timeout = timeout
    request.onload = () => done(request.status, request.responseText, (name) => request.getResponseHeader(name))
    request.onerror = request.ontimeout = () => done(0, '', none)
    request.send(body)
  } catch {
    done(0, '', none)
  }
}
