import { computed, signal } from '@preact/signals'
import { buildRequest } from '../core/buildRequest'
import type { OpenMode, RingbackEvents } from '../core/events'
import type { Host } from '../core/host'
import { isOpenAt, slots } from '../contract/openingHours'
import { sameNumber } from '../core/sameNumber'
import type { Phone } from '../phone/phone'
import type { Schedule, SiteConfig } from '../schema'
import type { Language } from './loadTexts'
import { formatInto } from './PhoneField'
import { slotDays } from './slotDays'
import { sortCountries } from './sortCountries'
import { fill } from './texts'

export type Phase = 'form' | 'sending' | 'queued' | 'done'
export type Errors = { phone?: string; consent?: string; slot?: string; form?: string }

/** What the platform said (or, offline, what was asked), as the confirmation shows it. */
export interface Answer {
  status: 'calling' | 'scheduled'
  at?: number
  /** The request's id (the calendar entry's UID). */
  id: string
  /** The visitor's own number, in full, formatted as they would write it. */
  phone: string
}

/** When the platform names no `etaSeconds`, how long "calling now" waits before offering another way. */
const ETA_DEFAULT = 60

/**
 * The panel's state and what the visitor can do with it, apart from any
 * view: open, close, choose a day and a time, submit, and the ways on
 * from a confirmation (change the number, try again, pick a time). The
 * views read its signals and call its actions; it touches no element.
 */
export function createPanelModel(host: Host, config: SiteConfig, language: Language) {
  const { locale, texts: t } = language
  // Times follow the visitor's own regional clock (en-US 12 h, en-GB 24 h) when it is in the widget's language.
  const browser = navigator.language || locale
  const timeLocale = browser.split('-')[0]!.toLowerCase() === locale.split('-')[0]!.toLowerCase() ? browser : locale
  const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone || config.business.timeZone
  const businessZone = config.business.timeZone
  const allowed = config.phone.countries || []
  const defaultCountry = allowed.length && allowed.indexOf(config.phone.defaultCountry) < 0 ? allowed[0]! : config.phone.defaultCountry
  const consentText = config.privacy.consentText || t.consent

  const visible = signal(false)
  const mode = signal<OpenMode>('now')
  const phase = signal<Phase>('form')
  const errors = signal<Errors>({})
  const value = signal('')
  const country = signal(defaultCountry)
  const consented = signal(false)
  const day = signal<string | undefined>(undefined)
  const chosen = signal<number | undefined>(undefined)
  const now = signal(Date.now())
  /** Seconds left until the phone should ring; 0 once they have passed. */
  const eta = signal(0)
  const answer = signal<Answer | undefined>(undefined)
  const phone = signal<Phone | undefined>(undefined)
  // The first paint after a click holds what the visitor acts on first; the
  // time slots and the countries' names (DOM for a day of slots, and region
  // data: some 20 ms of a slow phone) follow it. Once true, it stays.
  const settled = signal(false)
  let firstInput = 0
  let pending = ''
  // The number of the request being answered: the platform refusing it frees it for a corrected try.
  let claimed = ''
  let ticker: ReturnType<typeof setInterval> | undefined
  let countdown: ReturnType<typeof setInterval> | undefined

  host.phone().then(
    (p) =>
      Promise.all([p.ensure(allowed.length ? allowed : ['all']), p.formatter()]).then(() => {
        // Phone validation loads after the first render: a number typed,
        // pasted or autofilled before it arrived gets its country and format now.
        if (value.value) formatInto(p, value.value, value, country, allowed)
        phone.value = p
      }),
    host.report
  )

  let names: Intl.DisplayNames | undefined
  const countries = computed(() => {
    const p = phone.value
    const codes = allowed.length ? allowed : p ? Object.keys(p.metadata().countries).filter((c) => c !== '001') : [defaultCountry]
    // Until then the selected country alone: by its code where text starts at the left (its box does not
    // change), by the name it keeps where text starts at the right (text that changed width there would move).
    // Region names cost a throttled phone some 40 ms on opening: only right-to-left panels pay it then.
    if (!settled.value && language.dir !== 'rtl') return [{ code: country.value, name: country.value, dial: '' }]
    // `locale` is canonical (loadTexts), so this cannot throw where the API exists.
    names ||= Intl.DisplayNames && new Intl.DisplayNames([locale], { type: 'region' })
    const named = (code: string) => ({ code, name: (names && names.of(code)) || code, dial: p ? p.callingCode(code) : '' })
    if (!settled.value) return [named(country.value)]
    return sortCountries(codes.map(named), defaultCountry, locale)
  })

  const openNow = computed(() => isOpenAt(config, now.value))
  const scheduling = computed(() => mode.value === 'schedule' || !openNow.value)
  const offered = computed(() => slots(config, now.value))
  const days = computed(() => slotDays(offered.value, timeLocale, visitorZone, businessZone, t))
  const today = computed(() => days.value.find((d) => d.key === day.value) || days.value[0])
  // A slot that passed while the panel was open is no longer offered, nor chosen.
  const slot = computed(() => (chosen.value !== undefined && offered.value.indexOf(chosen.value) >= 0 ? chosen.value : undefined))

  const stopCountdown = () => {
    clearInterval(countdown)
    countdown = undefined
  }
  const startCountdown = (seconds: number) => {
    stopCountdown()
    eta.value = seconds
    countdown = setInterval(
      host.guard(() => (--eta.value > 0 ? undefined : stopCountdown())),
      1000
    )
  }
  const onSuccess = (event: RingbackEvents['success']) => {
    if (event.id !== pending || !answer.value) return
    const at = event.scheduledFor ? Date.parse(event.scheduledFor) : undefined
    answer.value = { ...answer.value, status: event.status, at }
    phase.value = 'done'
    if (event.status === 'calling') startCountdown(event.etaSeconds || ETA_DEFAULT)
    else stopCountdown()
  }
  const onError = (event: RingbackEvents['error']) => {
    if (event.id !== pending) return
    if (event.retry) {
      phase.value = 'queued'
      return
    }
    sameNumber(host).release('widget', claimed)
    phase.value = 'form'
    const field = event.code === 'invalid_phone' ? 'phone' : event.code === 'slot_unavailable' ? 'slot' : 'form'
    if (field === 'slot') now.value = Date.now()
    // The panel's own words in its language (the platform's message, English, stays in the event for developers).
    errors.value = { [field]: field === 'phone' ? t.invalid : field === 'slot' ? t.taken : t.failed }
  }
  host.on('success', onSuccess)
  host.on('error', onError)

  /**
   * Checks and sends the request; `trap` is the honeypot field's value.
   * Resolves with the problems found (empty when it was sent, or offline
   * saved), so that the view can take focus to the first.
   */
  const submit = async (trap = ''): Promise<Errors> => {
    if (phase.value === 'sending') return {}
    const schedule: Schedule | undefined = !scheduling.value
      ? { type: 'asap' }
      : slot.value !== undefined
        ? { type: 'slot', at: new Date(slot.value).toISOString() }
        : undefined
    const problems: Errors = {}
    if (!schedule) problems.slot = t.needSlot
    if (config.privacy.consent === 'required' && !consented.value) problems.consent = t.needConsent
    phase.value = 'sending'
    errors.value = {}
    const p = phone.value || (await host.phone())
    const check = await p.check(value.value, country.value, allowed)
    if (!check.ok) {
      const names = allowed.map((code) => countries.value.find((c) => c.code === code)?.name || code).join(', ')
      problems.phone = fill(t[check.problem as 'invalid'] || t.invalid, { countries: names })
    }
    if (problems.phone || problems.slot || problems.consent || !check.ok || !schedule) {
      phase.value = 'form'
      return (errors.value = problems)
    }
    const e164 = check.e164
    const request = buildRequest(
      host.options.site,
      {
        channel: 'widget',
        phone: e164,
        schedule,
        consent: config.privacy.consent === 'none' ? undefined : { granted: true, text: config.privacy.consent === 'required' ? consentText : t.notice },
        signals: { fillMs: firstInput ? Math.round(performance.now() - firstInput) : 0, honeypot: false }
      },
      host.context()
    )
    // The number in full, as an international number (`+44 7400 123456`): `allowed` naming no country keeps the `+`.
    const full = p.format(e164, country.value, ['-']).text
    answer.value = { status: schedule.type === 'asap' ? 'calling' : 'scheduled', at: slot.value, id: request.id, phone: full }
    // A filled honeypot is a bot: it is told what a person would be, and nothing is sent.
    if (trap) {
      phase.value = 'done'
      if (schedule.type === 'asap') startCountdown(ETA_DEFAULT)
      return {}
    }
    // The same number again within the widget's window (a double tap, "Try again" too soon) is not sent.
    if (sameNumber(host).claim('widget', e164)) {
      phase.value = 'form'
      return (errors.value = { form: t.again })
    }
    pending = request.id
    claimed = e164
    host.deliver(request)
    if (navigator.onLine === false && phase.value === 'sending') phase.value = 'queued'
    return {}
  }

  const close = () => {
    if (!visible.value) return false
    visible.value = false
    clearInterval(ticker)
    stopCountdown()
    if (phase.value !== 'sending') phase.value = 'form'
    errors.value = {}
    host.emit('close', {})
    return true
  }

  const open = (next: OpenMode | null | undefined) => {
    mode.value = next === 'schedule' ? 'schedule' : 'now'
    now.value = Date.now()
    if (visible.value) return false
    visible.value = true
    // Keeps the slots honest: one that passes while the panel is open goes away.
    ticker = setInterval(
      host.guard(() => (now.value = Date.now())),
      30000
    )
    host.emit('open', { mode: mode.value })
    return true
  }

  /** Back to the form from a confirmation, the number or the schedule as it was. */
  const edit = (next?: OpenMode) => {
    stopCountdown()
    if (next) mode.value = next
    now.value = Date.now()
    errors.value = {}
    phase.value = 'form'
  }

  return {
    host,
    locale,
    dir: language.dir,
    timeLocale,
    visitorZone,
    businessZone,
    allowed,
    consentText,
    texts: t,
    config,
    visible,
    mode,
    phase,
    errors,
    value,
    country,
    consented,
    day,
    now,
    eta,
    answer,
    phone,
    settled,
    countries,
    openNow,
    scheduling,
    days,
    today,
    slot,
    open,
    close,
    submit,
    /** Shows a day's times; the time chosen on another day is let go. */
    pickDay(key: string) {
      day.value = key
      chosen.value = undefined
    },
    choose(at: number) {
      chosen.value = at
      if (errors.value.slot) errors.value = { ...errors.value, slot: undefined }
    },
    /** The visitor's first keystroke: the `fillMs` signal starts there. */
    typed: () => void (firstInput ||= performance.now()),
    /** "Wrong number? Change it": the form again, for a new request to another number. */
    changeNumber: () => edit(),
    /** "Didn't get a call? Pick a time instead". */
    pickTime: () => edit('schedule'),
    /** "Didn't get a call? Try again": a new request, which the same-number rule may refuse. */
    tryAgain() {
      edit('now')
      return submit()
    },
    destroy() {
      clearInterval(ticker)
      stopCountdown()
      host.off('success', onSuccess)
      host.off('error', onError)
    }
  }
}

export type PanelModel = ReturnType<typeof createPanelModel>
