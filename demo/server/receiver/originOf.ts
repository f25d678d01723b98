import type { IncomingMessage } from 'node:http'

/** The request's `Origin` header, if any. */
export const originOf = (req: IncomingMessage): string | undefined => {
  const origin = req.headers.origin
  return typeof origin === 'string' && origin !== 'null' ? origin : undefined
}
