import type { Chunks, Feature, Host } from '../core/host'
import { snapshotForm } from './snapshotForm'

/** A cheap first look, for preloading only: could this form have a phone field? */
const MAYBE_PHONE =
  'input[type=tel],input[autocomplete*=tel],[data-ringback-field=phone],input[name*=phone i],input[name*=tel i],input[name*=mobil i],input[id*=phone i],input[placeholder*=phone i]'

/**
 * Form capture on the page: one `submit` listener on the document in the
 * capture phase sees every form, including those added later, without
 * observers or polling. At submit it only snapshots the form (values as the
 * visitor saw them) and leaves the rest to the lazy file; it never calls
 * `preventDefault`, never stops propagation and never delays the submit.
 * The lazy file and the phone metadata are fetched on the first focus in a
 * form, so that they are there before the visitor submits.
 */
export function startForms(host: Host): Feature {
  if (!host.options.forms) return {}
  let chunk: Chunks['forms'] | undefined
  let preloaded = false

  const load = () =>
    host.loader.chunk('forms').then((loaded) => {
      chunk = loaded
      return loaded
    })

  const preload = (form: HTMLFormElement) => {
    if (preloaded) return
    preloaded = true
    load().catch(host.report)
    if (form.querySelector(MAYBE_PHONE)) {
      host.phone().then(
        (phone) => host.config.then((raw) => raw && chunk && chunk.preparePhone(phone, raw, host)),
        host.report
      )
    }
  }

  const capture = (form: HTMLFormElement) => {
    const snapshot = snapshotForm(form)
    const raw = host.context()
    // Loaded: run now, so a page that navigates away right after submit
    // still has the request in the outbox and on the wire.
    if (chunk) chunk.processForm(host, snapshot, raw).catch(host.report)
    else load().then((loaded) => loaded.processForm(host, snapshot, raw)).catch(host.report)
  }

  host.listen(
    document,
    'submit',
    (event) => {
      const form = event.target
      if (form instanceof HTMLFormElement) capture(form)
    },
    { capture: true }
  )
  host.listen(
    document,
    'focusin',
    (event) => {
      const target = event.target as Element | null
      const form = target && target.closest ? target.closest('form') : null
      if (form) preload(form)
    },
    { capture: true, passive: true }
  )

  return { capture }
}
