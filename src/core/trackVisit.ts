import { parseStored, PREFIX, type Store } from './safeStorage'

/**
 * Where the current visit began, as recorded on its first page. Stored as
 * `ringback:visit` in localStorage when the visitor's privacy choices allow
 * it, otherwise in memory for the current page alone. Only what attribution
 * needs is kept: the landing page without its query string except campaign
 * parameters, and the referrer's host. The request builder classifies it
 * (medium, UTM, click ids) when a request is made, so that the first file
 * does no parsing on page load.
 */
export interface Visit {
  /** The landing page: origin, path and campaign parameters only. */
  landing: string
  /** Host of the landing page's referrer, for external referrers only. */
  referrer?: string
  /** First page view of the visit (ms since the epoch). */
  first: number
  /** Latest page view of the visit. */
  last: number
}

export const VISIT_KEY = PREFIX + 'visit'
/** A visit ends after this long without a page view, as in web analytics. */
const VISIT_TIMEOUT_MS = 30 * 60 * 1000

/**
 * Query parameters that mark a campaign: UTM tags and ad click ids (`gclid`,
 * `dclid`, `fbclid`, `msclkid`, `ttclid`, `twclid`, `yclid`… all end in
 * `clid` or `clkid`; `gbraid`, `wbraid`, `li_fat_id`, `epik`, `rdt_cid`,
 * `sccid` and `irclickid` do not).
 */
export const CAMPAIGN_PARAM = /^(?:utm_\w+|\w*clk?id|[gw]braid|li_fat_id|epik|rdt_cid|sccid|irclickid)$/i

const parse = (url: string): URL | undefined => {
  try {
    return new URL(url)
  } catch {
    return undefined
  }
}

/** The campaign parameters of a URL, sorted and encoded (`utm_medium=cpc&utm_source=google`), or ''. */
function campaignOf(url: URL | undefined): string {
  const found = new URLSearchParams()
  if (url) url.searchParams.forEach((value, name) => CAMPAIGN_PARAM.test(name) && found.append(name.toLowerCase(), value))
  found.sort()
  return found.toString()
}

/** Same site: the same host, or one a subdomain of the other (`shop.acme.com`, `acme.com`). */
export function isSameSite(a: string, b: string): boolean {
  const x = '.' + a.replace(/^www\./, '')
  const y = '.' + b.replace(/^www\./, '')
  return x.endsWith(y) || y.endsWith(x)
}

/**
 * Records this page view in the visit. A new visit starts after 30 minutes
 * without a page view or when the page carries a campaign other than the
 * visit's (the usual analytics rules). A same-site referrer never starts one
 * and is never a source: it proves the visitor came from the site's own page,
 * so even after a long read the visit and its landing go on.
 */
export function trackVisit(store: Store, href: string, referrer: string, now: number): Visit {
  const prev = parseStored<Visit>(store.get(VISIT_KEY))
  const page = parse(href)
  const campaign = campaignOf(page)
  // Not `new URL`: engines without hosts for non-special schemes read none
  // from `android-app://com.google.android.gm/`, and the app is the source.
  // (Referrers never carry credentials.)
  const host = ((/\/\/([^/?#:]+)/.exec(referrer) || [])[1] || '').toLowerCase()
  const internal = !!page && !!host && isSameSite(host, page.hostname)
  const visit: Visit =
    prev && typeof prev.landing === 'string' && (internal || now - prev.last <= VISIT_TIMEOUT_MS) && !(campaign && campaign !== campaignOf(parse(prev.landing)))
      ? { landing: prev.landing, referrer: prev.referrer, first: prev.first, last: now }
      : {
          landing: page ? page.origin + page.pathname + (campaign && '?' + campaign) : '',
          referrer: internal ? undefined : host || undefined,
          first: now,
          last: now
        }
  store.set(VISIT_KEY, JSON.stringify(visit))
  return visit
}
