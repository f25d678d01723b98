/**
 * `ringback/forms`: form capture without any widget code. Importing it does
 * nothing; `captureForms()` starts it.
 */
import { createRingback, type Ringback } from './core/createRingback'
import { moduleLoader } from './core/moduleLoader'
import { type RingbackOptions, resolveOptions } from './core/options'
import { singleton } from './core/singleton'
import { startForms } from './forms/startForms'
import { formsFiles } from './lazyFiles'

export type { Channel, EventName, Listener, RingbackEvents } from './core/events'

/** The npm build's phone metadata: a lazy module of its own, one chunk per calling-code group behind it. */
const importPhoneMetadata = (country: string): Promise<unknown> => import('./phone/importMetadata').then((m) => m.importMetadata(country))

/** Options of `captureForms()`: those of `init()` without the widget's. */
export type CaptureFormsOptions = Omit<RingbackOptions, 'widget' | 'locale' | 'forms'>

/** The form-capture SDK on a page; `open` and `close` do nothing (there is no widget). */
export type FormCapture = Omit<Ringback, 'open' | 'close'>

/**
 * Turns every form on the page that asks for a phone number into an
 * instant callback request, without touching the forms. Call it in the
 * browser. A second call while an instance is live returns that instance.
 *
 * @throws when `options.site` is missing or `options.api` is not an HTTPS URL.
 */
export function captureForms(options: CaptureFormsOptions): FormCapture {
  if (typeof window === 'undefined') throw new Error('ringback: captureForms() needs a browser; call it in an effect')
  const resolved = resolveOptions({ ...options, widget: false }, location.origin)
  if (typeof resolved === 'string') throw new Error('ringback: ' + resolved)
  return singleton(resolved.site, () => createRingback(resolved, moduleLoader(formsFiles, importPhoneMetadata), [startForms]))
}
