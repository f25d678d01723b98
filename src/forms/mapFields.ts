import type { FieldInfo } from './describeField'

/** The fields of a form the SDK takes, by role. */
export interface FieldMap {
  phone?: FieldInfo
  name?: FieldInfo
  email?: FieldInfo
  message?: FieldInfo
}

/**
 * Finds the phone field and the contact fields of a submitted form: markup
 * hooks first (`data-ringback-field`), then autocomplete tokens, then input
 * types.
 */
export function mapFields(fields: FieldInfo[]): FieldMap {
  const map: FieldMap = {}
  const take = (role: keyof FieldMap, test: (field: FieldInfo) => boolean) => {
    if (!map[role]) map[role] = fields.find(test)
  }
  for (const role of ['phone', 'name', 'email', 'message'] as const) take(role, (f) => f.hook === role)
  take('phone', (f) => /(?:^|\s)tel(?:-national)?$/.test(f.autocomplete) || f.kind === 'tel')
  take('name', (f) => /(?:^|\s)name$/.test(f.autocomplete) || /^(?:full_?)?name$/i.test(f.name))
  take('email', (f) => /(?:^|\s)email$/.test(f.autocomplete) || f.kind === 'email')
  take('message', (f) => f.kind === 'textarea')
  return map
}
