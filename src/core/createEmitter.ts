import type { EventName, Listener, RingbackEvents } from './events'

export interface Emitter {
  on<E extends EventName>(event: E, fn: Listener<E>): void
  off<E extends EventName>(event: E, fn: Listener<E>): void
  /** `layerPhone`: the phone number as `dataLayer` may see it (masked); without it, none reaches `dataLayer`. */
  emit<E extends EventName>(event: E, payload: RingbackEvents[E], layerPhone?: string): void
  clear(): void
}

/**
 * Event listeners by name, plus the `window.dataLayer` mirror that tag
 * managers read (they forward it to analytics vendors: phone numbers go there
 * masked, by the caller, which keeps the masking code out of the first file).
 * A listener that throws is reported through `onError` and
 * never stops the others (the host's bug must not cost the next listener its
 * event).
 */
export function createEmitter(onError: (error: unknown) => void, win?: Window): Emitter {
  // Typed loosely inside; `Emitter` keeps the public surface exact.
  let listeners: Record<string, ((payload: never) => void)[] | undefined> = {}

  return {
    on(event, fn) {
      if (typeof fn !== 'function') return
      ;(listeners[event] ||= []).push(fn)
    },
    off(event, fn) {
      const list = listeners[event]
      const at = list ? list.indexOf(fn) : -1
      if (at >= 0) list!.splice(at, 1)
    },
    emit(event, payload, layerPhone) {
      // A copy, so that a listener removing itself does not skip the next one.
      for (const fn of (listeners[event] || []).slice()) {
        try {
          ;(fn as Listener<typeof event>)(payload)
        } catch (error) {
          onError(error)
        }
      }
      const layer = win && (win as { dataLayer?: unknown }).dataLayer
      if (Array.isArray(layer)) {
        const copy: Record<string, unknown> = { event: 'ringback_' + event, ...payload }
        if ('phone' in copy) copy.phone = layerPhone
        try {
          layer.push(copy)
        } catch (error) {
          onError(error)
        }
      }
    },
    clear() {
      listeners = {}
    }
  }
}
