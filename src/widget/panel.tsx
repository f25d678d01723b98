import { computed, signal } from '@preact/signals'
import { render } from 'preact'
import { useLayoutEffect, useRef } from 'preact/hooks'
import { buildRequest } from '../core/buildRequest'
import type { OpenMode, RingbackEvents } from '../core/events'
import type { Host } from '../core/host'
import { maskPhone } from '../contract/maskPhone'
import { isOpenAt, nextOpening, slots } from '../contract/openingHours'
import { parseConfig, regionOf } from '../core/parseConfig'
import { sameNumber } from '../core/sameNumber'
import type { Phone } from '../phone/phone'
import type { Schedule } from '../schema'
import { adoptStyles } from '../ui/adoptStyles'
import { Choices } from './Choices'
import { loadTexts } from './loadTexts'
import { PANEL_CSS } from './panelCss'
import { formatInto, PhoneField } from './PhoneField'
import { readableOn } from './readableOn'
import { dateFormat, placeOf, slotDays } from './slotDays'
import { sortCountries } from './sortCountries'
import { fill } from './texts'
import { widgetLocale } from './widgetLocale'

type Phase = 'form' | 'sending' | 'queued' | 'done'
type Errors = { phone?: string; consent?: string; slot?: string; form?: string }

/**
 * The widget panel, mounted into the launcher's shadow root on first use:
 * the lazy file's only export. Everything it needs comes through `host`;
 * it keeps no state outside the object it returns, and `destroy()` removes
 * its elements, listeners and timers.
 */
export async function mountPanel(host: Host, root: ShadowRoot, launcher: HTMLElement) {
  const { config, widgetUsable } = parseConfig(await host.config, host.options.site, regionOf(navigator.language), host.report)
  if (!widgetUsable) {
    // Hours or time zone present but unusable (parseConfig has reported it):
    // no widget. The launcher's element stays, empty, so that the first file's
    // watch for a replaced <body> has nothing to put back.
    root.replaceChildren()
    return { open() {}, close() {}, destroy() {} }
  }
  const { locale, texts: t, dir } = await loadTexts(widgetLocale(host.options.locale, config.widget.locale), config.widget.texts)
  // Times follow the visitor's own regional clock (en-US 12 h, en-GB 24 h) when it is in the widget's language.
  const browser = navigator.language || locale
  const timeLocale = browser.split('-')[0]!.toLowerCase() === locale.split('-')[0]!.toLowerCase() ? browser : locale
  const visitorZone = Intl.DateTimeFormat().resolvedOptions().timeZone || config.business.timeZone
  const businessZone = config.business.timeZone
  const allowed = config.phone.countries || []
  const defaultCountry = allowed.length && allowed.indexOf(config.phone.defaultCountry) < 0 ? allowed[0]! : config.phone.defaultCountry
  const policyUrl = config.privacy.policyUrl
  const consentText = config.privacy.consentText || t.consent

  // Exact even where CSS relative colours (the launcher's own rule) are missing.
  ;(root.host as HTMLElement).style.setProperty('--on', readableOn(config.widget.accent))

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
  const eta = signal(0)
  const answer = signal<{ status: string; at?: number; phone: string } | undefined>(undefined)
  const phone = signal<Phone | undefined>(undefined)
  // The first paint after a click holds what the visitor acts on first; the
  // time slots and the countries' names (DOM for a day of slots, and region
  // data: some 20 ms of a slow phone) follow it. Once true, it stays.
  const settled = signal(false)
  let settling: (() => void) | undefined
  let focusOnRender = true
  let firstInput = 0
  let pending = ''
  let touched = false
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
    // Until then the codes alone: the selected one shows (`GB`) in a field whose size does not change.
    if (!settled.value) return codes.map((code) => ({ code, name: code, dial: '' }))
    // `locale` is canonical (loadTexts), so this cannot throw where the API exists.
    names ||= Intl.DisplayNames && new Intl.DisplayNames([locale], { type: 'region' })
    return sortCountries(
      codes.map((code) => ({ code, name: (names && names.of(code)) || code, dial: p ? p.callingCode(code) : '' })),
      defaultCountry,
      locale
    )
  })

  const openNow = computed(() => isOpenAt(config, now.value))
  const scheduling = computed(() => mode.value === 'schedule' || !openNow.value)
  const offered = computed(() => slots(config, now.value))
  const days = computed(() => slotDays(offered.value, timeLocale, visitorZone, businessZone, t))
  // A slot that passed while the panel was open is no longer offered, nor chosen.
  const slot = computed(() => (chosen.value !== undefined && offered.value.indexOf(chosen.value) >= 0 ? chosen.value : undefined))
  const when = (at: number) =>
    dateFormat(timeLocale, { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit', timeZone: visitorZone }).format(at)

  const stopCountdown = () => {
    clearInterval(countdown)
    countdown = undefined
  }
  const onSuccess = (event: RingbackEvents['success']) => {
    if (event.id !== pending) return
    const at = event.scheduledFor ? Date.parse(event.scheduledFor) : undefined
    answer.value = { status: event.status, at, phone: answer.value ? answer.value.phone : '' }
    phase.value = 'done'
    stopCountdown()
    eta.value = event.status === 'calling' && event.etaSeconds ? event.etaSeconds : 0
    if (eta.value) countdown = setInterval(host.guard(() => (--eta.value > 0 ? undefined : stopCountdown())), 1000)
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
    errors.value = { [field]: event.message || t.failed }
  }
  host.on('success', onSuccess)
  host.on('error', onError)

  const submit = async (form: HTMLFormElement) => {
    if (phase.value === 'sending') return
    const trap = (form.elements.namedItem('website') as HTMLInputElement | null)?.value
    const schedule: Schedule | undefined = !scheduling.value ? { type: 'asap' } : slot.value !== undefined ? { type: 'slot', at: new Date(slot.value).toISOString() } : undefined
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
      errors.value = problems
      const first = form.querySelector<HTMLElement>(problems.phone ? '#rb-phone' : problems.slot ? '[role=radio][tabindex="0"]' : '#rb-consent')
      if (first) first.focus()
      return
    }
    const e164 = check.e164
    answer.value = { status: schedule.type === 'asap' ? 'calling' : 'scheduled', at: slot.value, phone: maskPhone(e164) }
    // A filled honeypot is a bot: it is told what a person would be, and nothing is sent.
    if (trap) {
      phase.value = 'done'
      return
    }
    // The same number again within the widget's window (a double tap, "Try again" too soon) is not sent.
    if (sameNumber(host).claim('widget', e164)) {
      phase.value = 'form'
      errors.value = { form: t.again }
      return
    }
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
    pending = request.id
    claimed = e164
    host.deliver(request)
    if (navigator.onLine === false && phase.value === 'sending') phase.value = 'queued'
  }

  const close = (returnFocus: boolean) => {
    if (!visible.value) return
    visible.value = false
    clearInterval(ticker)
    stopCountdown()
    if (phase.value !== 'sending') phase.value = 'form'
    errors.value = {}
    launcher.setAttribute('aria-expanded', 'false')
    host.emit('close', {})
    if (returnFocus) launcher.focus()
  }

  const trapKeys = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      close(true)
      return
    }
    if (event.key !== 'Tab') return
    const dialog = event.currentTarget as HTMLElement
    const items = [...dialog.querySelectorAll<HTMLElement>('button,input,select,a[href]')].filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0
    )
    const first = items[0]
    const last = items[items.length - 1]
    const active = root.activeElement
    if (event.shiftKey ? active === first || active === dialog : active === last) {
      event.preventDefault()
      ;(event.shiftKey ? last : first)?.focus()
    }
  }

  /** Where focus goes in a view: its message, the first choice to make, or the number. */
  const focusFirst = (dialog: HTMLElement | null) => {
    if (dialog) (dialog.querySelector<HTMLElement>('[data-focus],[role=radio][tabindex="0"],#rb-phone') || dialog).focus()
  }

  const Form = () => {
    const e = errors.value
    const picking = scheduling.value
    const closedNow = !openNow.value && mode.value === 'now'
    const next = closedNow ? nextOpening(config, now.value) : undefined
    return (
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault()
          const form = event.currentTarget
          void submit(form).catch((error: unknown) => {
            host.report(error)
            phase.value = 'form'
            errors.value = { form: t.failed }
          })
        }}
      >
        {closedNow && (
          <p>
            {t.closed} {next !== undefined && fill(t.reopens, { time: when(next) })} {t.pick}
          </p>
        )}
        {!picking && <p>{t.intro}</p>}
        {picking &&
          (days.value.length ? (
            <div>
              <p class="mut">{fill(t.zone, { zone: placeOf(visitorZone) })}</p>
              <Choices
                id="rb-days"
                legend={t.day}
                choices={days.value.map((d) => ({ key: d.key, label: d.label }))}
                selected={day.value || days.value[0]!.key}
                onSelect={(key) => {
                  day.value = key
                  chosen.value = undefined
                }}
              />
              <Choices
                id="rb-times"
                legend={t.time}
                choices={
                  settled.value
                    ? (days.value.find((d) => d.key === day.value) || days.value[0]!).slots.map((s) => ({
                        key: String(s.at),
                        label: s.label,
                        sub: s.theirs,
                        name: s.name
                      }))
                    : []
                }
                selected={slot.value === undefined ? undefined : String(slot.value)}
                onSelect={(key) => {
                  chosen.value = Number(key)
                  if (errors.value.slot) errors.value = { ...errors.value, slot: undefined }
                }}
              />
              <p id="rb-slot-error" class="err" aria-live="polite">
                {e.slot}
              </p>
            </div>
          ) : (
            <p>{t.noSlots}</p>
          ))}
        <PhoneField
          texts={t}
          value={value}
          country={country}
          countries={countries.value}
          allowed={allowed}
          phone={phone.value}
          error={e.phone || ''}
          onFirstInput={() => void (firstInput ||= performance.now())}
        />
        <div class="hp" aria-hidden="true">
          <input name="website" tabIndex={-1} autocomplete="off" />
        </div>
        {config.privacy.consent === 'required' && (
          <div>
            <label class="ck">
              <input
                id="rb-consent"
                type="checkbox"
                checked={consented.value}
                aria-invalid={e.consent ? 'true' : 'false'}
                aria-describedby="rb-consent-error"
                onChange={(event) => {
                  consented.value = event.currentTarget.checked
                }}
              />
              <span>{consentText}</span>
            </label>
            <p id="rb-consent-error" class="err" aria-live="polite">
              {e.consent}
            </p>
          </div>
        )}
        {config.privacy.consent !== 'none' && (
          <p class="mut">
            {config.privacy.consent === 'notice' && t.notice + ' '}
            {policyUrl && (
              <a href={policyUrl} target="_blank" rel="noopener">
                {t.policy}
              </a>
            )}
          </p>
        )}
        <div role="alert">
          {e.form && (
            <p class="err">
              {e.form}
            </p>
          )}
        </div>
        <button class="btn" type="submit" disabled={phase.value === 'sending'}>
          {phase.value === 'sending' ? t.sending : picking ? t.slot : t.now}
        </button>
        {e.form && e.form !== t.again && (
          <button class="lnk" type="submit">
            {t.retry}
          </button>
        )}
        {openNow.value && (
          <button class="lnk" type="button" onClick={() => (mode.value = picking ? 'now' : 'schedule')}>
            {picking ? t.instead : t.later}
          </button>
        )}
      </form>
    )
  }

  /** The answer (or, offline, the promise that it will be sent), announced, with a way out. */
  const Done = () => {
    const a = answer.value!
    const queued = phase.value === 'queued'
    return (
      <div>
        <p class="ok" role="status" tabIndex={-1} data-focus>
          {queued ? t.queued : a.status === 'calling' ? fill(t.calling, { phone: a.phone }) : fill(t.scheduled, { phone: a.phone, time: a.at ? when(a.at) : '' })}
        </p>
        {!queued && a.status === 'calling' && <p>{eta.value > 0 ? fill(t.eta, { seconds: eta.value }) : t.soon}</p>}
        <button class="btn" type="button" onClick={() => close(true)}>
          {t.done}
        </button>
      </div>
    )
  }

  const Panel = () => {
    const ref = useRef<HTMLDivElement>(null)
    const view = visible.value ? (phase.value === 'sending' ? 'form' : phase.value) + scheduling.value : ''
    useLayoutEffect(() => {
      if (focusOnRender && phase.value !== 'sending') focusFirst(ref.current)
    }, [view])
    if (!visible.value) return null
    return (
      <div
        ref={ref}
        class={config.widget.position === 'bottom-left' ? 'p L' : 'p'}
        role="dialog"
        aria-modal="true"
        aria-labelledby="rb-title"
        dir={dir}
        lang={locale}
        tabIndex={-1}
        onKeyDown={trapKeys}
      >
        <div class="head">
          <h2 id="rb-title">{t.title}</h2>
          <button class="x" type="button" aria-label={t.close} onClick={() => close(true)}>
            ×
          </button>
        </div>
        {phase.value === 'done' || phase.value === 'queued' ? (
          <Done />
        ) : (
          <Form />
        )}
      </div>
    )
  }

  const container = document.createElement('div')
  root.appendChild(container)
  adoptStyles(root, PANEL_CSS)
  render(<Panel />, container)

  const open = (next: OpenMode | null | undefined, focus = true) => {
    touched ||= focus
    focusOnRender = focus
    mode.value = next === 'schedule' ? 'schedule' : 'now'
    now.value = Date.now()
    if (visible.value) {
      // Opened by a trigger a moment ago, now by the visitor: take them into it.
      if (focus) focusFirst(root.querySelector('[role=dialog]'))
      return
    }
    visible.value = true
    if (!settled.value && !settling) {
      // After the next paint: a timer set in an animation frame runs once that frame is on screen.
      let timer: ReturnType<typeof setTimeout> | undefined
      const frame = requestAnimationFrame(host.guard(() => (timer = setTimeout(host.guard(() => (settled.value = true))))))
      settling = () => {
        cancelAnimationFrame(frame)
        clearTimeout(timer)
      }
    }
    launcher.setAttribute('aria-expanded', 'true')
    // Keeps the slots honest: one that passes while the panel is open goes away.
    ticker = setInterval(host.guard(() => (now.value = Date.now())), 30000)
    host.emit('open', { mode: mode.value })
  }

  // Most sites use no triggers: their code is a file of its own, fetched only when the config has some.
  let stopTriggers: (() => void) | undefined
  let destroyed = false
  const triggers = config.widget.triggers
  if (triggers && Object.keys(triggers).length) {
    import('./startTriggers').then(
      (m) => void (destroyed || (stopTriggers = m.startTriggers(host, triggers, () => open('now', false), () => touched))),
      host.report
    )
  }

  return {
    /** Opens the panel; any mode but `schedule` (none, an unknown value) is `now`. */
    open: (next?: OpenMode | null) => open(next),
    close: () => close(visible.value && root.activeElement !== null),
    destroy() {
      destroyed = true
      if (stopTriggers) stopTriggers()
      clearInterval(ticker)
      stopCountdown()
      if (settling) settling()
      host.off('success', onSuccess)
      host.off('error', onError)
      render(null, container)
      container.remove()
    }
  }
}
