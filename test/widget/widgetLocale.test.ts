import { afterEach, describe, expect, it, vi } from 'vitest'
import { widgetLocale } from '../../src/widget/widgetLocale'

/** A page whose `<html lang>` and browser language are these. */
const page = (lang: string, browser: string | undefined) => {
  vi.stubGlobal('document', { documentElement: { lang } })
  vi.stubGlobal('navigator', { language: browser })
}

describe('widgetLocale', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('takes data-locale (or init), then the config, then the page, then the browser', () => {
    page('de', 'fr-FR')
    expect(widgetLocale('es-MX', 'en')).toBe('es-MX')
    expect(widgetLocale(undefined, 'en-GB')).toBe('en-GB')
    expect(widgetLocale(undefined, undefined)).toBe('de')
    page('', 'fr-FR')
    expect(widgetLocale(undefined, undefined)).toBe('fr-FR')
    page('', undefined)
    expect(widgetLocale(undefined, undefined)).toBe('en')
  })

  it('skips what is not a language tag, and returns the canonical form', () => {
    page('not a tag!', 'pt_BR')
    expect(widgetLocale('', 42)).toBe('en')
    expect(widgetLocale('de_DE', 'DE-at')).toBe('de-AT')
    expect(widgetLocale(undefined, 'iw')).toBe('he')
  })
})
