import type { RefusedRow } from '../../receiver/openRefusedLeads'
import { getJson } from './api'
import { label, timeFormat } from './format'
import { refusalText } from './refusalText'
import type { Me } from './types'
import { Rows } from './Rows'
import { useLoad } from './useLoad'

type Row = Omit<RefusedRow, 'firstAt' | 'lastAt' | 'acceptedAt'> & { firstAt: string; lastAt: string; acceptedAt?: string }

/** Visitors who asked for a call that the receiver did not take (their number, the time they chose, a rate limit): masked, once per request. */
export function RefusedLeads(props: { me: Me }) {
  const { data, error } = useLoad(() => getJson<{ rows: Row[] }>('/refused'), [])
  const time = timeFormat(props.me.timeZone)
  return (
    <section aria-labelledby="refused-title" class="section">
      <h2 id="refused-title">Refused leads</h2>
      <p class="hint">
        Requests from visitors that were not stored, once per request however often it was retried. A visitor who used a site form still saw its thank-you page.
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {!data && !error && <p role="status">Loading…</p>}
      {data && !data.rows.length && <p class="empty">No refused leads.</p>}
      {data && data.rows.length > 0 && (
        <Rows caption="Refused leads, latest first" columns={['Last try', 'Phone', 'Reason', 'Page', 'Tries']}>
          {data.rows.map((r) => (
            <tr role="row" key={r.requestId}>
              <td role="cell" data-label="Last try">
                {time(r.lastAt)}
              </td>
              <td role="cell" data-label="Phone" class="phone">
                {r.phone}
              </td>
              <td role="cell" data-label="Reason">
                {refusalText(r)}
                {r.acceptedAt && <span class="badge connected">Accepted {time(r.acceptedAt)}</span>}
              </td>
              <td role="cell" data-label="Page" class="page">
                {r.pageTitle && <span>{r.pageTitle}</span>}
                <span class="sub">
                  {label(r.channel)} · {r.pageUrl}
                </span>
              </td>
              <td role="cell" data-label="Tries" class="num">
                {r.attempts}
              </td>
            </tr>
          ))}
        </Rows>
      )}
    </section>
  )
}
