import type { AccessEntry } from '../openAccessLog'
import { getJson } from './api'
import { timeFormat } from './format'
import { Rows } from './Rows'
import type { Me } from './types'
import { useLoad } from './useLoad'
import { LoadState } from './LoadState'

type Row = Omit<AccessEntry, 'at'> & { at: string; current: boolean }

/** Every full number that left the server: shown one at a time, or exported. What, when, from which session. */
export function AccessLog(props: { me: Me }) {
  const { data, error } = useLoad(() => getJson<{ rows: Row[] }>('/access-log'), [])
  const time = timeFormat(props.me.timeZone)
  if (error || !data) return <LoadState error={error} />
  return (
    <>
      <p class="hint">
        Numbers are masked everywhere in the console. Each time one is shown in full (“Show number”) or exported in full, it is recorded here, with the session that did
        it.
      </p>
      {data.rows.length ? (
        <Rows caption="Access to full numbers, newest first" columns={['Time', 'What', 'Session', 'From']}>
          {data.rows.map((e, i) => (
            <tr role="row" key={i}>
              <td role="cell" data-label="Time">
                {time(e.at)}
              </td>
              <td role="cell" data-label="What">
                {e.action === 'reveal' ? 'Showed the number ' + e.subject : 'Exported ' + e.subject + ' with full numbers'}
              </td>
              <td role="cell" data-label="Session">
                <code>{e.session}</code>
                {e.current && <span class="badge">this session</span>}
              </td>
              <td role="cell" data-label="From">
                {e.agent}
                <span class="sub">{e.ip}</span>
              </td>
            </tr>
          ))}
        </Rows>
      ) : (
        <p class="empty">No number has been shown or exported in full.</p>
      )}
    </>
  )
}
