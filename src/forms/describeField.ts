import type { Control } from './snapshotForm'

/** What the SDK knows of one form control: its attributes, label and value. */
export interface FieldInfo {
  el: Control
  /** `input` type (`tel`, `text`, `email`…), or `select-one` / `textarea`. */
  kind: string
  name: string
  id: string
  /** The autofill field name: the last token of `autocomplete` (`shipping tel` → `tel`). */
  autocomplete: string
  /** Text of its `<label>`s, `aria-label`, `aria-labelledby` and `placeholder`, joined. */
  label: string
  /** Name, id, label and placeholder for word matching: lower case, no accents, words apart (`phoneNumber` → `phone number`). */
  words: string
  /** `data-ringback-field` or `data-ringback`, when the site marked it. */
  hook: string
  /** The value at submit; `''` for controls whose value is never read. */
  value: string
}

const text = (el: Element | null | undefined) => (el && el.textContent ? el.textContent.replace(/\s+/g, ' ').trim() : '')

/** Lower case without accents, camelCase and `snake_case` split into words. */
export const normalize = (s: string): string =>
  s
    .replace(/([a-z])([A-Z\d])/g, '$1 $2')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s_\-[\]().:*#,/|]+/g, ' ')
    .trim()

/** Describes a control for detection and mapping, with the value it had at submit. */
export function describeField(el: Control, value: string): FieldInfo {
  const parts: string[] = []
  const labels = el.labels
  for (let i = 0; labels && i < labels.length; i++) parts.push(text(labels[i]))
  parts.push(el.getAttribute('aria-label') || '')
  for (const id of (el.getAttribute('aria-labelledby') || '').split(/\s+/)) {
    if (id) parts.push(text(el.ownerDocument.getElementById(id)))
  }
  parts.push(el.getAttribute('placeholder') || '')
  const label = parts.join(' ').replace(/\s+/g, ' ').trim().slice(0, 200)
  const name = el.getAttribute('name') || ''
  return {
    el,
    kind: el.type,
    name,
    id: el.id || '',
    autocomplete: (el.getAttribute('autocomplete') || '').toLowerCase().trim().split(/\s+/).pop() || '',
    label,
    words: normalize(name + ' ' + el.id + ' ' + label),
    hook: el.getAttribute('data-ringback-field') || el.getAttribute('data-ringback') || '',
    value
  }
}
