import { useEffect, useRef } from 'preact/hooks'
import type { LeadDetail, Pair } from '../presentDetail'
import type { PresentedDelivery } from '../presentDelivery'
import { getJson } from './api'
import { deliveryState, lastAnswer } from './deliveryState'
import { label, timeFormat } from './format'
import type { Me } from './types'
import { useLoad } from './useLoad'
import { NumberText, type Reveal } from './useReveal'

/** Terms and values; a value that is missing is left out. Everything is text: nothing a visitor typed is ever markup. */
function Pairs(props: { pairs: [string, string | undefined][] }) {
  const rows = props.pairs.filter((p): p is Pair => !!p[1])
  if (!rows.length) return <p class="empty">Nothing recorded.</p>
  return (
    <dl class="pairs">
      {rows.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  )
}

/** One request in full: who asked (what they typed), the call, where they came from, their device, consent, webhook deliveries. */
export function RequestDetail(props: { id: string; me: Me; numbers: Reveal; onBack: () => void }) {
  const { data, error } = useLoad(() => getJson<{ detail: LeadDetail; deliveries: PresentedDelivery[] }>('/requests/' + encodeURIComponent(props.id)), [props.id])
  const { numbers } = props
  const heading = useRef<HTMLHeadingElement>(null)
  const time = timeFormat(props.me.timeZone)
  useEffect(() => heading.current?.focus(), [!!data])

  const back = (
    <button type="button" class="link back" onClick={props.onBack}>
      Back to the list
    </button>
  )
  if (error)
    return (
      <>
        {back}
        <p class="error" role="alert">
          {error}
        </p>
      </>
    )
  if (!data)
    return (
      <>
        {back}
        <p role="status">Loading…</p>
      </>
    )
  const d = data.detail
  const revealed = numbers.shown.get(d.id)
  const call = d.schedule === 'slot' ? 'At ' + time(d.scheduledFor) : d.status === 'calling' ? 'Now' : 'Next opening, ' + time(d.scheduledFor)
  return (
    <div class="detail">
      {back}
      <h2 ref={heading} tabIndex={-1}>
        Request from <span class="phone">{d.phone}</span>
      </h2>
      <p class="meta">
        Received {time(d.receivedAt)} · {label(d.channel)}
      </p>
      <div class="grid">
        <section class="card" aria-labelledby="d-visitor">
          <h3 id="d-visitor">Visitor</h3>
          <dl class="pairs">
            <div>
              <dt>Number</dt>
              <dd>
                <span class="phone">
                  <NumberText masked={d.phone} revealed={revealed} />
                </span>
                {!revealed && (
                  <button type="button" class="link reveal" onClick={() => numbers.reveal(d.id)}>
                    Show number
                  </button>
                )}
              </dd>
            </div>
            {d.contact.name && (
              <div>
                <dt>Name</dt>
                <dd>{d.contact.name}</dd>
              </div>
            )}
            {d.contact.email && (
              <div>
                <dt>Email</dt>
                <dd>{d.contact.email}</dd>
              </div>
            )}
            {d.contact.message && (
              <div>
                <dt>Message</dt>
                <dd class="message">{d.contact.message}</dd>
              </div>
            )}
          </dl>
          {numbers.error && (
            <p class="error" role="alert">
              {numbers.error}
            </p>
          )}
          {revealed && <p class="hint">Shown in full for you; this is recorded in the access log.</p>}
          {!d.contact.name && !d.contact.email && !d.contact.message && <p class="hint">The visitor typed no name, email or message.</p>}
        </section>
        <section class="card" aria-labelledby="d-call">
          <h3 id="d-call">Call</h3>
          <Pairs
            pairs={[
              ['When', call],
              ['Visitor’s choice', label(d.schedule)],
              ['Latest outcome', d.outcome && label(d.outcome)],
              ['First attempt', d.firstAttemptSeconds !== undefined ? `${d.firstAttemptSeconds} s after the request` : undefined]
            ]}
          />
          {d.events.length > 0 && (
            <ol class="timeline" aria-label="Call outcomes">
              {d.events.map((e, i) => (
                <li key={i}>
                  {time(e.at)}: {label(e.type)}
                </li>
              ))}
            </ol>
          )}
        </section>
        <section class="card" aria-labelledby="d-source">
          <h3 id="d-source">Page and source</h3>
          <Pairs
            pairs={[
              ['Page', d.pageTitle],
              ['Address', d.pageUrl],
              ['Referrer', d.pageReferrer],
              ['Source', d.medium && label(d.medium)],
              ...d.utm.map(([key, value]): Pair => ['UTM ' + key, value]),
              ...d.clickIds.map(([key, value]): Pair => ['Click id ' + key, value]),
              ['Landing page', d.landingPage],
              ['First seen', d.firstSeenAt && time(d.firstSeenAt)]
            ]}
          />
        </section>
        {d.form && (
          <section class="card" aria-labelledby="d-form">
            <h3 id="d-form">Form</h3>
            <Pairs
              pairs={[
                ['Form id', d.form.id],
                ['Form name', d.form.name],
                ['Sent to', d.form.action]
              ]}
            />
          </section>
        )}
        <section class="card" aria-labelledby="d-device">
          <h3 id="d-device">Device</h3>
          <Pairs pairs={[...d.deviceDetail, ['Language', d.locale], ['Time zone', d.timeZone], ['Visitor’s clock', time(d.requestedAt)]]} />
        </section>
        <section class="card" aria-labelledby="d-consent">
          <h3 id="d-consent">Consent</h3>
          {d.consent ? (
            <Pairs
              pairs={[
                ['Given', d.consent.granted ? 'Yes' : 'No'],
                ['Text shown', d.consent.text]
              ]}
            />
          ) : (
            <p class="empty">The site asked for none.</p>
          )}
        </section>
        {data.deliveries.length > 0 && (
          <section class="card" aria-labelledby="d-webhook">
            <h3 id="d-webhook">Webhook</h3>
            {data.deliveries.map((w) => (
              <Pairs
                key={w.id}
                pairs={[
                  ['Event', w.eventId],
                  ['State', deliveryState(w, time)],
                  ['Last answer', lastAnswer(w)]
                ]}
              />
            ))}
          </section>
        )}
      </div>
    </div>
  )
}
