import { label, timeFormat } from './format'
import type { PresentedRow } from './types'
import { NumberText, type Reveal } from './useReveal'

/**
 * Requests as a table (cards on a phone, by CSS). The numbers arrive masked
 * from the server; one is shown in full only when the owner asks ("Show
 * number", logged on the server).
 */
export function RequestTable(props: {
  rows: PresentedRow[]
  timeZone: string
  caption: string
  numbers: Reveal
  onOpen: (row: PresentedRow) => void
  onDelete?: (row: PresentedRow) => void
}) {
  const time = timeFormat(props.timeZone)
  return (
    <table class="rows" role="table">
      <caption class="visually-hidden">{props.caption}</caption>
      <thead role="rowgroup">
        <tr role="row">
          <th scope="col" role="columnheader">
            Received
          </th>
          <th scope="col" role="columnheader">
            Phone
          </th>
          <th scope="col" role="columnheader">
            Channel
          </th>
          <th scope="col" role="columnheader">
            Call
          </th>
          <th scope="col" role="columnheader">
            Source
          </th>
          <th scope="col" role="columnheader">
            Page
          </th>
          <th scope="col" role="columnheader">
            Device
          </th>
          <th scope="col" role="columnheader">
            <span class="visually-hidden">Actions</span>
          </th>
        </tr>
      </thead>
      <tbody role="rowgroup">
        {props.rows.map((r) => (
          <tr role="row" key={r.id}>
            <td role="cell" data-label="Received">
              {time(r.receivedAt)}
            </td>
            <td role="cell" data-label="Phone" class="phone">
              <NumberText masked={r.phone} revealed={props.numbers.shown.get(r.id)} />
            </td>
            <td role="cell" data-label="Channel">
              {label(r.channel)}
            </td>
            <td role="cell" data-label="Call">
              {r.schedule === 'slot' ? 'At ' + time(r.scheduledFor) : r.status === 'calling' ? 'Now' : 'Next opening ' + time(r.scheduledFor)}
              {r.outcome && <span class={'badge ' + r.outcome}>{label(r.outcome)}</span>}
            </td>
            <td role="cell" data-label="Source">
              {label(r.medium)}
              {r.campaign && <span class="sub">{r.campaign}</span>}
              {r.referrerHost && <span class="sub">{r.referrerHost}</span>}
            </td>
            <td role="cell" data-label="Page" class="page">
              {r.pageTitle && <span>{r.pageTitle}</span>}
              <span class="sub">{r.pageUrl}</span>
            </td>
            <td role="cell" data-label="Device">
              {r.device || '—'}
            </td>
            <td role="cell" data-label="Actions" class="actions">
              <button type="button" class="link" id={'open-' + r.id} onClick={() => props.onOpen(r)}>
                Details
                <span class="visually-hidden">
                  {' '}
                  of the request from {r.phone} received {time(r.receivedAt)}
                </span>
              </button>
              {!props.numbers.shown.has(r.id) && (
                <button type="button" class="link" onClick={() => props.numbers.reveal(r.id)}>
                  Show number<span class="visually-hidden"> of the request received {time(r.receivedAt)}</span>
                </button>
              )}
              {props.onDelete && (
                <button type="button" class="link danger" onClick={() => props.onDelete!(r)}>
                  Delete
                  <span class="visually-hidden">
                    {' '}
                    the request from {r.phone} received {time(r.receivedAt)}
                  </span>
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
