import type { Handler } from '../http/createRouter'
import { sendJson } from '../http/sendJson'
import { anonymizeIp } from './anonymizeIp'
import { type Answer, type CallbackContext, handleCallback } from './handleCallback'
import { originOf } from './originOf'

/**
 * `POST /v1/callbacks`: the body (the route's limit is the SDK's 64 KiB
 * keepalive budget) goes to `handleCallback`; every refusal is written to
 * the site's error log, with the code and the time only, except a lead the
 * site refused (number, slot, limit), which `followUp` logs once per id;
 * `followUp` also hears of every lead stored.
 */
export function postCallback(ctx: CallbackContext & { log: (line: string) => void; followUp?: (answer: Answer) => void }): Handler {
  const answer = (res: Parameters<Handler>[1], a: Answer) => {
    ctx.followUp?.(a)
    if (a.status >= 400 && !a.refused) {
      const code = (a.body as { error?: { code?: string } }).error?.code || 'error'
      ctx.db.logError(a.siteId, code, a.status, ctx.now())
    }
    sendJson(res, a.status, a.body, a.headers)
  }

  return async (req, res, route) => {
    const text = await route.body()
    if (text === undefined) return answer(res, { status: 413, body: { error: { code: 'invalid_request', message: 'The body is too large.' } } })
    const ip = anonymizeIp(req.socket.remoteAddress)
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined
    const result = handleCallback(ctx, text, { key, origin: originOf(req), ip })
    ctx.log(`${new Date(ctx.now()).toISOString()} ${ip} POST /v1/callbacks ${result.status}`)
    answer(res, result)
  }
}
