import type { Device } from '../schema'
import { createEmitter } from './createEmitter'
import { createReporter } from './createReporter'
import type { EventName, Listener, OpenMode } from './events'
import { fetchConfig, pick } from './fetchConfig'
import type { CoreFiles, Feature, Host, Loader, StartFeature } from './host'
import type { Delivery } from './startDelivery'
import { onIdle } from './onIdle'
import { OUTBOX_KEY, outboxEntry, type OutboxEntry, writeEntry } from './outboxEntry'
import type { ResolvedOptions } from './options'
import { retryable } from './retryable'
import { readContext, type UaHints } from './readContext'
import { memoryStore, PREFIX, safeStorage } from './safeStorage'
import { switchableStore } from './switchableStore'
import { trackVisit, VISIT_KEY, type Visit } from './trackVisit'

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

const CONSENT_KEY = PREFIX + 'consent'

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
  const nav = navigator as Navigator & { globalPrivacyControl?: boolean; userAgentData?: NavigatorUAData }
  const local = safeStorage('localStorage')
  const gpc = nav.globalPrivacyControl === true
  // Until the config says otherwise: unsent requests persist (they are the
  // visitor's own request) unless the browser signals GPC, the visit does not
  // (that needs the site's say).
  const outboxStore = switchableStore(local, OUTBOX_KEY, !gpc)
  const visitStore = switchableStore(local, VISIT_KEY, false)
  let storageMode: unknown
  let consented: boolean | undefined
  let visit: Visit | undefined
  let hints: UaHints | undefined
  let parsed: Device | undefined

  const listen: Host['listen'] = (target, type, fn, opts) => {
    const wrapped = guard(fn)
    target.addEventListener(type, wrapped, opts)
    cleanups.push(() => target.removeEventListener(type, wrapped, opts))
  }

  // GPC or `never`: nothing persists. `always`: unless the banner said no on
  // this page. `after-consent`: once the banner said yes, remembered as a key.
  const applyPrivacy = () => {
    if (storageMode === undefined) return
    if (consented === undefined && local.get(CONSENT_KEY)) consented = true
    const open = !gpc && storageMode !== 'never'
    const persist = open && (storageMode === 'always' ? consented !== false : !!consented)
    if (persist && storageMode !== 'always') local.set(CONSENT_KEY, '1')
    else local.remove(CONSENT_KEY)
    visitStore.persist(persist)
    outboxStore.persist(open)
  }

  // Before the config arrives the SDK cannot know whether the visit may be
  // read from storage: a request made that early sees this page alone.
  const ensureVisit = (): Visit => {
    const known = storageMode !== undefined
    const current = visit || trackVisit(known ? visitStore : memoryStore(), location.href, document.referrer, Date.now())
    if (known) visit = current
    return current
  }

  // Delivery (outbox, transports) is a lazy file: fetched with the first
  // interaction-driven file, or at idle when an earlier page left requests.
  let outbox: Delivery | undefined
  // Requests made before it arrived, until it takes them over.
  let early: OutboxEntry[] = []
  const delivery = retryable(() =>
    loader.chunk('delivery').then(
      (chunk) => (outbox = chunk.startDelivery({ api: options.api, store: outboxStore, emit: emitter.emit, guard, locks: nav.locks }))
    )
  )
  const device = retryable(() =>
    loader.chunk('device').then(guard((chunk) => void (parsed = chunk.parseDevice(navigator.userAgent))))
  )
  // What a visitor reaches for (a form, the panel) will need delivery and the
  // device next: the first file a feature asks for starts both, once.
  let reached = false
  const ignore = () => undefined
  const featureLoader: Loader<Files> = {
    meta: loader.meta,
    preload: loader.preload,
    chunk: (name) => {
      const first = loader.chunk(name)
      if (!reached) {
        reached = true
        // Delivery at the first idle moment after the feature's file has run
        // (the panel's first render, the form file), long before a submit;
        // one that comes sooner waits in storage (`deliver`).
        first.then(() => void (destroyed || cleanups.push(onIdle(() => void delivery().catch(report)))), ignore)
        // ua-parser-js a second later, when the visitor is typing. A request
        // sent sooner goes out with what the UA string and client hints give.
        const later = setTimeout(() => cleanups.push(onIdle(() => void device().catch(ignore))), 1000)
        // High-entropy client hints (Windows 11, device model) take a moment: ask now, use them at submit.
        nav.userAgentData?.getHighEntropyValues(['platformVersion', 'model', 'fullVersionList']).then(
          guard((values: UaHints) => void (hints = values)),
          ignore
        )
        cleanups.push(() => clearTimeout(later))
      }
      return first
    }
  }

  const config = fetchConfig(options.api, options.site).then(
    guard((result) => {
      if (result.config === undefined) {
        const error = pick(result.body, 'error')
        report(new Error(String(pick(error, 'message') || 'The site config could not be loaded.')), String(pick(error, 'code') || 'config_unavailable'))
      }
      return result.config
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
    cleanup: (fn) => void cleanups.push(fn),
    context: () => readContext(ensureVisit(), hints, parsed, options.redact),
    // Synchronous once loaded: a page that navigates right after a submit
    // must already have the request in the outbox and on the wire.
    deliver(request) {
      if (outbox) return outbox.deliver(request)
      // Until the delivery file arrives the request waits in the outbox's
      // storage, in the outbox's shape: if the file cannot load (offline, a
      // CDN failure) the next page sends it; if the page goes first, `leave`.
      const entry = outboxEntry(options.api, request, Date.now())
      writeEntry(outboxStore, entry)
      early.push(entry)
      delivery().then((ready) => {
        early = []
        ready.deliver(request)
      }, report)
    }
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
      storageMode = pick(raw, 'privacy', 'storage') || 'after-consent'
      applyPrivacy()
      // Every page view counts for the visit, also where no request is made.
      ensureVisit()
      emitter.emit('ready', { siteId: options.site })
    })
  )

  // The page is going (or may never be seen again): what waits goes as beacons.
  const leave = () => {
    if (outbox) return outbox.leave()
    // A form that navigates at once can leave before the delivery file has
    // arrived, and a site that keeps nothing has no next page to send it.
    // (One that keeps it sends it again: the platform knows the id.)
    for (const entry of early.splice(0)) navigator.sendBeacon(entry.url, entry.body)
  }
  listen(window, 'online', () => outbox && outbox.flush())
  listen(window, 'pagehide', leave)
  listen(document, 'visibilitychange', () => document.visibilityState === 'hidden' && leave())
  cleanups.push(
    onIdle(
      guard(() => {
        // Requests an earlier page left unsent: deliver them now.
        if (outboxStore.keys(OUTBOX_KEY).length) delivery().then((ready) => ready.flush(), report)
      })
    )
  )

  const api: Ringback = {
    open: each('open'),
    close: each('close'),
    on: emitter.on,
    off: emitter.off,
    consent: guard((choice: { storage: boolean }) => {
      consented = !!(choice && choice.storage)
      applyPrivacy()
    }),
    capture: each('capture'),
    inspect: each('inspect'),
    forget: guard(() => {
      if (outbox) outbox.clear()
      for (const store of [local, safeStorage('sessionStorage'), visitStore, outboxStore]) {
        for (const key of store.keys(PREFIX)) store.remove(key)
      }
      visit = undefined
      // For the rest of this page, as if the visitor had said no.
      consented = false
      applyPrivacy()
    }),
    destroy: guard(() => {
      if (destroyed) return
      each('destroy')()
      destroyed = true
      // Drop what the features hold (DOM, closures): a destroyed SDK keeps nothing alive.
      features.length = 0
      if (outbox) outbox.stop()
      for (const fn of cleanups.splice(0)) guard(fn)()
      emitter.clear()
    })
  }
  return api
}

/** The subset of `navigator.userAgentData` the SDK reads (not in TypeScript's DOM types yet). */
interface NavigatorUAData {
  brands?: { brand: string; version: string }[]
  mobile?: boolean
  platform?: string
  getHighEntropyValues(hints: string[]): Promise<UaHints>
}
