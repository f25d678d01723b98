import type { RefusedLeads } from '../../receiver/openRefusedLeads'
import { getJson } from './api'
import { useLoad } from './useLoad'

/** The overview's count of leads refused in the period and not taken on a later try (the list is under Error log). */
export function RefusedFigure(props: { days: number }) {
  const { data } = useLoad(() => getJson<{ counts: ReturnType<RefusedLeads['counts']> }>('/refused?days=' + props.days), [props.days])
  return (
    <div class="card">
      <dt>Refused leads</dt>
      <dd>{data ? data.counts.refused + data.counts.unlisted : '—'}</dd>
    </div>
  )
}
