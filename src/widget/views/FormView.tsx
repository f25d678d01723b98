import { nextOpening } from '../../contract/openingHours'
import type { PanelModel } from '../createPanelModel'
import { PhoneField } from '../PhoneField'
import { dateFormat } from '../slotDays'
import { fill } from '../texts'
import type { SchedulePicker } from './SchedulePicker'

/**
 * The form, "call me now" or scheduling: its content scrolls (the panel's
 * one scroll region) between the panel's header and a footer that keeps
 * the chosen time, the form's errors and the submit button in view.
 */
export function FormView(props: {
  model: PanelModel
  /** The scheduling choices: a file of their own, there before the panel shows them. */
  Picker: typeof SchedulePicker | undefined
  onProblems(form: HTMLFormElement, problems: string): void
}) {
  const { model, Picker, onProblems } = props
  const { texts: t, config } = model
  const e = model.errors.value
  const picking = model.scheduling.value
  const closedNow = !model.openNow.value && model.mode.value === 'now'
  const next = closedNow ? nextOpening(config, model.now.value) : undefined
  const consent = config.privacy.consent
  const policyUrl = config.privacy.policyUrl
  const sending = model.phase.value === 'sending'
  const when = (at: number, options: Intl.DateTimeFormatOptions) => dateFormat(model.timeLocale, { ...options, timeZone: model.visitorZone }).format(at)
  const slot = model.slot.value
  return (
    <form
      class="fm"
      noValidate
      onSubmit={(event) => {
        event.preventDefault()
        const form = event.currentTarget
        const trap = (form.elements.namedItem('website') as HTMLInputElement | null)?.value
        model.submit(trap).then(
          (problems) => onProblems(form, problems.phone ? 'phone' : problems.slot ? 'slot' : problems.consent ? 'consent' : ''),
          (error: unknown) => {
            model.host.report(error)
            model.phase.value = 'form'
            model.errors.value = { form: t.failed }
          }
        )
      }}
    >
      <div class="body">
        {closedNow && (
          <p>
            {t.closed}{' '}
            {next !== undefined && fill(t.reopens, { time: when(next, { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' }) })} {t.pick}
          </p>
        )}
        {!picking && <p>{t.intro}</p>}
        {/* The way to the other mode comes first: it is a choice made before the number. */}
        {model.openNow.value && (
          <button class="lnk top" type="button" onClick={() => (model.mode.value = picking ? 'now' : 'schedule')}>
            {picking ? t.instead : t.later}
          </button>
        )}
        {picking && (model.days.value.length ? Picker && <Picker model={model} /> : <p>{t.noSlots}</p>)}
        <PhoneField
          texts={t}
          value={model.value}
          country={model.country}
          countries={model.countries.value}
          allowed={model.allowed}
          phone={model.phone.value}
          error={e.phone || ''}
          onFirstInput={model.typed}
        />
        <div class="hp" aria-hidden="true">
          <input name="website" tabIndex={-1} autocomplete="off" />
        </div>
        {consent === 'required' && (
          <div>
            <label class="ck">
              <input
                id="rb-consent"
                type="checkbox"
                checked={model.consented.value}
                aria-invalid={e.consent ? 'true' : 'false'}
                aria-describedby="rb-consent-error"
                onChange={(event) => {
                  model.consented.value = event.currentTarget.checked
                }}
              />
              <span>{model.consentText}</span>
            </label>
            <p id="rb-consent-error" class="err" aria-live="polite">
              {e.consent}
            </p>
          </div>
        )}
        {consent !== 'none' && (
          <p class="mut">
            {consent === 'notice' && t.notice + ' '}
            {policyUrl && (
              <a href={policyUrl} target="_blank" rel="noopener">
                {t.policy}
              </a>
            )}
          </p>
        )}
      </div>
      <div class="foot">
        {picking && (
          // One line, always there: the chosen time, or why there is none.
          <p class="sum">
            <span id="rb-slot-error" class="err" aria-live="polite">
              {e.slot}
            </span>
            {!e.slot && slot !== undefined && when(slot, { weekday: 'short', day: 'numeric', month: 'short', hour: 'numeric', minute: '2-digit' })}
          </p>
        )}
        <div role="alert">{e.form && <p class="err">{e.form}</p>}</div>
        {/* After a refusal the one button says what it does now: send again. */}
        <button class="btn" type="submit" disabled={sending}>
          {sending ? t.sending : e.form && e.form !== t.again ? t.retry : picking ? t.slot : t.now}
        </button>
      </div>
    </form>
  )
}
