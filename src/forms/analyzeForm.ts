import type { SiteConfig } from '../schema'
import { describeField, type FieldInfo, normalize } from './describeField'
import { excludeField } from './excludeField'
import { type FieldMap, mapFields } from './mapFields'
import type { Control } from './snapshotForm'

/** What the SDK makes of one form: captured with these fields, or skipped and why. */
export interface Analysis extends FieldMap {
  form: HTMLFormElement
  /** Why the form is not captured; absent when it is. */
  skip?: string
  /** Fields whose values never leave the page, and why (for the inspector). */
  excluded: { field: FieldInfo; reason: string }[]
  /** A field that only bots fill (a honeypot) had a value. */
  honeypot: boolean
}

/**
 * Forms that ask for a phone number for another purpose: a shop's checkout
 * (WooCommerce's `billing_phone`), a login. Calling every buyer back would
 * surprise the site owner; marking such a form captures it all the same.
 */
const NOT_A_LEAD = /\b(?:checkout|basket|cart|login|log in|signin|sign in|wp login|woocommerce checkout)\b/

/** A selector from the site config, tested without letting a bad one throw. */
const matchesAny = (form: HTMLFormElement, selectors: string[] | undefined): string | undefined => {
  for (const selector of selectors || []) {
    try {
      if (form.matches(selector)) return selector
    } catch {
      // A selector the browser cannot parse matches nothing.
    }
  }
  return undefined
}

/**
 * Decides whether a form is captured and maps its fields. The site's say
 * comes first: `data-ringback="ignore"` and the config's `exclude`
 * selectors skip a form, `data-ringback="capture"` and `include` mark it
 * (with `capture: "marked"` only marked forms are taken). Then a form needs
 * a phone field. `values` are the values at submit; a control without one
 * is described without its value.
 */
export function analyzeForm(form: HTMLFormElement, values: Map<Element, string>, forms: SiteConfig['forms'], explicit?: boolean): Analysis {
  const fields: FieldInfo[] = []
  const excluded: Analysis['excluded'] = []
  let honeypot = false
  for (const el of form.elements as unknown as Iterable<Control>) {
    if (!/^(?:INPUT|SELECT|TEXTAREA)$/.test(el.tagName) || el.disabled) continue
    const field = describeField(el, values.get(el) || '')
    const reason = excludeField(field)
    if (!reason) fields.push(field)
    else {
      excluded.push({ field: { ...field, value: '' }, reason })
      if (/^honeypot/.test(reason) && field.value) honeypot = true
    }
  }
  const analysis: Analysis = { form, excluded, honeypot, ...mapFields(fields) }
  const excludedBy = matchesAny(form, forms.exclude)
  const mark = form.getAttribute('data-ringback')
  const marked = explicit || mark === 'capture' || !!matchesAny(form, forms.include)
  if (marked && !analysis.fields.phone) {
    // The site says this form is a lead form: its phone field is the one that holds a phone number.
    const mapped = Object.values(analysis.fields).flat()
    const phone = fields.find((f) => /^(?:text|tel|number)$/.test(f.kind) && mapped.indexOf(f) < 0 && /^\s*[+(]?\d[\d\s()./-]{5,}$/.test(f.value))
    if (phone) {
      analysis.fields.phone = [phone]
      analysis.values.phone = phone.value
    }
  }
  analysis.skip =
    mark === 'ignore'
      ? 'marked data-ringback="ignore"'
      : excludedBy
        ? 'excluded by the site config (' + excludedBy + ')'
        : forms.capture === 'off'
          ? 'form capture is off in the site config'
          : forms.capture === 'marked' && !marked
            ? 'not marked, and the site config captures marked forms only'
            : !marked && NOT_A_LEAD.test(normalize([form.id, form.className, form.getAttribute('name'), form.getAttribute('action')].join(' ')))
              ? 'a checkout or login form (mark it data-ringback="capture" to capture it)'
              : !analysis.fields.phone
                ? marked
                  ? 'marked, but no phone field was found (add data-ringback-field="phone" to it)'
                  : 'no phone field'
                : undefined
  if (!analysis.skip) delete analysis.skip
  return analysis
}
