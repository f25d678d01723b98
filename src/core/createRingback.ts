import { createEarlyDelivery } from './createEarlyDelivery'
import { createEmitter } from './createEmitter'
import { createPrivacy } from './createPrivacy'
import { createReporter } from './createReporter'
import type { EventName, Listener, OpenMode } from './events'
import { fetchConfig, pick } from './fetchConfig'
import type { CoreFiles, Feature, Host, Loader, StartFeature } from './host'
import { ignore } from './ignore'
import { onFirstChunk } from './onFirstChunk'
import { onIdle } from './onIdle'
import { OUTBOX_KEY } from './outboxEntry'
import type { ResolvedOptions } from './options'
import { retryable } from './retryable'
import { readContext } from './readContext'
import { memoryStore, PREFIX, safeStorage } from './safeStorage'
import { switchableStore } from './switchableStore'
import { sendOnLeave } from './sendOnLeave'
import { trackVisit, VISIT_KEY, type Visit } from './trackVisit'
import { type DeviceReading, warmUpDevice } from './warmUpDevice'

/** The SDK on one page: the methods of `init()`'s result and the script tag's commands. */
export interface Ringback {
  /** Opens the widget, on the instant (`now`, default) or the scheduling view. */
  open(mode?: OpenMode): void
  /** Closes the widget panel. */
  close(): void
  /** Adds an event listener (see `RingbackEvents` for the payloads). */
  on<E extends EventName>(event: E, fn: Listener<E>): void
  /** Removes an event listener added with `on`. */
  off<E extends EventName>(event: E, fn: Listener<E>): void
  /** Tells the SDK the visitor's storage choice from the site's consent banner. */
  consent(choice: { storage: boolean }): void
  /** Captures a form now, for pages that submit it with a bare `form.submit()` (which fires no event). */
  capture(form: HTMLFormElement): void
  /** Outlines the forms and fields the SDK would capture, and lists those it skips and why. */
  inspect(): void
  /** Removes everything the SDK keeps in this browser (visit, consent, unsent requests). */
  forget(): void
  /** Removes the widget and every listener, observer and timer of the SDK. */
  destroy(): void
}

/** A command as the script tag's queue carries it: derived from `Ringback`, so the two cannot drift. */
export type Command = { [K in keyof Ringback]: [K, ...Parameters<Ringback[K]>] }[keyof Ringback]

/**
 * Starts the SDK on the page: the single place (with the entry points that
 * call it) where start-up side effects happen. Features (widget, form
 * capture) are passed in, so each entry point bundles only its own; so is
 * the loader of the lazy files, whose list must hold those core loads.
 */
export function createRingback<Files extends CoreFiles>(options: ResolvedOptions, loader: Loader<Files>, starts: StartFeature<Files>[]): Ringback {
  let destroyed = false
  const cleanups: (() => void)[] = []
  const reporter = createReporter((code, message) => emitter.emit('error', { code, message, retry: false }))
  const { guard, report } = reporter
  const emitter = createEmitter(report, window)
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean }
  const local = safeStorage('localStorage')
  const gpc = nav.globalPrivacyControl === true
  // Until the config says otherwise (createPrivacy): unsent requests persist
  // unless the browser signals GPC, the visit does not.
  const outboxStore = switchableStore(local, OUTBOX_KEY, !gpc)
  const visitStore = switchableStore(local, VISIT_KEY, false)
  const privacy = createPrivacy(local, gpc, outboxStore, visitStore)
  let visit: Visit | undefined
  const device: DeviceReading = {}
  const cleanup = (fn: () => void) => void cleanups.push(fn)

  const listen: Host['listen'] = (target, type, fn, opts) => {
    const wrapped = guard(fn)
    target.addEventListener(type, wrapped, opts)
    cleanups.push(() => target.removeEventListener(type, wrapped, opts))
  }

  // Before the config arrives the SDK cannot know whether the visit may be
  // read from storage: a request made that early sees this page alone.
  const ensureVisit = (): Visit => {
    const known = privacy._known()
    const current = visit || trackVisit(known ? visitStore : memoryStore(), location.href, document.referrer, Date.now())
    if (known) visit = current
    return current
  }

  // Delivery (outbox, transports) is a lazy file: fetched with the first
  // interaction-driven file, or at idle when an earlier page left requests.
  const delivery = createEarlyDelivery(
    options.api,
    outboxStore,
    () => loader.chunk('delivery').then((chunk) => chunk.startDelivery({ api: options.api, store: outboxStore, emit: emitter.emit, guard, locks: nav.locks })),
    report
  )
  // What a visitor reaches for (a form, the panel) will need delivery and the
  // device next: the first file a feature asks for starts both, once.
  const featureLoader = onFirstChunk(loader, (first) => {
    // Delivery at the first idle moment after the feature's file has run
    // (the panel's first render, the form file), long before a submit;
    // one that comes sooner waits in storage (`deliver`).
    first.then(() => void (destroyed || cleanups.push(onIdle(() => void delivery._load().catch(report)))), ignore)
    warmUpDevice(device, loader, guard, cleanup)
  })

  // No config: the features stay hidden, and the `error` event carries the platform's reason.
  const config = fetchConfig(options.api, options.site).catch(
    guard((body: unknown) => {
      const error = pick(body, 'error')
      report(new Error(String(pick(error, 'message') || 'The site config could not be loaded.')), String(pick(error, 'code') || 'config_unavailable'))
    })
  )

  const host: Host<Files> = {
    phone: retryable(() => loader.chunk('phone').then((chunk) => chunk.createPhone(loader.meta))),
    options,
    loader: featureLoader,
    config,
    emit: emitter.emit,
    on: emitter.on,
    off: emitter.off,
    report,
    guard,
    listen,
    cleanup,
    context: () => readContext(ensureVisit(), device._hints, device._parsed, options.redact),
    deliver: delivery._deliver
  }

  const features: Feature[] = []
  for (const start of starts) {
    const feature = guard(start)(host)
    if (feature) features.push(feature)
  }
  /** A command that every feature answering it runs, each guarded on its own. */
  const each =
    <K extends keyof Feature>(name: K) =>
    (...args: Parameters<NonNullable<Feature[K]>>) => {
      for (const feature of destroyed ? [] : features) {
        const fn = feature[name] as ((...a: typeof args) => void) | undefined
        if (fn) guard(fn)(...args)
      }
    }

  void config.then(
    guard((raw) => {
      if (destroyed) return
      privacy._mode(pick(raw, 'privacy', 'storage') || 'after-consent')
      // Every page view counts for the visit, also where no request is made.
      ensureVisit()
      emitter.emit('ready', { siteId: options.site })
    })
  )

  sendOnLeave(listen, delivery)
  listen(window, 'online', () => delivery._ready?.flush())
  cleanups.push(
    onIdle(
      guard(() => {
        // Requests an earlier page left unsent: deliver them now.
        if (outboxStore.keys(OUTBOX_KEY).length) delivery._load().then((ready) => ready.flush(), report)
      })
    )
  )

  const api: Ringback = {
    open: each('open'),
    close: each('close'),
    on: emitter.on,
    off: emitter.off,
    consent: guard((choice: { storage: boolean }) => privacy._consent(!!(choice && choice.storage))),
    capture: each('capture'),
    inspect: each('inspect'),
    forget: guard(() => {
      delivery._ready?.clear()
      for (const store of [local, safeStorage('sessionStorage'), visitStore, outboxStore]) {
        for (const key of store.keys(PREFIX)) store.remove(key)
      }
      visit = undefined
      // For the rest of this page, as if the visitor had said no.
      privacy._consent(false)
    }),
    destroy: guard(() => {
      if (destroyed) return
      each('destroy')()
      destroyed = true
      // Drop what the features hold (DOM, closures): a destroyed SDK keeps nothing alive.
      features.length = 0
      delivery._ready?.stop()
      for (const fn of cleanups.splice(0)) guard(fn)()
      emitter.clear()
    })
  }
  return api
}
