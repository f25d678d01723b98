import type { Handler } from '../http/createRouter'
import { sendJson } from '../http/sendJson'
import { anonymizeIp } from './anonymizeIp'
import { createRateLimiter } from './createRateLimiter'
import { type Answer, type CallbackContext, handleCallback } from './handleCallback'
import { originOf } from './originOf'

/** Error log rows per site and sender (the page's origin, or the network of a sender without one) and minute, and per site and minute. */
const LOG_PER_SENDER = 10
const LOG_PER_SITE = 60

/**
 * `POST /v1/callbacks`: the body (the route's limit is the SDK's 64 KiB
 * keepalive budget) goes to `handleCallback`; refusals are written to the
 * site's error log, with the code and the time only, and never more than a
 * few rows a minute from one sender (a flood of bad requests must not bury
 * the log an owner reads), except a lead the site refused (number, slot,
 * limit), which `followUp` logs once per id; `followUp` also hears of every
 * lead stored.
 */
export function postCallback(ctx: CallbackContext & { log: (line: string) => void; followUp?: (answer: Answer) => void }): Handler {
  const minute = { max: LOG_PER_SENDER, windowMs: 60000 }
  const perSender = createRateLimiter(minute, ctx.now)
  const perSite = createRateLimiter({ ...minute, max: LOG_PER_SITE }, ctx.now)
  const answer = (res: Parameters<Handler>[1], a: Answer, sender: string) => {
    ctx.followUp?.(a)
    if (a.status >= 400 && !a.refused) {
      const code = (a.body as { error?: { code?: string } }).error?.code || 'error'
      const site = a.siteId ?? ''
      if (!perSender.hit(site + '\n' + sender) && !perSite.hit(site)) ctx.db.logError(a.siteId, code, a.status, ctx.now())
    }
    sendJson(res, a.status, a.body, a.headers)
  }

  return async (req, res, route) => {
    const text = await route.body()
    const ip = anonymizeIp(req.socket.remoteAddress)
    const origin = originOf(req)
    // Unregistered origins share one sender: any page can send any Origin, and each must not get its own rows (or key).
    const sender = origin === undefined ? 'ip ' + ip : ctx.knownOrigin(origin) ? origin : 'unregistered origins'
    if (text === undefined) {
      // Broken off (the client went, or was too slow): nobody is waiting for an answer, and nothing was refused.
      if (!req.complete) return
      return answer(res, { status: 413, body: { error: { code: 'invalid_request', message: 'The body is too large.' } } }, sender)
    }
    const key = typeof req.headers['idempotency-key'] === 'string' ? req.headers['idempotency-key'] : undefined
    const result = handleCallback(ctx, text, { key, origin, ip })
    ctx.log(`${new Date(ctx.now()).toISOString()} ${ip} POST /v1/callbacks ${result.status}`)
    answer(res, result, sender)
  }
}
