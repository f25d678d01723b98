import type { Ringback } from './createRingback'

let live: { site: string; instance: Ringback } | undefined

/**
 * One SDK per page, whatever the page does: `init()` twice (React's
 * StrictMode runs effects twice), or `init()` and `captureForms()` both.
 * A second call returns the live instance until it is destroyed.
 */
export function singleton(site: string, create: () => Ringback): Ringback {
  if (live) {
    if (live.site !== site) console.warn('[ringback] already started for site ' + live.site + '; destroy() it first')
    return live.instance
  }
  const instance = create()
  const destroy = instance.destroy
  const current = { site, instance: { ...instance, destroy: () => ((live = live === current ? undefined : live), destroy()) } }
  live = current
  return current.instance
}
