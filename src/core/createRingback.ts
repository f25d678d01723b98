import type { CallbackRequest, Device } from '../schema'
import { createEmitter } from './createEmitter'
import { createOutbox, type OutboxEntry, type OutboxFailure } from './createOutbox'
import { createReporter } from './createReporter'
import type { EventName, Listener, OpenMode } from './events'
import { fetchConfig, pick } from './fetchConfig'
import type { Feature, Host, Loader, StartFeature } from './host'
import { onIdle } from './onIdle'
import type { ResolvedOptions } from './options'
import { readContext, type UaHints } from './readContext'
import { memoryStore, PREFIX, safeStorage } from './safeStorage'
import { switchableStore } from './switchableStore'
import { trackVisit, VISIT_KEY, type Visit } from './trackVisit'
import { beacon, type Reply, send } from './transport'

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
 * capture) are passed in, so each entry point bundles only its own.
 */
export function createRingback(options: ResolvedOptions, loader: Loader, starts: StartFeature[]): Ringback {
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
  const outboxStore = switchableStore(local, PREFIX + 'o:', !gpc)
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
  const ensureVisit = (): Visit =>
    visit ||
    (storageMode === undefined
      ? trackVisit(memoryStore(), location.href, document.referrer, Date.now())
      : (visit = trackVisit(visitStore, location.href, document.referrer, Date.now())))

  const messageOf = (reply: Reply, fallback: string) => {
    const error = pick(reply.body, 'error')
    return { code: pick(error, 'code'), message: pick(error, 'message') || fallback }
  }

  const outbox = createOutbox({
    store: outboxStore,
    send,
    beacon,
    guard,
    locks: nav.locks,
    online: () => nav.onLine !== false,
    hooks: {
      acknowledged(entry: OutboxEntry, reply: Reply) {
        const status = pick(reply.body, 'status')
        const scheduledFor = pick(reply.body, 'scheduledFor')
        const eta = pick(reply.body, 'etaSeconds')
        emitter.emit('success', {
          id: entry.id,
          channel: entry.channel,
          status: status === 'calling' ? 'calling' : 'scheduled',
          ...(typeof scheduledFor === 'string' && { scheduledFor }),
          ...(typeof eta === 'number' && { etaSeconds: eta })
        })
      },
      failed(entry: OutboxEntry, { reply, final, reason }: OutboxFailure) {
        // While retrying, say so once (first failure), not on every try.
        if (!final && entry.tries > 1) return
        const { code, message } = messageOf(reply, final ? 'The request could not be delivered.' : 'The request will be sent again.')
        emitter.emit('error', {
          code: String(reason || code || (reply.status ? 'http_' + reply.status : 'network_error')),
          message: String(message),
          retry: !final,
          id: entry.id,
          channel: entry.channel
        })
      }
    }
  })

  const config = fetchConfig(options.api, options.site).then(
    guard((result) => {
      if (result.config === undefined) {
        const { code, message } = messageOf({ status: result.status, body: result.body }, 'The site config could not be loaded.')
        report(new Error(String(message)), String(code || 'config_unavailable'))
      }
      return result.config
    })
  )

  let phone: ReturnType<Host['phone']> | undefined
  const host: Host = {
    phone: () =>
      (phone ||= loader.chunk('phone').then(
        (chunk) => chunk.createPhone(loader.meta),
        (error: unknown) => {
          phone = undefined
          throw error
        }
      )),
    options,
    loader,
    config,
    emit: emitter.emit,
    on: emitter.on,
    off: emitter.off,
    report,
    guard,
    listen,
    cleanup: (fn) => void cleanups.push(fn),
    context: () => readContext(ensureVisit(), hints, parsed, options.redact),
    deliver(request: CallbackRequest) {
      outbox.add({
        id: request.id,
        url: options.api + '/v1/callbacks',
        body: JSON.stringify(request),
        channel: request.channel
      })
      emitter.emit('submit', { id: request.id, channel: request.channel, phone: request.phone, schedule: request.schedule })
    }
  }

  const features: Feature[] = []
  for (const start of starts) {
    const feature = guard(start)(host)
    if (feature) features.push(feature)
  }
  const each = (fn: (feature: Feature) => void) => () => {
    if (!destroyed) for (const feature of features) guard(fn)(feature)
  }

  config.then(
    guard((raw) => {
      if (destroyed) return
      storageMode = pick(raw, 'privacy', 'storage') || 'after-consent'
      applyPrivacy()
      // Every page view counts for the visit, also where no request is made.
      ensureVisit()
      emitter.emit('ready', { siteId: options.site })
    })
  )

  listen(window, 'online', () => outbox.flush())
  listen(window, 'pagehide', () => outbox.leave())
  listen(document, 'visibilitychange', () => document.visibilityState === 'hidden' && outbox.leave())
  cleanups.push(
    onIdle(
      guard(() => {
        outbox.flush()
        // High-entropy client hints (Windows 11, device model) take a moment: ask now, use them at submit.
        nav.userAgentData?.getHighEntropyValues(['platformVersion', 'model', 'fullVersionList']).then(
          guard((values: UaHints) => void (hints = values)),
          () => undefined
        )
        loader.chunk('device').then(
          guard((chunk) => void (parsed = chunk.parseDevice(navigator.userAgent))),
          () => undefined
        )
      })
    )
  )

  const api: Ringback = {
    open: (mode) => each((f) => f.open && f.open(mode))(),
    close: each((f) => f.close && f.close()),
    on: (event, fn) => emitter.on(event, fn),
    off: (event, fn) => emitter.off(event, fn),
    consent: guard((choice: { storage: boolean }) => {
      consented = !!(choice && choice.storage)
      applyPrivacy()
    }),
    capture: (form) => each((f) => f.capture && f.capture(form))(),
    inspect: each((f) => f.inspect && f.inspect()),
    forget: guard(() => {
      outbox.clear()
      for (const store of [local, safeStorage('sessionStorage'), visitStore]) {
        for (const key of store.keys(PREFIX)) store.remove(key)
      }
      visit = undefined
      // For the rest of this page, as if the visitor had said no.
      consented = false
      applyPrivacy()
    }),
    destroy: guard(() => {
      if (destroyed) return
      each((f) => f.destroy && f.destroy())()
      destroyed = true
      outbox.stop()
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
