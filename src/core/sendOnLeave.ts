import type { EarlyDelivery } from './createEarlyDelivery'
import type { Host } from './host'

/**
 * The page is going (or may never be seen again): what waits goes as
 * beacons, from the outbox once its file has arrived.
 */
export function sendOnLeave(listen: Host['listen'], delivery: EarlyDelivery): void {
  const leave = () => {
    if (delivery._ready) return delivery._ready.leave()
    // A form that navigates at once can leave before the delivery file has
    // arrived, and a site that keeps nothing has no next page to send it.
    // (One that keeps it sends it again: the platform knows the id.)
    for (const entry of delivery._early.splice(0)) navigator.sendBeacon(entry.url, entry.body)
  }
  listen(window, 'pagehide', leave)
  listen(document, 'visibilitychange', () => document.visibilityState === 'hidden' && leave())
}
