import { describe, expect, it } from 'vitest'
import { buildSource } from '../../src/context/buildSource'
import { memoryStore } from '../../src/core/safeStorage'
import { isSameSite, trackVisit } from '../../src/core/trackVisit'

const NOW = Date.UTC(2026, 10, 22, 10, 2, 11)
const MINUTE = 60_000

/** The source a request would carry after one page view of `landing`, reached from `referrer`. */
const sourceOf = (landing: string, referrer = '') => buildSource(trackVisit(memoryStore(), landing, referrer, NOW))

describe('medium of a visit, from its landing page and referrer', () => {
  it.each([
    // Search engines: organic.
    ['https://acme.example/', 'https://www.google.com/', 'organic'],
    ['https://acme.example/', 'https://www.google.co.uk/', 'organic'],
    ['https://acme.example/boilers', 'https://www.google.com.au/', 'organic'],
    ['https://acme.example/', 'https://www.google.de/', 'organic'],
    ['https://acme.example/', 'https://google.fr/', 'organic'],
    ['https://acme.example/', 'https://images.google.com/', 'organic'],
    ['https://acme.example/', 'android-app://com.google.android.googlequicksearchbox/', 'organic'],
    ['https://acme.example/', 'https://www.bing.com/', 'organic'],
    ['https://acme.example/', 'https://cn.bing.com/', 'organic'],
    ['https://acme.example/', 'https://duckduckgo.com/', 'organic'],
    ['https://acme.example/', 'https://search.yahoo.com/', 'organic'],
    ['https://acme.example/', 'https://uk.search.yahoo.com/', 'organic'],
    ['https://acme.example/', 'https://search.yahoo.co.jp/', 'organic'],
    ['https://acme.example/', 'https://yandex.ru/', 'organic'],
    ['https://acme.example/', 'https://ya.ru/', 'organic'],
    ['https://acme.example/', 'https://www.baidu.com/link?url=abc', 'organic'],
    ['https://acme.example/', 'https://www.ecosia.org/', 'organic'],
    ['https://acme.example/', 'https://search.brave.com/', 'organic'],
    ['https://acme.example/', 'https://search.naver.com/', 'organic'],
    ['https://acme.example/', 'https://m.search.naver.com/', 'organic'],
    ['https://acme.example/', 'https://search.seznam.cz/', 'organic'],
    ['https://acme.example/', 'https://www.qwant.com/', 'organic'],
    ['https://acme.example/', 'https://www.startpage.com/', 'organic'],
    // Google's other hosts link from content: referrals. Gmail is e-mail.
    ['https://acme.example/', 'https://news.google.com/', 'referral'],
    ['https://acme.example/', 'https://docs.google.com/', 'referral'],
    ['https://acme.example/', 'https://mail.google.com/', 'email'],
    ['https://acme.example/', 'android-app://com.google.android.gm/', 'email'],
    ['https://acme.example/', 'https://outlook.live.com/', 'email'],
    ['https://acme.example/', 'https://mail.yandex.ru/', 'email'],
    // Social networks, by referrer.
    ['https://acme.example/', 'https://l.facebook.com/', 'social'],
    ['https://acme.example/', 'https://lm.facebook.com/', 'social'],
    ['https://acme.example/', 'https://m.facebook.com/', 'social'],
    ['https://acme.example/', 'https://l.instagram.com/', 'social'],
    ['https://acme.example/', 'https://t.co/', 'social'],
    ['https://acme.example/', 'https://x.com/', 'social'],
    ['https://acme.example/', 'https://lnkd.in/', 'social'],
    ['https://acme.example/', 'https://www.linkedin.com/', 'social'],
    ['https://acme.example/', 'https://out.reddit.com/', 'social'],
    ['https://acme.example/', 'https://www.youtube.com/', 'social'],
    ['https://acme.example/', 'android-app://com.facebook.katana/', 'social'],
    ['https://acme.example/', 'android-app://com.linkedin.android/', 'social'],
    ['https://acme.example/', 'https://www.pinterest.co.uk/', 'social'],
    // Other sites: referrals; none at all: direct.
    ['https://acme.example/', 'https://www.checkatrade.com/trades/acme', 'referral'],
    ['https://acme.example/', 'https://www.msn.com/', 'referral'],
    ['https://acme.example/', 'https://netflix.com/', 'referral'],
    ['https://acme.example/', '', 'direct'],
    // Same site (the host, www., a subdomain): never a source.
    ['https://acme.example/services', 'https://acme.example/', 'direct'],
    ['https://www.acme.example/services', 'https://acme.example/', 'direct'],
    ['https://shop.acme.example/', 'https://www.acme.example/pricing', 'direct'],
    // Campaign tags decide before the referrer.
    ['https://acme.example/?utm_source=google&utm_medium=cpc', 'https://www.google.com/', 'paid'],
    ['https://acme.example/?utm_source=bing&utm_medium=ppc', '', 'paid'],
    ['https://acme.example/?utm_source=google&utm_medium=paidsearch', '', 'paid'],
    ['https://acme.example/?utm_source=gdn&utm_medium=display', '', 'paid'],
    ['https://acme.example/?utm_source=dv360&utm_medium=cpm', '', 'paid'],
    ['https://acme.example/?utm_source=facebook&utm_medium=paid_social', 'https://l.facebook.com/', 'paid'],
    ['https://acme.example/?utm_source=instagram&utm_medium=social-paid', '', 'paid'],
    ['https://acme.example/?utm_source=instagram&utm_medium=organic_social', '', 'social'],
    ['https://acme.example/?utm_source=newsletter&utm_medium=email', 'https://mail.google.com/', 'email'],
    ['https://acme.example/?utm_source=mailchimp&utm_medium=e-mail', '', 'email'],
    ['https://acme.example/?utm_source=newsletter', '', 'email'],
    ['https://acme.example/?utm_source=facebook&utm_medium=social', '', 'social'],
    ['https://acme.example/?utm_source=fb', '', 'social'],
    ['https://acme.example/?utm_source=linkedin', 'https://www.linkedin.com/', 'social'],
    ['https://acme.example/?utm_source=google', '', 'organic'],
    ['https://acme.example/?utm_medium=organic&utm_source=gbp', '', 'organic'],
    ['https://acme.example/?utm_source=partner&utm_medium=referral', '', 'referral'],
    ['https://acme.example/?utm_source=partner&utm_medium=affiliate', '', 'other'],
    ['https://acme.example/?utm_source=van&utm_medium=qr', '', 'other'],
    ['https://acme.example/?utm_campaign=winter', '', 'other'],
    ['https://acme.example/?utm_campaign=winter', 'https://l.facebook.com/', 'social'],
    // Click ids alone mean an ad click.
    ['https://acme.example/?gclid=Cj0KCQiA', '', 'paid'],
    ['https://acme.example/?gbraid=0AAAAA', '', 'paid'],
    ['https://acme.example/?wbraid=CjkKCQ', '', 'paid'],
    ['https://acme.example/?dclid=CJ3', '', 'paid'],
    ['https://acme.example/?fbclid=IwAR2x', 'https://l.facebook.com/', 'paid'],
    ['https://acme.example/?msclkid=5b1c', 'https://www.bing.com/', 'paid'],
    ['https://acme.example/?ttclid=E.C.P', '', 'paid'],
    ['https://acme.example/?li_fat_id=9a8b', '', 'paid'],
    ['https://acme.example/?twclid=2-7x', '', 'paid'],
    ['https://acme.example/?epik=dj0y', '', 'paid'],
    ['https://acme.example/?rdt_cid=1234', '', 'paid'],
    ['https://acme.example/?yclid=5512', 'https://yandex.ru/', 'paid'],
    ['https://acme.example/?ScCid=77', '', 'paid'],
    ['https://acme.example/?irclickid=abc', '', 'paid'],
    // Look-alikes of click ids are not ads.
    ['https://acme.example/?clid_hint=1&id=9', '', 'direct'],
    ['https://acme.example/?utm_source=newsletter&utm_medium=email&gclid=x', '', 'paid']
  ])('%s from %s: %s', (landing, referrer, medium) => {
    expect(sourceOf(landing, referrer).medium).toBe(medium)
  })

  it('carries the UTM tags, click ids, referrer host, landing page and first-seen time', () => {
    const source = sourceOf(
      'https://acme.example/boilers?utm_source=google&utm_medium=cpc&utm_campaign=boilers&utm_term=boiler%20repair&utm_content=ad1&gclid=abc&fbclid=def&color=red#top',
      'https://www.google.com/'
    )
    expect(source).toEqual({
      medium: 'paid',
      referrerHost: 'www.google.com',
      utm: { source: 'google', medium: 'cpc', campaign: 'boilers', term: 'boiler repair', content: 'ad1' },
      clickIds: { gclid: 'abc', fbclid: 'def' },
      // Only campaign parameters are kept from the landing page's query: no fragment, no other values.
      landingPage: 'https://acme.example/boilers?fbclid=def&gclid=abc&utm_campaign=boilers&utm_content=ad1&utm_medium=cpc&utm_source=google&utm_term=boiler+repair',
      firstSeenAt: '2026-11-22T10:02:11.000Z'
    })
  })

  it('never keeps a secret of the landing page', () => {
    const source = sourceOf('https://acme.example/reset?token=s3cret&email=a%40b.c&utm_source=google')
    expect(JSON.stringify(source)).not.toMatch(/s3cret|a%40b|a@b/)
    expect(source.landingPage).toBe('https://acme.example/reset?utm_source=google')
  })

  it('reads the app of an android-app:// referrer as its host', () => {
    expect(sourceOf('https://acme.example/', 'android-app://com.google.android.gm/').referrerHost).toBe('com.google.android.gm')
  })

  it('survives a visit that other scripts tampered with', () => {
    const store = memoryStore()
    store.set('ringback:visit', JSON.stringify({ landing: 'not a url', first: 'yesterday', last: NOW, referrer: 42 }))
    const source = buildSource(trackVisit(store, 'https://acme.example/', '', NOW + MINUTE))
    expect(source.medium).toBe('direct')
    expect(source.firstSeenAt).toBeUndefined()
  })
})

describe('a visit across pages', () => {
  const landing = 'https://acme.example/?utm_source=google&utm_medium=cpc&gclid=abc'

  it('keeps the landing of page 1 on page 3, whatever the later pages carry', () => {
    const store = memoryStore()
    trackVisit(store, landing, 'https://www.google.com/', NOW)
    trackVisit(store, 'https://acme.example/services', 'https://acme.example/?utm_source=google&utm_medium=cpc&gclid=abc', NOW + 5 * MINUTE)
    const visit = trackVisit(store, 'https://acme.example/quote', 'https://acme.example/services', NOW + 9 * MINUTE)
    const source = buildSource(visit)
    expect(source).toMatchObject({ medium: 'paid', referrerHost: 'www.google.com', clickIds: { gclid: 'abc' } })
    expect(source.landingPage).toBe('https://acme.example/?gclid=abc&utm_medium=cpc&utm_source=google')
    expect(source.firstSeenAt).toBe(new Date(NOW).toISOString())
  })

  it('ends after 31 minutes without a page view: a bookmark then starts a direct visit', () => {
    const store = memoryStore()
    trackVisit(store, landing, 'https://www.google.com/', NOW)
    trackVisit(store, 'https://acme.example/services', 'https://acme.example/', NOW + 10 * MINUTE)
    const source = buildSource(trackVisit(store, 'https://acme.example/pricing', '', NOW + 41 * MINUTE))
    expect(source).toMatchObject({ medium: 'direct', landingPage: 'https://acme.example/pricing' })
    expect(source.clickIds).toBeUndefined()
  })

  it('ends after 31 minutes: a search then starts an organic visit', () => {
    const store = memoryStore()
    trackVisit(store, landing, '', NOW)
    expect(buildSource(trackVisit(store, 'https://acme.example/', 'https://duckduckgo.com/', NOW + 31 * MINUTE)).medium).toBe('organic')
  })

  it('goes on within 30 minutes, even from another site without a campaign', () => {
    const store = memoryStore()
    trackVisit(store, landing, '', NOW)
    // Back from a payment page or a map: still the ad's visit.
    expect(buildSource(trackVisit(store, 'https://acme.example/thanks', 'https://checkout.stripe.com/', NOW + 29 * MINUTE)).medium).toBe('paid')
  })

  it('goes on after a long read when the visitor follows a link of the site', () => {
    const store = memoryStore()
    trackVisit(store, landing, '', NOW)
    const source = buildSource(trackVisit(store, 'https://acme.example/contact', 'https://acme.example/', NOW + 45 * MINUTE))
    expect(source).toMatchObject({ medium: 'paid', clickIds: { gclid: 'abc' } })
  })

  it('ends when a new campaign arrives mid-visit', () => {
    const store = memoryStore()
    trackVisit(store, 'https://acme.example/', 'https://www.google.co.uk/', NOW)
    const source = buildSource(
      trackVisit(store, 'https://acme.example/offer?utm_source=newsletter&utm_medium=email&utm_campaign=winter', 'https://mail.google.com/', NOW + 3 * MINUTE)
    )
    expect(source).toMatchObject({ medium: 'email', utm: { campaign: 'winter' }, referrerHost: 'mail.google.com' })
    expect(source.firstSeenAt).toBe(new Date(NOW + 3 * MINUTE).toISOString())
  })

  it('does not restart when the same campaign comes again (a reload, the back button)', () => {
    const store = memoryStore()
    trackVisit(store, landing, 'https://www.google.com/', NOW)
    const source = buildSource(trackVisit(store, landing + '&', '', NOW + 2 * MINUTE))
    expect(source.firstSeenAt).toBe(new Date(NOW).toISOString())
    expect(source.referrerHost).toBe('www.google.com')
  })
})

describe('isSameSite', () => {
  it.each([
    ['acme.example', 'acme.example', true],
    ['www.acme.example', 'acme.example', true],
    ['shop.acme.example', 'www.acme.example', true],
    ['acme.example', 'blog.acme.example', true],
    ['notacme.example', 'acme.example', false],
    ['acme.example.evil.test', 'acme.example', false],
    ['google.com', 'acme.example', false]
  ])('%s and %s: %s', (a, b, same) => {
    expect(isSameSite(a, b)).toBe(same)
  })
})

describe('the stored visit', () => {
  it('has the documented shape under ringback:visit, and nothing of the landing query but campaign parameters', () => {
    const store = memoryStore()
    trackVisit(store, 'https://acme.example/reset?token=s3cret&utm_source=google&gclid=x#frag', 'https://www.google.com/search?q=boiler', NOW)
    trackVisit(store, 'https://acme.example/quote', 'https://acme.example/reset', NOW + MINUTE)
    expect(store.keys('')).toEqual(['ringback:visit'])
    expect(JSON.parse(store.get('ringback:visit')!)).toEqual({
      landing: 'https://acme.example/reset?gclid=x&utm_source=google',
      referrer: 'www.google.com',
      first: NOW,
      last: NOW + MINUTE
    })
  })

  it('leaves the referrer out for a direct visit', () => {
    const store = memoryStore()
    trackVisit(store, 'https://acme.example/', '', NOW)
    expect(Object.keys(JSON.parse(store.get('ringback:visit')!)).sort()).toEqual(['first', 'landing', 'last'])
  })
})
