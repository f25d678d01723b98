import { CallEvent } from '../../../src/schema'
import type { Authenticate } from '../console/createAuthenticate'
import type { Handler } from '../http/createRouter'
import { sendError } from '../http/sendError'
import { sendJson } from '../http/sendJson'
import type { Db } from './openDb'

/**
 * `POST /v1/callbacks/{id}/events`: the platform's dialler records what
 * happened to a call (the console only reads these). The bearer token is
 * an `events` token or a console session of the request's site, and it may
 * touch only that site's requests.
 */
export function postCallEvent(ctx: { db: Db; authenticate: Authenticate; now: () => number }): Handler {
  return async (req, res, route) => {
    const auth = ctx.authenticate(req, res, ['events', 'session'])
    if (!auth) return
    const parsed = CallEvent.safeParse(await route.json())
    if (!parsed.success) {
      return sendError(res, 400, 'invalid_request', 'The event does not match the schema.', {
        type: 'one of attempted, connected, missed, opted_out'
      })
    }
    const id = route.params.id!
    const at = parsed.data.at ? Date.parse(parsed.data.at) : ctx.now()
    // Another site's request is answered as one that does not exist: ids are not a way to probe.
    if (!ctx.db.addEvent(auth.siteId, id, parsed.data.type, at)) return sendError(res, 404, 'not_found', 'There is no such request.')
    sendJson(res, 201, { id, type: parsed.data.type, at: new Date(at).toISOString() })
  }
}
