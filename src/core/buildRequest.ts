import { buildDevice } from '../context/buildDevice'
import { buildSource } from '../context/buildSource'
import type { CallbackRequest, Schedule } from '../schema'
import { LIMITS } from '../contract/limits'
import { clip, compact } from './clip'
import type { Channel } from './events'
import { randomId } from './randomId'
import type { RawContext } from './readContext'
import { redactUrl } from './redactUrl'

/** What a product (widget or form capture) knows of a request; the rest comes from the context. */
export interface RequestFields {
  channel: Channel
  /** E.164, already validated. */
  phone: string
  schedule: Schedule
  contact?: { name?: string; email?: string; message?: string }
  form?: { id?: string; name?: string; action?: string }
  consent?: { granted: boolean; text?: string }
  signals?: { fillMs?: number; honeypot?: boolean }
}

/**
 * A complete callback request: a new `id`, the product's fields, and the
 * page, source, device, locale, time zone and time from the raw context,
 * with secrets redacted and every text cut to the contract's limits.
 */
export function buildRequest(siteId: string, fields: RequestFields, raw: RawContext): CallbackRequest {
  const contact = fields.contact || {}
  const form = fields.form || {}
  const request = {
    id: randomId(),
    siteId,
    channel: fields.channel,
    phone: fields.phone,
    schedule: fields.schedule,
    contact: compact({
      name: clip(contact.name, LIMITS.name),
      email: clip(contact.email, LIMITS.email),
      message: clip(contact.message, LIMITS.message)
    }),
    form:
      fields.channel === 'form'
        ? compact({
            id: clip(form.id, LIMITS.name),
            name: clip(form.name, LIMITS.name),
            action: clip(form.action && redactUrl(form.action, raw.redact), LIMITS.url)
          })
        : undefined,
    page: compact({
      url: clip(redactUrl(raw.href, raw.redact), LIMITS.url),
      title: clip(raw.title, LIMITS.title),
      referrer: clip(redactUrl(raw.referrer, raw.redact), LIMITS.url)
    }),
    source: raw.visit ? buildSource(raw.visit) : undefined,
    device: buildDevice(raw),
    locale: clip(raw.locale, LIMITS.locale),
    timeZone: clip(raw.timeZone, LIMITS.timeZone),
    requestedAt: new Date(raw.at).toISOString(),
    consent: fields.consent && compact({ granted: fields.consent.granted, text: clip(fields.consent.text, LIMITS.text) }),
    signals: fields.signals && compact(fields.signals)
  }
  return compact(request) as CallbackRequest
}
