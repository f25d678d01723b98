/**
 * `ringback`: the npm entry point. Importing it does nothing; `init()`
 * starts the widget and form capture, as the script tag does.
 */
import { createRingback, type Ringback } from './core/createRingback'
import { moduleLoader } from './core/moduleLoader'
import { type RingbackOptions, resolveOptions } from './core/options'
import { singleton } from './core/singleton'
import { startForms } from './forms/startForms'
import { startWidget } from './widget/startWidget'
import { formsFiles, widgetFiles } from './lazyFiles'

export type { Command, Ringback } from './core/createRingback'
export type { Channel, EventName, Listener, OpenMode, RingbackEvents } from './core/events'
export type { RingbackOptions } from './core/options'

/** The npm build's phone metadata: a lazy module of its own, one chunk per calling-code group behind it. */
const importPhoneMetadata = (country: string): Promise<unknown> => import('./phone/importMetadata').then((m) => m.importMetadata(country))

/**
 * Starts ringback on the page: the callback widget and form capture, with
 * the site config from the platform. Call it in the browser (in an effect,
 * not during server-side rendering). A second call while an instance is
 * live returns that instance, so React's StrictMode gets one widget.
 *
 * @throws when `options.site` is missing or `options.api` is not an HTTPS URL.
 */
export function init(options: RingbackOptions): Ringback {
  if (typeof window === 'undefined') throw new Error('ringback: init() needs a browser; call it in an effect')
  const resolved = resolveOptions(options, location.origin)
  if (typeof resolved === 'string') throw new Error('ringback: ' + resolved)
  return singleton(resolved.site, () => createRingback(resolved, moduleLoader({ ...formsFiles, ...widgetFiles }, importPhoneMetadata), [startForms, startWidget]))
}
