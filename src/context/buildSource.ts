import type { Source, Utm } from '../schema'
import { LIMITS } from '../contract/limits'
import { clip, compact } from '../core/clip'
import { CAMPAIGN_PARAM, type Visit } from '../core/trackVisit'
import { classifyMedium } from './classifyMedium'

/**
 * The contract's `source`: where this visit came from, classified from the
 * landing page and its referrer as recorded on the visit's first page. The
 * classification runs here, in the lazy request builder, not on page load.
 */
export function buildSource(visit: Visit): Source {
  let params: URLSearchParams
  try {
    params = new URL(visit.landing).searchParams
  } catch {
    params = new URLSearchParams()
  }
  const utm: Utm = {}
  const clickIds: Record<string, string> = {}
  params.forEach((value, name) => {
    const key = name.toLowerCase()
    const tag = /^utm_(source|medium|campaign|term|content)$/.exec(key)
    if (tag) utm[tag[1] as keyof Utm] = clip(value, LIMITS.utm)
    else if (CAMPAIGN_PARAM.test(key) && !key.startsWith('utm_') && Object.keys(clickIds).length < LIMITS.clickIds) {
      const id = clip(value, LIMITS.clickId)
      if (id) clickIds[key] = id
    }
  })
  const referrerHost = clip(visit.referrer, 253)
  const medium = classifyMedium(utm, Object.keys(clickIds).length, referrerHost)
  return compact({
    medium,
    referrerHost,
    utm: compact(utm as Record<string, unknown>) as Utm | undefined,
    clickIds: compact(clickIds),
    landingPage: clip(visit.landing, LIMITS.url),
    firstSeenAt: Number.isFinite(visit.first) ? new Date(visit.first).toISOString() : undefined
  }) as Source
}
