import { pick } from '../core/fetchConfig'
import type { CoreFiles, Feature, Host } from '../core/host'
import { mayHavePhone } from './mayHavePhone'
import { snapshotForm } from './snapshotForm'

/** The lazy files form capture loads, by the names it asks for. */
interface FormsFiles extends Pick<CoreFiles, 'phone'> {
  /** Form-field detection, mapping and the request builder. */
  forms: typeof import('./processForm')
}

/**
 * Form capture on the page: one `submit` listener on the document in the
 * capture phase sees every form, including those added later, without
 * observers or polling. At submit it only snapshots the form (values as the
 * visitor saw them) and leaves the rest to the lazy file; it never calls
 * `preventDefault`, never stops propagation and never delays the submit.
 * The lazy file and the phone metadata are fetched on the first focus in a
 * form that may ask for a phone number, so they are there before the submit.
 */
export function startForms(host: Host<FormsFiles>): Feature {
  if (!host.options.forms) return {}
  let chunk: FormsFiles['forms'] | undefined
  let preloaded: unknown
  // The site config names forms to capture: any form may be one of them.
  let wide: unknown

  const load = () => {
    const loading = host.loader.chunk('forms').then((loaded) => (chunk = loaded))
    // The forms file asks for phone validation next: fetching both at once
    // saves a round trip before a quick submit. (The panel keeps it for
    // after its first render.)
    host.loader.preload('phone')
    return loading
  }

  const capture = (form: HTMLFormElement, explicit?: boolean) => {
    const snapshot = snapshotForm(form, explicit)
    const raw = host.context()
    // Loaded: run now, so that a page navigating away right after submit
    // still has the request in the outbox and on the wire.
    ;(chunk ? chunk.processForm(host, snapshot, raw) : load().then((c) => c.processForm(host, snapshot, raw))).catch(host.report)
  }

  const inspect = () =>
    void load()
      .then((c) => c.inspect(host))
      .catch(host.report)

  void host.config.then((raw) => void (wide = (pick(raw, 'forms', 'include') as unknown[] | undefined)?.length))
  host.listen(
    document,
    'submit',
    (event) => {
      const form = event.target
      if (form instanceof HTMLFormElement && (wide || mayHavePhone(form))) capture(form)
    },
    { capture: true }
  )
  host.listen(
    document,
    'focusin',
    (event) => {
      const form = (event.target as HTMLInputElement).form
      if (!preloaded && form && mayHavePhone(form))
        preloaded = load()
          .then((c) => c.prepare(host))
          .catch(host.report)
    },
    { capture: true, passive: true }
  )
  if (/[?&]ringback-inspect\b/.test(location.search)) inspect()

  return { capture: (form) => capture(form, true), inspect }
}
