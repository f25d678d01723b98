import { classifyField, type Role } from './classifyField'
import type { FieldInfo } from './describeField'

/** The contact roles a request carries. */
type ContactRole = 'phone' | 'name' | 'email' | 'message'

/** The fields of a form the SDK takes, by role, and what they hold together. */
export interface FieldMap {
  /** The fields each role was read from (a phone split in parts, a name in given + family). */
  fields: { [R in ContactRole]?: FieldInfo[] }
  /** The values, joined: `+44 7400 123456` from a country-code select and a number. */
  values: { [R in ContactRole]?: string }
  /** An ISO country a country select chose (`GB`): the phone number is national there. */
  region?: string
}

/** A calling code as sites write it in a select: `+44`, `0044`, `44`, `United Kingdom (+44)`. */
const callingCode = (value: string, text: string): string | undefined =>
  (/^\s*(?:\+|00)?(\d{1,4})\s*$/.exec(value) || /\+\s?(\d{1,4})\b/.exec(value + ' ' + text) || [])[1]

const selectedText = (el: FieldInfo['el']) => (el instanceof HTMLSelectElement && el.selectedIndex >= 0 ? el.options[el.selectedIndex]!.text : '')

/**
 * A select right beside the phone field (same wrapper, up to three levels
 * up) that holds a calling code or a country: how intl-tel-input-like
 * widgets and page builders split a number without saying so.
 */
function nearbyCountry(phone: FieldInfo, fields: FieldInfo[], taken: Set<FieldInfo>): FieldInfo | undefined {
  let box: Element | null = phone.el.parentElement
  for (let level = 0; box && level < 3 && box !== phone.el.form; level++, box = box.parentElement) {
    for (const field of fields) {
      if (field.kind === 'select-one' && !taken.has(field) && box.contains(field.el)) {
        const text = selectedText(field.el)
        if (/^[A-Za-z]{2}$/.test(field.value) || callingCode(field.value, text)) return field
      }
    }
  }
  return undefined
}

/**
 * The dial code intl-tel-input shows beside its input (WPForms' smart phone
 * field and many sites use it): its country button is a `div` or `button`,
 * not a select, with the code in its title, label or text.
 */
function itiDialCode(el: Element): string | undefined {
  const flag = el.closest('.iti')?.querySelector('.iti__selected-dial-code,.iti__selected-flag,.iti__selected-country')
  return flag ? (/\+\s?(\d{1,4})\b/.exec([flag.getAttribute('title'), flag.getAttribute('aria-label'), flag.textContent].join(' ')) || [])[1] : undefined
}

const joined = (parts: (FieldInfo | undefined)[], separator: string) =>
  parts
    .map((f) => f && f.value.trim())
    .filter(Boolean)
    .join(separator)

/**
 * Finds the phone field and the contact fields of a form: for each role the
 * surest candidate (site marking, then autocomplete, type, words), the
 * first in the form's order among equals. A phone split into country code,
 * area code and number is joined; a name split into given and family names
 * too (and French `Prénom` + `Nom`, Spanish `Nombre` + `Apellidos`).
 */
export function mapFields(fields: FieldInfo[]): FieldMap {
  const best: { [R in Role]?: FieldInfo } = {}
  const rank: { [R in Role]?: number } = {}
  const taken = new Set<FieldInfo>()
  for (const field of fields) {
    const found = classifyField(field)
    if (!found) continue
    taken.add(field)
    if (rank[found.role] === undefined || found.rank < rank[found.role]!) {
      best[found.role] = field
      rank[found.role] = found.rank
    }
  }
  const map: FieldMap = { fields: {}, values: {} }

  // A lone "phone with country code" field is the phone itself.
  if (!best.phone && !best.local && !best.localPrefix && best.country) {
    best.phone = best.country
    best.country = undefined
  }
  const main = best.phone || best.local || best.localPrefix
  if (main) {
    const country = best.country || (best.phone && nearbyCountry(best.phone, fields, taken))
    const national = best.phone ? joined([best.area, best.phone], ' ') : joined([best.area, best.local, best.localPrefix, best.localSuffix], ' ')
    let value = national
    if (country && !/^\s*(?:\+|00)/.test(national)) {
      const code = country.value.trim()
      if (/^[A-Za-z]{2}$/.test(code)) map.region = code.toUpperCase()
      else if (/^0\d+$/.test(code)) value = code + ' ' + national
      else {
        const digits = callingCode(code, selectedText(country.el))
        if (digits) value = '+' + digits + ' ' + national
      }
    } else if (!country && national && !/^\s*(?:\+|00)/.test(national)) {
      const digits = itiDialCode(main.el)
      if (digits) value = '+' + digits + ' ' + national
    }
    map.fields.phone = [country, best.area, main, best.phone ? undefined : best.localSuffix].filter((f): f is FieldInfo => !!f)
    map.values.phone = value
  }

  // Given + family; a plain "name" beside one of them is the other half.
  const given = best.given || (best.family && best.name)
  const family = best.family || (best.given && best.name)
  const names = given || family ? [given, family] : [best.name]
  const name = joined(names, ' ')
  map.fields.name = names.filter((f): f is FieldInfo => !!f)
  if (!map.fields.name.length) delete map.fields.name
  if (name) map.values.name = name

  for (const role of ['email', 'message'] as const) {
    const field = best[role]
    if (field) {
      map.fields[role] = [field]
      if (field.value.trim()) map.values[role] = field.value.trim()
    }
  }
  return map
}
