import { maskPhone } from '../../src/schema'
import type { StoredRequest } from './db'
import { escapeHtml } from './escapeHtml'

/**
 * The receiver's plain list of a site's requests, newest first, numbers
 * masked. Server-rendered and escaped; no script.
 */
export function requestsPage(siteName: string, timeZone: string, rows: StoredRequest[]): string {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, dateStyle: 'medium', timeStyle: 'short' })
  const cell = (text: string | undefined) => '<td>' + escapeHtml(text || '—') + '</td>'
  const body = rows
    .map(({ request: r, response, createdAt }) => {
      const schedule = r.schedule.type === 'slot' ? 'at ' + time.format(Date.parse(r.schedule.at)) : 'now'
      const device = [r.device?.type, r.device?.os?.name, r.device?.browser?.name].filter(Boolean).join(' · ')
      return (
        '<tr>' +
        cell(time.format(createdAt)) +
        cell(r.channel) +
        cell(maskPhone(r.phone)) +
        cell(schedule + ' (' + response.status + ')') +
        cell(r.source?.medium) +
        cell(r.page.url) +
        cell(device) +
        '</tr>'
      )
    })
    .join('\n')
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Requests · ${escapeHtml(siteName)}</title>
<style>
body{font:15px/1.5 system-ui,sans-serif;margin:2rem;color:#1d1d1f}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
th{background:#f4f4f5}td:nth-child(6){word-break:break-all}
</style>
</head>
<body>
<h1>Callback requests · ${escapeHtml(siteName)}</h1>
<p>${rows.length} request${rows.length === 1 ? '' : 's'}, newest first. Times in ${escapeHtml(timeZone)}. Numbers are masked.</p>
<table>
<thead><tr><th>Received</th><th>Channel</th><th>Phone</th><th>Call</th><th>Source</th><th>Page</th><th>Device</th></tr></thead>
<tbody>
${body}
</tbody>
</table>
</body>
</html>
`
}
