/** A control of a form whose value the SDK may take. */
export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement

/** A submitted form as it was at the moment of submit. */
export interface FormSnapshot {
  form: HTMLFormElement
  /** The capturable controls with their values then (frameworks may reset them right after). */
  fields: { el: Control; value: string }[]
  /** The browser's constraint validation passed (for `novalidate` forms: the fields' own state). */
  valid: boolean
}

/**
 * Controls whose values are never read, not even into memory: secrets and
 * what the visitor does not type. The lazy file decides among the rest.
 */
const SKIP_TYPE = /^(?:password|hidden|file|submit|button|reset|image|checkbox|radio|range|color)$/i
const SKIP_AUTOCOMPLETE = /\b(?:cc-|one-time-code|new-password|current-password)/i
const SECRET_NAME = /card|cc-?(?:num|exp|csc)|cvv|cvc|csc|iban|\bpin\b|ssn|passw|contrase/i

/**
 * Reads the values of a form's capturable controls, now, and nothing else:
 * names, labels and the rest do not change at submit and are read by the
 * lazy file.
 */
export function snapshotForm(form: HTMLFormElement): FormSnapshot {
  const fields: FormSnapshot['fields'] = []
  let valid = true
  const elements = form.elements
  for (let i = 0; i < elements.length; i++) {
    const el = elements[i] as Control
    if (!/^(?:INPUT|SELECT|TEXTAREA)$/.test(el.tagName)) continue
    if (el.willValidate && !el.validity.valid) valid = false
    if (
      !el.disabled &&
      !SKIP_TYPE.test(el.getAttribute('type') || '') &&
      !SKIP_AUTOCOMPLETE.test(el.getAttribute('autocomplete') || '') &&
      !SECRET_NAME.test((el.getAttribute('name') || '') + ' ' + el.id) &&
      el.getAttribute('data-ringback') !== 'ignore'
    ) {
      fields.push({ el, value: el.value })
    }
  }
  return { form, fields, valid }
}
