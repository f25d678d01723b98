import { getJson } from './api'
import { RequestDetail } from './RequestDetail'
import { RequestTable } from './RequestTable'
import type { Me, PresentedRow } from './types'
import { useLoad } from './useLoad'
import { useOpenRequest } from './useOpenRequest'
import { useReveal } from './useReveal'
import { LoadState } from './LoadState'

/** Requests whose call was missed and has not connected since: the people to call back. */
export function MissedCalls(props: { me: Me }) {
  const { data, error } = useLoad(() => getJson<{ rows: PresentedRow[] }>('/missed'), [])
  const numbers = useReveal()
  const detail = useOpenRequest()
  if (detail.open) return <RequestDetail id={detail.open} me={props.me} numbers={numbers} onBack={detail.back} />
  if (error || !data) return <LoadState error={error} />
  if (!data.rows.length) return <p class="empty">No missed calls waiting. Calls the platform reports as missed appear here until one connects.</p>
  return (
    <>
      {numbers.error && (
        <p class="error" role="alert">
          {numbers.error}
        </p>
      )}
      <RequestTable rows={data.rows} timeZone={props.me.timeZone} caption="Missed calls, newest first" numbers={numbers} onOpen={detail.show} />
    </>
  )
}
