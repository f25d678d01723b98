import { useState } from 'preact/hooks'
import type { DeliveryState } from '../../receiver/webhook/openWebhookQueue'
import type { PresentedDelivery } from '../presentDelivery'
import { getJson } from './api'
import { attemptText, deliveryState, lastAnswer } from './deliveryState'
import { timeFormat } from './format'
import type { Me } from './types'
import { Rows } from './Rows'
import { useLoad } from './useLoad'
import { LoadState } from './LoadState'

interface WebhookPage {
  endpoint: string | null
  counts: Record<DeliveryState, number>
  rows: PresentedDelivery[]
}

/** The new-lead webhook: where leads go, and each delivery with its attempts; a waiting or failed one can be retried now. */
export function WebhookLog(props: { me: Me }) {
  const { data, error, reload } = useLoad(() => getJson<WebhookPage>('/webhook'), [])
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState<number>()
  const time = timeFormat(props.me.timeZone)

  const retry = async (d: PresentedDelivery) => {
    setBusy(d.id)
    try {
      const after = await getJson<PresentedDelivery>(`/webhook/deliveries/${d.id}/retry`, { method: 'POST' })
      setMessage(`The lead from ${d.phone}: ${after.state === 'delivered' ? 'delivered.' : 'not delivered (' + lastAnswer(after) + ').'}`)
    } catch (e) {
      setMessage((e as Error).message)
    } finally {
      setBusy(undefined)
      reload()
    }
  }

  if (error || !data) return <LoadState error={error} />
  return (
    <>
      <p>
        {data.endpoint ? (
          <>
            Each new lead is sent to <code>{data.endpoint}</code>, signed with the site’s secret, and retried with growing pauses for about 14 hours until it is taken.
          </>
        ) : (
          <>No webhook is set for this site. Add one to the site in sites.json (see docs/webhooks.md) to send each new lead to your CRM or phone system.</>
        )}
      </p>
      <dl class="figures">
        <div class="card">
          <dt>Delivered</dt>
          <dd>{data.counts.delivered}</dd>
        </div>
        <div class="card">
          <dt>Waiting or retrying</dt>
          <dd>{data.counts.pending}</dd>
        </div>
        <div class="card">
          <dt>Failed</dt>
          <dd>{data.counts.failed}</dd>
        </div>
      </dl>
      <div class="filters">
        <button type="button" class="secondary" onClick={() => (setMessage(undefined), reload())}>
          Refresh
        </button>
      </div>
      <p role="status" class="notice-line">
        {message}
      </p>
      {data.rows.length ? (
        <Rows caption="Webhook deliveries, newest first" columns={['Lead', 'State', 'Last answer', 'Attempts', { hidden: 'Actions' }]}>
          {data.rows.map((d) => (
            <tr role="row" key={d.id}>
              <td role="cell" data-label="Lead">
                <span class="phone">{d.phone}</span>
                <span class="sub">{time(d.receivedAt)}</span>
              </td>
              <td role="cell" data-label="State">
                <span class={'badge ' + (d.state === 'delivered' ? 'connected' : d.state === 'failed' ? 'missed' : '')}>{deliveryState(d, time)}</span>
                <span class="sub">
                  <code>{d.eventId}</code>
                </span>
              </td>
              <td role="cell" data-label="Last answer">
                {lastAnswer(d)}
              </td>
              <td role="cell" data-label="Attempts">
                {d.log.length ? (
                  <details>
                    <summary>
                      {d.log.length} attempt{d.log.length === 1 ? '' : 's'}
                    </summary>
                    <ol class="timeline">
                      {d.log.map((a, i) => (
                        <li key={i}>
                          {time(a.at)}: {attemptText(a)} ({a.ms} ms)
                        </li>
                      ))}
                    </ol>
                  </details>
                ) : (
                  'None yet'
                )}
              </td>
              <td role="cell" data-label="Actions" class="actions">
                {d.state !== 'delivered' && (
                  <button type="button" class="link" disabled={busy === d.id} onClick={() => retry(d)}>
                    {busy === d.id ? 'Sending…' : 'Retry now'}
                    <span class="visually-hidden"> the lead from {d.phone}</span>
                  </button>
                )}
              </td>
            </tr>
          ))}
        </Rows>
      ) : (
        <p class="empty">No deliveries yet.</p>
      )}
    </>
  )
}
