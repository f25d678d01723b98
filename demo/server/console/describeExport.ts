/** The access log's line for an export with full numbers: how many requests, and the filters they were chosen by. */
export function describeExport(count: number, url: URL): string {
  const days = url.searchParams.get('days')
  const parts = [
    `${count} request${count === 1 ? '' : 's'}`,
    url.searchParams.get('channel'),
    url.searchParams.get('status'),
    days ? `last ${Math.min(365, Math.max(1, Math.floor(Number(days)) || 30))} days` : 'all kept'
  ]
  return parts
    .filter(Boolean)
    .join(' · ')
    .slice(0, 200)
}
