import { buildRequest } from '../core/buildRequest'
import type { Host } from '../core/host'
import { parseConfig } from '../core/parseConfig'
import type { RawContext } from '../core/readContext'
import type { Phone } from '../phone/phone'
import { describeField } from './describeField'
import { mapFields } from './mapFields'
import type { FormSnapshot } from './snapshotForm'

/** The visitor's region from their locale (`en-GB` → `GB`), for sites whose config names no country. */
const regionOf = (locale: string) => (/[-_]([A-Za-z]{2})\b/.exec(locale) || [])[1]?.toUpperCase() || 'US'

/** Loads the phone metadata the site's forms will need, ahead of the submit. */
export function preparePhone(phone: Phone, raw: unknown, host: Host): Promise<void> {
  const { config } = parseConfig(raw, host.options.site, regionOf(navigator.language))
  return phone.ensure([config.phone.defaultCountry])
}

/**
 * Turns a submitted form into a callback request, or explains why not.
 * Forms without a phone field, or that failed the browser's validation, are
 * left alone; a phone number that is not valid for the site's default
 * country is not sent (`error` with code `invalid_phone`).
 */
export async function processForm(host: Host, snapshot: FormSnapshot, raw: RawContext): Promise<void> {
  if (!snapshot.valid) return
  const rawConfig = await host.config
  if (rawConfig === undefined) return
  const { config } = parseConfig(rawConfig, host.options.site, regionOf(navigator.language))
  if (config.forms.capture === 'off') return
  const form = snapshot.form
  if (form.getAttribute('data-ringback') === 'ignore') return
  const fields = mapFields(snapshot.fields.map((field) => describeField(field.el, field.value)))
  if (!fields.phone || !fields.phone.value.trim()) return
  const phone = await host.phone()
  const check = await phone.check(fields.phone.value, config.phone.defaultCountry, config.phone.countries)
  if (!check.ok) {
    host.emit('error', {
      code: 'invalid_phone',
      message: 'The phone number in the form is not valid (' + check.problem.replace(/_/g, ' ') + ').',
      retry: false,
      channel: 'form'
    })
    return
  }
  host.deliver(
    buildRequest(
      host.options.site,
      {
        channel: 'form',
        phone: check.e164,
        schedule: { type: 'asap' },
        contact: {
          name: fields.name && fields.name.value,
          email: fields.email && fields.email.value,
          message: fields.message && fields.message.value
        },
        form: { id: form.id, name: form.getAttribute('name') || undefined, action: form.getAttribute('action') ? form.action : undefined }
      },
      raw
    )
  )
}
