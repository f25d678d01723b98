import type { Control } from './snapshotForm'

/** What the SDK knows of one form control: its attributes, label and value. */
export interface FieldInfo {
  /** `input` type (`tel`, `text`, `email`…), or `select` / `textarea`. */
  kind: string
  name: string
  id: string
  autocomplete: string
  placeholder: string
  /** Text of its `<label>`s, `aria-label` and `aria-labelledby`, joined. */
  label: string
  /** `data-ringback-field`, when the site mapped it explicitly. */
  hook: string
  value: string
}

const text = (el: Element | null | undefined) => (el && el.textContent ? el.textContent.replace(/\s+/g, ' ').trim() : '')

/** Describes a control for detection and mapping, with the value it had at submit. */
export function describeField(el: Control, value: string): FieldInfo {
  const parts: string[] = []
  const labels = el.labels
  for (let i = 0; labels && i < labels.length; i++) parts.push(text(labels[i]))
  parts.push(el.getAttribute('aria-label') || '')
  for (const id of (el.getAttribute('aria-labelledby') || '').split(/\s+/)) {
    if (id) parts.push(text(el.ownerDocument.getElementById(id)))
  }
  return {
    kind: el.tagName === 'INPUT' ? (el.getAttribute('type') || 'text').toLowerCase() : el.tagName.toLowerCase(),
    name: el.getAttribute('name') || '',
    id: el.id || '',
    autocomplete: (el.getAttribute('autocomplete') || '').toLowerCase(),
    placeholder: el.getAttribute('placeholder') || '',
    label: parts.join(' ').trim().slice(0, 200),
    hook: el.getAttribute('data-ringback-field') || '',
    value
  }
}
