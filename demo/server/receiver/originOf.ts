import type { IncomingMessage } from 'node:http'

/**
 * The request's `Origin` header, if any. `null` is kept as it is: browsers
 * send it from sandboxed frames and opaque origins, which can be any page
 * on the web, so it is an origin no site has registered, never "no Origin"
 * (a server, to which CORS does not apply).
 */
export const originOf = (req: IncomingMessage): string | undefined => {
  const origin = req.headers.origin
  return typeof origin === 'string' ? origin : undefined
}
