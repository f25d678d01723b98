import type { Signal } from '@preact/signals'
import { useLayoutEffect, useRef } from 'preact/hooks'
import type { Phone } from '../phone/phone'
import type { Texts } from './texts'

export interface PhoneFieldProps {
  texts: Texts
  value: Signal<string>
  country: Signal<string>
  /** The countries offered, the default first and the rest by name (`sortCountries`), with their dialling codes. */
  countries: { code: string; name: string; dial: string }[]
  allowed: string[]
  phone: Phone | undefined
  error: string
  /** Called on the visitor's first keystroke (the `fillMs` signal starts there). */
  onFirstInput(): void
}

/**
 * Formats `text` as a number of the current country (or the one its
 * international prefix names) into the field's signals; returns the text.
 */
export function formatInto(phone: Phone, text: string, value: Signal<string>, country: Signal<string>, allowed: string[]): string {
  const result = phone.format(text, country.value, allowed)
  country.value = result.country
  return (value.value = result.text)
}

/** Digits and `+` signs before `at`: where the caret is, independent of formatting. */
const significant = (text: string, at: number) => text.slice(0, at).replace(/[^\d+]/g, '').length

/**
 * The phone number with its country: a native `<select>` (keyboard type-
 * ahead searches it), restricted to the site's countries, and a `tel`
 * input that formats as the visitor types. A full international number
 * (typed, pasted, autofilled) switches the country and drops the dialling
 * code from the field. The caret stays beside the digit it was after.
 * The placeholder is a number of the selected country, as it would be
 * written there (it comes with that country's metadata).
 */
export function PhoneField(props: PhoneFieldProps) {
  const { texts, value, country, phone } = props
  const code = country.value
  const input = useRef<HTMLInputElement>(null)
  // Written to the element, not rendered: no state and no second render for a hint.
  useLayoutEffect(() => {
    const field = input.current
    let current = !!field
    // The old country's example never shows for the new one, even for a moment.
    if (field) field.placeholder = ''
    // A placeholder is a hint: a file that does not come leaves the field without one.
    if (phone)
      phone.example(code).then(
        (text) => void (current && (field!.placeholder = text)),
        () => undefined
      )
    return () => void (current = false)
  }, [phone, code])
  const reformat = (input: HTMLInputElement, deleting: boolean) => {
    if (!phone || deleting) {
      value.value = input.value
      return
    }
    const caret = input.selectionStart ?? input.value.length
    const atEnd = caret >= input.value.length
    const before = significant(input.value, caret)
    const text = formatInto(phone, input.value, value, country, props.allowed)
    if (text === input.value) return
    input.value = text
    if (atEnd || (input.getRootNode() as ShadowRoot).activeElement !== input) return
    let at = 0
    while (at < text.length && significant(text, at) < before) at++
    input.setSelectionRange(at, at)
  }
  return (
    <div>
      <label for="rb-phone">{texts.phone}</label>
      <div class="row">
        {props.allowed.length !== 1 && (
          // The dialling code isolated left to right (U+2066…U+2069): after an Arabic name its `+` would go to the other side.
          <select
            aria-label={texts.country}
            value={country.value}
            onChange={(e) => {
              country.value = e.currentTarget.value
            }}
          >
            {props.countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name + (c.dial ? ' \u2066+' + c.dial + '\u2069' : '')}
              </option>
            ))}
          </select>
        )}
        <input
          ref={input}
          id="rb-phone"
          name="phone"
          type="tel"
          inputMode="tel"
          autocomplete="tel"
          value={value.value}
          aria-invalid={props.error ? 'true' : 'false'}
          aria-describedby="rb-phone-error"
          onInput={(e) => {
            props.onFirstInput()
            const type = (e as InputEvent).inputType || ''
            reformat(e.currentTarget, type.indexOf('delete') === 0)
          }}
        />
      </div>
      <p id="rb-phone-error" class="err" aria-live="polite">
        {props.error}
      </p>
    </div>
  )
}
