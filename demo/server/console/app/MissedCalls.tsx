import { getJson } from './api'
import { RequestTable } from './RequestTable'
import type { Me, PresentedRow } from './types'
import { useLoad } from './useLoad'

/** Requests whose call was missed and has not connected since: the people to call back. */
export function MissedCalls(props: { me: Me }) {
  const { data, error } = useLoad(() => getJson<{ rows: PresentedRow[] }>('/missed'), [])
  if (error) return <p class="error" role="alert">{error}</p>
  if (!data) return <p role="status">Loading…</p>
  if (!data.rows.length) return <p class="empty">No missed calls waiting. Calls the platform reports as missed appear here until one connects.</p>
  return <RequestTable rows={data.rows} timeZone={props.me.timeZone} caption="Missed calls, newest first" />
}
