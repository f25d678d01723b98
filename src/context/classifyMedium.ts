import type { Medium, Utm } from '../schema'
import { siteKind } from './siteKind'

// The default channel rules of web analytics (GA4's, narrowed to the contract's media).
const PAID = /^(?:.*(?:cp|ppc|paid).*|retargeting|display|banner|expandable|interstitial|programmatic|ads?|sem)$/
const EMAIL = /^(?:e[-_ ]?mail|newsletter)s?$/
const SOCIAL = /^(?:social|social[-_ ]?(?:network|media|organic)|organic[-_ ]?social|sm)$/
const REFERRAL = /^(?:referral|referrer|link|app)$/

/**
 * The contract's `medium` of a visit, from its landing page's campaign tags
 * and click ids and its referrer's host (or Android app package):
 * - `paid`: an ad click id (`gclid`, `fbclid`, `msclkid`…) or a paid
 *   `utm_medium` (`cpc`, `ppc`, `paidsearch`, `display`, `cpm`…);
 * - `email`, `social`, `organic`, `referral`: by `utm_medium`, then by
 *   `utm_source`, then by what the referrer is (a search engine's results are
 *   `organic`, a webmail client `email`, a social network `social`, any other
 *   site `referral`);
 * - `direct`: neither campaign nor referrer; `other`: a campaign none of
 *   these rules knows (`utm_medium=affiliate`, `sms`, `qr`…, or tags without
 *   source and medium).
 */
export function classifyMedium(utm: Utm, clickIds: number, referrerHost: string | undefined): Medium {
  const medium = (utm.medium || '').toLowerCase().trim()
  const source = (utm.source || '').toLowerCase().trim()
  if (clickIds > 0 || PAID.test(medium)) return 'paid'
  if (EMAIL.test(medium)) return 'email'
  if (SOCIAL.test(medium)) return 'social'
  if (medium === 'organic') return 'organic'
  if (REFERRAL.test(medium)) return 'referral'
  if (medium && medium !== '(none)') return 'other'
  if (source) {
    const kind = EMAIL.test(source) ? 'email' : siteKind(source)
    return kind === 'search' ? 'organic' : kind || 'other'
  }
  // A tagged link without source or medium (`?utm_campaign=winter`) is a campaign, not a typed address.
  if (!referrerHost) return utm.campaign || utm.term || utm.content ? 'other' : 'direct'
  const kind = siteKind(referrerHost)
  return kind === 'search' ? 'organic' : kind || 'referral'
}
