/**
 * What kind of site a referrer is, for the `medium` of a visit: a search
 * engine (its results are `organic`), a social network (`social`) or a
 * webmail client (`email`). Android apps that open links in the browser
 * send `android-app://<package>/` as the referrer: their package names are
 * listed with the sites they stand for.
 */
export type SiteKind = 'search' | 'social' | 'email'

// Webmail is checked first: `mail.google.com` and `mail.yandex.ru` are not searches.
const EMAIL = [
  'mail.google.com',
  'com.google.android.gm',
  'outlook.live.com',
  'outlook.office.com',
  'outlook.office365.com',
  'com.microsoft.office.outlook',
  'mail.yahoo.com',
  'mail.yahoo.co.jp',
  'mail.yandex.ru',
  'mail.yandex.com',
  'mail.proton.me',
  'mail.aol.com',
  'mail.zoho.com',
  'mail.zoho.eu',
  'email.seznam.cz',
  'navigator-lxa.mail.com',
  'mail.gmx.net',
  'web.de',
  'e.mail.ru',
  'com.yahoo.mobile.client.android.mail',
  'ch.protonmail.android'
]

/**
 * Search engines by domain; a subdomain matches too (`uk.search.yahoo.com`).
 * Google, which has a domain per country, is matched by `GOOGLE` below.
 */
const SEARCH = [
  'bing.com',
  'duckduckgo.com',
  'search.yahoo.com',
  'search.yahoo.co.jp',
  'yandex.ru',
  'yandex.com',
  'yandex.com.tr',
  'yandex.kz',
  'yandex.by',
  'yandex.ua',
  'ya.ru',
  'baidu.com',
  'ecosia.org',
  'search.brave.com',
  'search.naver.com',
  'seznam.cz',
  'qwant.com',
  'startpage.com',
  'ask.com',
  'search.aol.com',
  'sogou.com',
  'so.com',
  'search.daum.net',
  'kagi.com',
  'mojeek.com',
  'coccoc.com',
  'petalsearch.com',
  'swisscows.com',
  'com.google.android.googlequicksearchbox',
  'ru.yandex.searchplugin',
  'com.duckduckgo.mobile.android',
  'com.microsoft.bing'
]

/**
 * Google's search pages in every country (`google.com`, `google.co.uk`,
 * `google.com.au`, `google.de`…), on `www.` or bare, and its image search.
 * Other Google hosts (`news.google.com`, `docs.google.com`, `play.google.com`)
 * link out from content, not from search results: they are referrals.
 */
const GOOGLE = /^(?:www\.|m\.|images\.)?google\.(?:com?\.)?[a-z]{2,3}$/

const SOCIAL = [
  'facebook.com',
  'fb.com',
  'fb.me',
  'messenger.com',
  'instagram.com',
  'threads.net',
  'threads.com',
  't.co',
  'twitter.com',
  'x.com',
  'linkedin.com',
  'lnkd.in',
  'pinterest.com',
  'pinterest.co.uk',
  'pinterest.de',
  'pinterest.fr',
  'pin.it',
  'reddit.com',
  'tiktok.com',
  'youtube.com',
  'youtu.be',
  'whatsapp.com',
  'wa.me',
  't.me',
  'telegram.org',
  'vk.com',
  'ok.ru',
  'bsky.app',
  'tumblr.com',
  'snapchat.com',
  'quora.com',
  'discord.com',
  'xing.com',
  'weibo.com',
  'line.me',
  'nextdoor.com',
  'nextdoor.co.uk',
  'mastodon.social',
  'com.facebook.katana',
  'com.facebook.lite',
  'com.facebook.orca',
  'com.instagram.android',
  'com.twitter.android',
  'com.linkedin.android',
  'com.pinterest',
  'com.reddit.frontpage',
  'com.zhiliaoapp.musically',
  'com.ss.android.ugc.trill',
  'com.google.android.youtube',
  'com.whatsapp',
  'org.telegram.messenger',
  'com.snapchat.android'
]

/** Names campaigns use in `utm_source` for the same sites (`utm_source=fb`). */
const NAMES: Record<string, SiteKind> = {}
for (const name of 'google bing duckduckgo yahoo yandex baidu ecosia brave naver seznam qwant startpage ask aol sogou daum kagi'.split(' ')) {
  NAMES[name] = 'search'
}
for (const name of 'facebook fb meta instagram ig threads twitter x linkedin pinterest reddit tiktok youtube whatsapp telegram vk bluesky tumblr snapchat quora discord xing weibo line nextdoor mastodon'.split(
  ' '
)) {
  NAMES[name] = 'social'
}
for (const name of 'gmail outlook newsletter email mailchimp klaviyo brevo sendinblue hubspot-email'.split(' ')) NAMES[name] = 'email'

const within = (host: string, list: string[]): boolean => {
  for (const domain of list) if (host === domain || host.endsWith('.' + domain)) return true
  return false
}

/**
 * The kind of site behind a referrer host (`www.google.co.uk`), an Android
 * app's package name (`com.google.android.gm`) or a campaign's source name
 * (`facebook`), or `undefined` for any other site.
 */
export function siteKind(hostOrName: string): SiteKind | undefined {
  const host = hostOrName.toLowerCase().replace(/\.$/, '')
  if (!host) return undefined
  if (host.indexOf('.') < 0) return Object.prototype.hasOwnProperty.call(NAMES, host) ? NAMES[host] : undefined
  if (within(host, EMAIL)) return 'email'
  if (GOOGLE.test(host) || within(host, SEARCH)) return 'search'
  if (within(host, SOCIAL)) return 'social'
  return undefined
}
