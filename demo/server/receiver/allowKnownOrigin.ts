import type { Handler } from '../http/createRouter'
import { allowOrigin } from './allowOrigin'
import { originOf } from './originOf'

/**
 * Lets any origin registered for some site read the answer. Whether the
 * origin may send for the site its body names is the handler's question; a
 * wrapper inside this one (the test faults) still answers with CORS.
 */
export function allowKnownOrigin(knownOrigin: (origin: string) => boolean, handler: Handler): Handler {
  return (req, res, ctx) => {
    const origin = originOf(req)
    if (origin && knownOrigin(origin)) allowOrigin(res, origin)
    return handler(req, res, ctx)
  }
}
