import { EN, type Texts } from './texts'

/** The widget's language: its BCP 47 tag, the strings, and the writing direction. */
export interface Language {
  locale: string
  texts: Texts
  dir: 'ltr' | 'rtl'
}

const RTL = /^(?:ar|he|fa|ur|ps|yi|dv|ckb|sd|ug)\b/i

/**
 * The strings of the widget's language (`widgetLocale`): German, French and
 * Spanish are fetched as small files; any other language shows English (with
 * its own direction, dates and times); the config's `texts` override every
 * string last. A file that fails to load falls back to English.
 */
export async function loadTexts(locale: string, overrides: Record<string, string> | undefined): Promise<Language> {
  const lang = locale.split('-')[0]!.toLowerCase()
  const files: Record<string, () => Promise<{ default: Partial<Texts> }>> = {
    de: () => import('./i18n/de'),
    fr: () => import('./i18n/fr'),
    es: () => import('./i18n/es')
  }
  let own: Partial<Texts> = {}
  if (files[lang])
    own = await files[lang]!().then(
      (m) => m.default,
      () => ({})
    )
  const texts = { ...EN, ...own } as Texts
  for (const key of Object.keys(overrides || {})) {
    if (key in EN && typeof overrides![key] === 'string') texts[key as keyof Texts] = overrides![key]!
  }
  return { locale, texts, dir: RTL.test(lang) ? 'rtl' : 'ltr' }
}
