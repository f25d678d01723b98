import { buildIcs } from '../buildIcs'
import type { PanelModel } from '../createPanelModel'
import { describeCall } from '../describeCall'
import { downloadFile } from '../downloadFile'
import { fill } from '../texts'
import { AfterEta } from './AfterEta'

export { DONE_CSS } from './doneCss'

/** The sentence with the number isolated (`<bdi>`, never split across lines): `+44 7400 123456` reads left to right in any language. */
function withNumber(text: string, phone: string) {
  const at = text.indexOf(phone)
  return at < 0 ? text : [text.slice(0, at), <bdi>{phone}</bdi>, text.slice(at + phone.length)]
}

/**
 * The confirmation: what will happen, with the visitor's own number in
 * full (events and `dataLayer` only ever see it masked), a way to change
 * it, and for a scheduled call an entry for their calendar. A call that
 * should have come by now offers the ways on (`AfterEta`).
 */
export function DoneView({ model, onClose, onChangeNumber }: { model: PanelModel; onClose(): void; onChangeNumber(): void }) {
  const t = model.texts
  const a = model.answer.value!
  const calling = a.status === 'calling'
  const eta = model.eta.value
  return (
    <>
      <div class="body">
        <p class="ok" role="status" tabIndex={-1} data-focus>
          {withNumber(calling ? fill(t.calling, { phone: a.phone }) : describeCall(t, a.phone, a.at!, model.timeLocale, model.visitorZone, model.businessZone), a.phone)}
        </p>
        <p class="mut">
          {t.wrong}{' '}
          <button class="lnk in" type="button" onClick={onChangeNumber}>
            {t.change}
          </button>
        </p>
        {/* After "Change it", so that its line never moves when this one's length changes. The seconds in a box
            of their own, left to right and left-aligned: a tick never moves the words around them (in Arabic too). */}
        {calling && (
          <p>
            {eta > 0
              ? t.eta.split('{seconds}').flatMap((part, i) =>
                  i
                    ? [
                        <span class="n" dir="ltr">
                          {eta}
                        </span>,
                        part
                      ]
                    : [part]
                )
              : t.soon}
          </p>
        )}
        {!calling && a.at && (
          <button
            class="btn alt"
            type="button"
            onClick={(event) =>
              downloadFile(
                'call.ics',
                'text/calendar',
                buildIcs({
                  id: a.id,
                  title: fill(t.event, { name: model.config.business.name || location.hostname }),
                  start: a.at!,
                  minutes: model.config.scheduling.slotMinutes,
                  now: Date.now()
                }),
                event.currentTarget.parentNode!
              )
            }
          >
            {t.calendar}
          </button>
        )}
        {calling && eta === 0 && <AfterEta model={model} />}
      </div>
      <div class="foot">
        <button class="btn" type="button" onClick={onClose}>
          {t.done}
        </button>
      </div>
    </>
  )
}
