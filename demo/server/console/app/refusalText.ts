import type { RefusedRow } from '../../receiver/openRefusedLeads'

const LIMITS = new Map([
  ['number', 'Too many requests for this number'],
  ['ip', 'Too many requests from one address'],
  ['site', 'The site’s hourly limit was reached']
])

/** Why a lead was refused, in words an owner reads. */
export function refusalText(row: Pick<RefusedRow, 'reason' | 'detail'>): string {
  if (row.reason === 'rate_limited') return (row.detail && LIMITS.get(row.detail)) || 'Too many requests'
  if (row.reason === 'invalid_phone') return 'Number refused' + (row.detail ? ': ' + row.detail : '')
  if (row.reason === 'slot_unavailable') return 'The chosen time was no longer open'
  return row.reason
}
