/**
 * The widget's language, as a canonical BCP 47 tag: the first of
 * `data-locale` (or `init`'s `locale`), the site config's `widget.locale`,
 * the page's `lang` and the browser's language that is a language tag, else
 * `en`. The launcher (first file) and the panel's strings (`loadTexts`)
 * both ask here, so the button and the panel it opens cannot disagree.
 */
export function widgetLocale(requested: unknown, configured: unknown): string {
  for (const candidate of [requested, configured, document.documentElement.lang, navigator.language]) {
    try {
      // Nothing (`undefined`, a number) gives none; a string that is no language tag throws.
      const tag = Intl.getCanonicalLocales(candidate as string)[0]
      if (tag) return tag
    } catch {
      // Try the next source.
    }
  }
  return 'en'
}
