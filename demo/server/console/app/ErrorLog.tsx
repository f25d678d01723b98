import { getJson } from './api'
import { timeFormat } from './format'
import type { ErrorRow, Me } from './types'
import { useLoad } from './useLoad'
import { LoadState } from './LoadState'

/** A Map: codes arrive from the API, and no lookup in the console may reach Object.prototype. */
const MEANING = new Map([
  ['invalid_request', 'The request did not match the API schema'],
  ['invalid_phone', 'The number could not be called'],
  ['slot_unavailable', 'The chosen time was no longer open'],
  ['origin_not_allowed', 'Sent from a page on an origin not registered for the site'],
  ['idempotency_conflict', 'The same id was sent with other content'],
  ['rate_limited', 'Too many requests from one number, address or site']
])

/** Requests the receiver refused: code, status and time, and nothing about the visitor. */
export function ErrorLog(props: { me: Me }) {
  const { data, error } = useLoad(() => getJson<{ rows: ErrorRow[] }>('/errors'), [])
  const time = timeFormat(props.me.timeZone)
  if (error || !data) return <LoadState error={error} />
  if (!data.rows.length) return <p class="empty">No rejected requests.</p>
  return (
    <table class="rows" role="table">
      <caption class="visually-hidden">Rejected requests, newest first</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            Time
          </th>
          <th scope="col" role="columnheader">
            Code
          </th>
          <th scope="col" role="columnheader">
            HTTP
          </th>
          <th scope="col" role="columnheader">
            Meaning
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {data.rows.map((e, i) => (
          <tr role="row" key={i}>
            <td role="cell" data-label="Time">
              {time(e.at)}
            </td>
            <td role="cell" data-label="Code">
              <code>{e.code}</code>
            </td>
            <td role="cell" data-label="HTTP">
              {e.status}
            </td>
            <td role="cell" data-label="Meaning">
              {MEANING.get(e.code) || '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
