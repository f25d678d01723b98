/** The access log's line for an export with full numbers: how many requests, and the filters they were chosen by. */
export function describeExport(count: number, url: URL): string {
  const days = url.searchParams.get('days')
  const filters = [
    days ? `last ${Math.min(365, Math.max(1, Math.floor(Number(days)) || 30))} days` : 'all kept',
    url.searchParams.get('channel'),
    url.searchParams.get('status')
  ]
  return `${count} request${count === 1 ? '' : 's'} (${filters.filter(Boolean).join(', ').slice(0, 120)})`
}
