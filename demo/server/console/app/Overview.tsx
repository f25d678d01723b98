import { getJson } from './api'
import { duration, label, percent } from './format'
import { RefusedFigure } from './RefusedFigure'
import { RequestsChart } from './RequestsChart'
import type { Me, Metrics } from './types'
import { useLoad } from './useLoad'

function Breakdown(props: { title: string; counts: Record<string, number>; total: number }) {
  const entries = Object.entries(props.counts)
  return (
    <section class="card breakdown" aria-labelledby={'bd-' + props.title}>
      <h3 id={'bd-' + props.title}>{props.title}</h3>
      {entries.length ? (
        <table>
          <thead>
            <tr>
              <th scope="col">{props.title}</th>
              <th scope="col" class="num">
                Requests
              </th>
              <th scope="col" class="num">
                Share
              </th>
            </tr>
          </thead>
          <tbody>
            {entries.map(([key, n]) => (
              <tr key={key}>
                <th scope="row">{label(key)}</th>
                <td class="num">{n}</td>
                <td class="num">{percent(n, props.total)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p class="empty">None in this period.</p>
      )}
    </section>
  )
}

/** Figures for the period, every one computed from stored requests and recorded call outcomes. */
export function Overview(props: { days: number; me: Me }) {
  const { data: m, error } = useLoad(() => getJson<Metrics>('/metrics?days=' + props.days), [props.days])
  if (error)
    return (
      <p class="error" role="alert">
        {error}
      </p>
    )
  if (!m) return <p role="status">Loading…</p>
  const attempted = m.outcome.attempted || 0
  return (
    <>
      <dl class="figures">
        <div class="card">
          <dt>Requests</dt>
          <dd>{m.total}</dd>
        </div>
        <div class="card">
          <dt>Widget / form</dt>
          <dd>
            {m.channel.widget || 0} / {m.channel.form || 0}
          </dd>
        </div>
        <div class="card">
          <dt>Chose a time</dt>
          <dd>{percent(m.schedule.slot || 0, m.total)}</dd>
        </div>
        <div class="card">
          <dt>Median time to first call</dt>
          <dd>{duration(m.response.medianSeconds)}</dd>
        </div>
        <div class="card">
          <dt>Missed calls</dt>
          <dd>{percent(m.outcome.missed || 0, attempted)}</dd>
        </div>
        <div class="card">
          <dt>Opted out</dt>
          <dd>{percent(m.outcome.opted_out || 0, m.total)}</dd>
        </div>
        <RefusedFigure days={props.days} />
      </dl>
      <p class="hint">
        Time to first call counts from when a call was due (at once, or the slot the visitor chose) to the first attempt the platform recorded; {m.response.count} of{' '}
        {m.total} requests have one{m.response.p90Seconds !== undefined && <>, 90% within {duration(m.response.p90Seconds)}</>}.
      </p>
      <RequestsChart days={m.perDay} />
      <div class="grid">
        <Breakdown title="Channel" counts={m.channel} total={m.total} />
        <Breakdown title="Source" counts={m.medium} total={m.total} />
        <Breakdown title="Campaign" counts={m.campaign} total={m.total} />
        <Breakdown title="Device" counts={m.device} total={m.total} />
        <Breakdown title="When" counts={m.schedule} total={m.total} />
        <Breakdown title="Call outcome" counts={m.outcome} total={m.total} />
      </div>
    </>
  )
}
