import { buildRequest } from '../core/buildRequest'
import type { RingbackEvents } from '../core/events'
import type { Host } from '../core/host'
import { parseConfig, regionOf } from '../core/parseConfig'
import type { RawContext } from '../core/readContext'
import { sameNumber } from '../core/sameNumber'
import type { SiteConfig } from '../schema'
import { analyzeForm } from './analyzeForm'
import type { FormSnapshot } from './snapshotForm'

// The checked config per SDK instance, once known: a submit then reads the
// form in the same task, before an app re-renders or removes it.
const known = new WeakMap<Host, SiteConfig>()

const configOf = async (host: Host): Promise<SiteConfig | undefined> => {
  const raw = await host.config
  if (raw === undefined) return undefined
  const { config } = parseConfig(raw, host.options.site, regionOf(navigator.language), host.report)
  known.set(host, config)
  return config
}

/** Loads the phone metadata the site's forms will need, ahead of the submit (on the first focus in a form). */
export async function prepare(host: Host): Promise<void> {
  const [config, phone] = await Promise.all([configOf(host), host.phone()])
  if (config) await phone.ensure([config.phone.defaultCountry])
}

/**
 * Turns a submitted form into a callback request, or explains why not.
 * Forms that are not captured, that failed validation or whose phone field
 * is empty are left alone; a phone number that is not valid for the site's
 * default country is not sent (`error` with code `invalid_phone` and the
 * reason); the same number again within minutes is one lead, not two.
 */
export async function processForm(host: Host, snapshot: FormSnapshot, raw: RawContext): Promise<void> {
  if (!snapshot.valid) return
  const config = known.get(host) || (await configOf(host))
  if (!config) return
  const form = snapshot.form
  const found = analyzeForm(form, snapshot.values, config.forms, snapshot.explicit)
  const input = found.values.phone
  if (found.skip || !input || !input.trim()) return
  const phone = await host.phone()
  const check = await phone.check(input, found.region || config.phone.defaultCountry, config.phone.countries)
  if (!check.ok) {
    host.emit('error', {
      code: 'invalid_phone',
      message: 'The phone number in the form was not sent: ' + check.problem.replace(/_/g, ' ') + '.',
      retry: false,
      channel: 'form'
    })
    return
  }
  if (sameNumber(host).claim('form', check.e164)) return
  const request = buildRequest(
    host.options.site,
    {
      channel: 'form',
      phone: check.e164,
      schedule: { type: 'asap' },
      contact: { name: found.values.name, email: found.values.email, message: found.values.message },
      form: { id: form.id, name: form.getAttribute('name') || undefined, action: form.getAttribute('action') ? form.action : undefined },
      signals: found.honeypot ? { honeypot: true } : undefined
    },
    raw
  )
  host.deliver(request)
  if (config.forms.confirm) confirm(host, request.id, config.business.name)
}

/** Shows the platform's answer to this request in a toast, once it comes (`forms.confirm`). */
function confirm(host: Host, id: string, business: string) {
  const stop = () => {
    host.off('success', succeeded)
    host.off('error', failed)
  }
  const succeeded = (event: RingbackEvents['success']) => {
    if (event.id !== id) return
    stop()
    import('./showToast').then((m) => m.showToast(host, event, business)).catch(host.report)
  }
  const failed = (event: RingbackEvents['error']) => event.id === id && !event.retry && stop()
  host.on('success', succeeded)
  host.on('error', failed)
}

/**
 * The inspector (`ringback('inspect')`, `?ringback-inspect`): what the SDK
 * would do with every form on the page, drawn from its own shadow root.
 */
export async function inspect(host: Host): Promise<void> {
  const config = await configOf(host)
  const forms = config ? config.forms : { capture: 'auto' as const }
  const [{ showInspector }] = await Promise.all([
    import('./showInspector'),
    document.readyState === 'loading' ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true })) : 0
  ])
  showInspector(host, () => Array.from(document.forms, (form) => analyzeForm(form, new Map(), forms)), config ? '' : 'The site config could not be loaded.')
}
