import type { Handler } from '../http/createRouter'
import { sendError } from '../http/sendError'
import { allowOrigin } from './allowOrigin'
import { originOf } from './originOf'

/** CORS preflight of the API: any origin registered for some site may ask; the request itself is checked against its site. */
export function preflight(knownOrigin: (origin: string) => boolean): Handler {
  return (req, res) => {
    const origin = originOf(req)
    if (!origin || !knownOrigin(origin)) return sendError(res, 403, 'origin_not_allowed', 'This origin is not registered.')
    allowOrigin(res, origin)
    res.writeHead(204)
    res.end()
  }
}
