import { CallbackRequest, type CallbackResponse, isOpenAt, nextOpening, slots } from '../../../src/schema'
import { canonicalHash } from './canonicalHash'
import { checkPhone } from './checkPhone'
import { normalizePhone } from './normalizePhone'
import type { Db } from './openDb'
import type { createRateLimiter } from './createRateLimiter'
import type { SiteRecord } from './loadSites'
import type { Refusal } from './openRefusedLeads'

/** An HTTP answer, before it is written. */
export interface Answer {
  status: number
  body: unknown
  headers?: Record<string, string>
  /** For the error log: the site the request named, when known. */
  siteId?: string
  /** A lead of the site refused all the same (number, slot, rate limit): logged apart from the error log. */
  refused?: Refusal
}

export interface CallbackContext {
  db: Db
  sites: Map<string, SiteRecord>
  limiters: {
    number: ReturnType<typeof createRateLimiter>
    ip: ReturnType<typeof createRateLimiter>
    site: ReturnType<typeof createRateLimiter>
  }
  now: () => number
  /** Whether some site registered this origin. */
  knownOrigin: (origin: string) => boolean
}

/** How long a call "now" takes to start, as the reference platform promises it. */
const ETA_SECONDS = 30
/** Clocks differ: a slot chosen a moment ago may have just started. */
const SKEW_MS = 2 * 60000

const error = (status: number, code: string, message: string, extra: Partial<Answer> & { fields?: Record<string, string> } = {}): Answer => ({
  status,
  body: { error: { code, message, ...(extra.fields && { fields: extra.fields }) } },
  headers: extra.headers,
  siteId: extra.siteId,
  ...(extra.refused && { refused: extra.refused })
})

/**
 * `POST /v1/callbacks` after transport concerns (CORS, body size) are
 * settled: origin, schema, site, idempotency, phone, slot, rate limits, then
 * storage and the platform's answer.
 */
export function handleCallback(ctx: CallbackContext, text: string, meta: { key?: string; origin?: string; ip: string }): Answer {
  let json: unknown
  let isJson = true
  try {
    json = JSON.parse(text)
  } catch {
    isJson = false
  }
  const named = (json as { siteId?: unknown } | null)?.siteId
  const namedSite = typeof named === 'string' ? ctx.sites.get(named) : undefined
  const siteHint = namedSite?.config.siteId
  // The origin before anything in the body is judged: a page of another origin learns nothing of the
  // schema, and its visitors' browsers cannot fill the site's error log with 400s. Requests without
  // Origin come from servers, not browsers: CORS does not apply to them.
  if (meta.origin !== undefined) {
    const allowed = namedSite ? namedSite.origins.includes(meta.origin) : ctx.knownOrigin(meta.origin)
    if (!allowed) return error(403, 'origin_not_allowed', 'This origin may not send requests for this site.', { siteId: siteHint })
  }
  if (!isJson) return error(400, 'invalid_request', 'The body is not JSON.')
  const parsed = CallbackRequest.safeParse(json)
  if (!parsed.success) {
    // Paths can hold the body's own keys: fromEntries makes own properties whatever they are called.
    const fields = Object.fromEntries(parsed.error.issues.map((issue) => [issue.path.join('.') || '(root)', issue.message]))
    return error(400, 'invalid_request', 'The request does not match the schema.', { fields, siteId: siteHint })
  }
  const site = ctx.sites.get(parsed.data.siteId)
  if (!site) return error(404, 'site_not_found', 'There is no site ' + parsed.data.siteId + '.')
  const siteId = site.config.siteId
  // Stored, limited, erased and shown in one form: the same line sent as +4407400… and +447400… is one number.
  const request = { ...parsed.data, phone: normalizePhone(parsed.data.phone) }
  if (meta.key && meta.key !== request.id) {
    return error(400, 'invalid_request', 'Idempotency-Key and id differ.', { fields: { id: 'must equal the Idempotency-Key header' }, siteId })
  }

  const hash = canonicalHash(request)
  const existing = ctx.db.get(request.id)
  if (existing) return replay(existing.hash, existing.response, hash, siteId)

  const phoneProblem = checkPhone(request.phone, site.config.phone.countries)
  if (phoneProblem) {
    return error(422, 'invalid_phone', 'Please check the phone number: ' + phoneProblem + '.', {
      fields: { phone: phoneProblem },
      siteId,
      refused: { request, reason: 'invalid_phone', detail: phoneProblem }
    })
  }
  const now = ctx.now()
  let response: CallbackResponse
  if (request.schedule.type === 'slot') {
    const at = Date.parse(request.schedule.at)
    const offered = slots({ ...site.config, scheduling: { ...site.config.scheduling, leadMinutes: 0 } }, now - SKEW_MS)
    if (!offered.includes(at)) {
      return error(422, 'slot_unavailable', 'That time is no longer available. Please pick another.', {
        fields: { 'schedule.at': 'not an open slot' },
        siteId,
        refused: { request, reason: 'slot_unavailable', detail: request.schedule.at }
      })
    }
    response = { id: request.id, status: 'scheduled', scheduledFor: new Date(at).toISOString() }
  } else if (isOpenAt(site.config, now)) {
    response = { id: request.id, status: 'calling', etaSeconds: ETA_SECONDS }
  } else {
    const next = nextOpening(site.config, now, 60)
    response = { id: request.id, status: 'scheduled', ...(next !== undefined && { scheduledFor: new Date(next).toISOString() }) }
  }

  for (const [limiter, key, name] of [
    [ctx.limiters.number, request.phone, 'number'],
    [ctx.limiters.ip, meta.ip, 'ip'],
    [ctx.limiters.site, siteId, 'site']
  ] as const) {
    const wait = limiter.hit(key)
    if (wait) {
      return error(429, 'rate_limited', 'Too many requests. Please try again later.', {
        headers: { 'Retry-After': String(wait) },
        siteId,
        refused: { request, reason: 'rate_limited', detail: name }
      })
    }
  }

  const { inserted, row } = ctx.db.insertOrGet({ id: request.id, siteId, hash, request, response, createdAt: now, ip: meta.ip })
  if (!inserted) return replay(row.hash, row.response, hash, siteId)
  return { status: 201, body: response, siteId }
}

function replay(storedHash: string, stored: CallbackResponse, hash: string, siteId: string): Answer {
  if (storedHash !== hash) {
    return error(409, 'idempotency_conflict', 'A different request was already sent with this id.', { siteId })
  }
  return { status: 200, body: stored, siteId }
}
