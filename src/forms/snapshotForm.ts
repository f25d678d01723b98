/** A control of a form whose value the SDK may take. */
export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement

/** A submitted form as it was at the moment of submit. */
export interface FormSnapshot {
  form: HTMLFormElement
  /** Controls with their values then (React, Vue and others may reset them right after). */
  values: Map<Element, string>
  /**
   * Every control met its constraints (`required`, `type=email`, `pattern`…)
   * at submit, read from `validity` without firing `invalid` events.
   */
  valid: boolean
  /** The site asked for it (`ringback('capture', form)`): captured as if marked. */
  explicit?: boolean
}

/**
 * Reads the values of a form's controls, now, and nothing else: names and
 * labels do not change at submit and are read by the lazy file, which also
 * decides what is taken. Passwords, hidden and file inputs are not even
 * read.
 *
 * Validity: a `submit` event only fires after the browser's constraint
 * validation passed, except for `novalidate` forms (and `formnovalidate`
 * buttons), whose site validates in script. For those the controls' own
 * `validity` still says what the markup requires; it is read here instead
 * of calling `checkValidity()`, which would fire `invalid` events into the
 * site's handlers.
 */
export function snapshotForm(form: HTMLFormElement, explicit?: boolean): FormSnapshot {
  const values = new Map<Element, string>()
  let valid = true
  for (const el of form.elements as unknown as Iterable<Control>) {
    if (el.willValidate && !el.validity.valid) valid = false
    if (/^(?:INPUT|SELECT|TEXTAREA)$/.test(el.tagName) && !/^(?:password|hidden|file)$/.test(el.type)) values.set(el, el.value)
  }
  return { form, values, valid: valid || !!explicit, explicit }
}
