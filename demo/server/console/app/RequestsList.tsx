import { useState } from 'preact/hooks'
import { api, getJson } from './api'
import { downloadCsv } from './downloadCsv'
import { RequestDetail } from './RequestDetail'
import { RequestTable } from './RequestTable'
import type { Me, PresentedRow, RequestPage } from './types'
import { useLoad } from './useLoad'
import { useOpenRequest } from './useOpenRequest'
import { useReveal } from './useReveal'

/** Every request of the period, newest first, 25 a page, filtered by channel and status; exportable as CSV. */
export function RequestsList(props: { days: number; me: Me }) {
  const [channel, setChannel] = useState('')
  const [status, setStatus] = useState('')
  const [page, setPage] = useState(1)
  const [message, setMessage] = useState<string>()
  const query = new URLSearchParams({ days: String(props.days), ...(channel && { channel }), ...(status && { status }) }).toString()
  const { data, error, reload } = useLoad(() => getJson<RequestPage>('/requests?page=' + page + '&' + query), [query, page])
  const [fullNumbers, setFullNumbers] = useState(false)
  const numbers = useReveal()
  const detail = useOpenRequest()

  const remove = async (row: PresentedRow) => {
    if (!confirm('Delete the request from ' + row.phone + '? This cannot be undone.')) return
    try {
      await api('/requests/' + encodeURIComponent(row.id), { method: 'DELETE' })
      setMessage('The request from ' + row.phone + ' was deleted.')
      reload()
    } catch (e) {
      setMessage((e as Error).message)
    }
  }
  const exportCsv = () =>
    downloadCsv(query + (fullNumbers ? '&phones=full' : ''), 'requests-' + props.me.siteId + '.csv')
      .then(() => fullNumbers && setMessage('Exported with full numbers. The export is recorded in the access log.'))
      .catch((e: Error) => setMessage(e.message))
  const pages = data ? Math.max(1, Math.ceil(data.total / data.pageSize)) : 1
  if (detail.open) return <RequestDetail id={detail.open} me={props.me} numbers={numbers} onBack={detail.back} />

  return (
    <>
      <div class="filters">
        <div>
          <label for="f-channel">Channel</label>
          <select id="f-channel" value={channel} onChange={(e) => (setChannel(e.currentTarget.value), setPage(1))}>
            <option value="">All</option>
            <option value="widget">Widget</option>
            <option value="form">Form</option>
          </select>
        </div>
        <div>
          <label for="f-status">Status</label>
          <select id="f-status" value={status} onChange={(e) => (setStatus(e.currentTarget.value), setPage(1))}>
            <option value="">All</option>
            <option value="calling">Calling now</option>
            <option value="scheduled">Scheduled</option>
          </select>
        </div>
        <div class="export">
          <label class="check">
            <input type="checkbox" checked={fullNumbers} onChange={(e) => setFullNumbers(e.currentTarget.checked)} />
            Full numbers in the export (recorded in the access log)
          </label>
          <button type="button" class="secondary" onClick={exportCsv}>
            Export CSV
          </button>
        </div>
      </div>
      <p role="status" class="notice-line">
        {message || (data && `${data.total} request${data.total === 1 ? '' : 's'}, newest first. Numbers are masked.`)}
      </p>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {numbers.error && (
        <p class="error" role="alert">
          {numbers.error}
        </p>
      )}
      {data && data.rows.length > 0 && (
        <RequestTable rows={data.rows} timeZone={props.me.timeZone} caption="Callback requests and form leads" numbers={numbers} onOpen={detail.show} onDelete={remove} />
      )}
      {data && data.rows.length === 0 && <p class="empty">No requests match.</p>}
      {data && pages > 1 && (
        <nav class="pager" aria-label="Pages">
          <button type="button" class="secondary" disabled={page <= 1} onClick={() => setPage(page - 1)}>
            Previous
          </button>
          <span>
            Page {page} of {pages}
          </span>
          <button type="button" class="secondary" disabled={page >= pages} onClick={() => setPage(page + 1)}>
            Next
          </button>
        </nav>
      )}
    </>
  )
}
