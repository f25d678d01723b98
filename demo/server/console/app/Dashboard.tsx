import { useEffect, useRef, useState } from 'preact/hooks'
import { AccessLog } from './AccessLog'
import { api, getJson } from './api'
import { DataControls } from './DataControls'
import { ErrorLog } from './ErrorLog'
import { MissedCalls } from './MissedCalls'
import { Overview } from './Overview'
import { RefusedLeads } from './RefusedLeads'
import { RequestsList } from './RequestsList'
import type { Session } from './session'
import type { Me } from './types'
import { useLoad } from './useLoad'
import { WebhookLog } from './WebhookLog'

const VIEWS = [
  ['overview', 'Overview'],
  ['requests', 'Requests'],
  ['missed', 'Missed calls'],
  ['errors', 'Error log'],
  ['webhook', 'Webhook'],
  ['access', 'Access log'],
  ['data', 'Data & privacy']
] as const
type View = (typeof VIEWS)[number][0]

/** The signed-in console: a header, the views, and a period that the overview and list share. */
export function Dashboard(props: { session: Session; onSignOut: (notice: string) => void }) {
  const me = useLoad(() => getJson<Me>('/me'), [props.session.token])
  const [view, setView] = useState<View>('overview')
  const [days, setDays] = useState(30)
  const heading = useRef<HTMLHeadingElement>(null)
  const first = useRef(true)

  // Moving focus to the new view's heading tells screen readers the view changed.
  useEffect(() => {
    if (first.current) first.current = false
    else heading.current?.focus()
  }, [view])

  const signOut = async () => {
    await api('/signout', { method: 'POST' }).catch(() => undefined)
    props.onSignOut('You have signed out.')
  }

  const site = me.data
  const title = VIEWS.find(([v]) => v === view)![1]
  return (
    <div class="console">
      <header class="top">
        <div>
          <p class="site">{site ? site.name : props.session.siteId}</p>
          <p class="meta">
            Client ID <code>{props.session.siteId}</code>
            {site && <> · times in {site.timeZone}</>}
          </p>
        </div>
        <button type="button" class="secondary" onClick={signOut}>
          Sign out
        </button>
      </header>
      <nav aria-label="Console sections">
        <ul>
          {VIEWS.map(([v, text]) => (
            <li key={v}>
              <button type="button" aria-current={view === v ? 'page' : undefined} onClick={() => setView(v)}>
                {text}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      <main>
        <div class="view-head">
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
          {(view === 'overview' || view === 'requests') && (
            <div class="period">
              <label for="period">Period</label>
              <select id="period" value={days} onChange={(e) => setDays(Number(e.currentTarget.value))}>
                <option value={7}>Last 7 days</option>
                <option value={30}>Last 30 days</option>
                <option value={90}>Last 90 days</option>
                <option value={365}>Last 12 months</option>
              </select>
            </div>
          )}
        </div>
        {me.error && (
          <p class="error" role="alert">
            {me.error}
          </p>
        )}
        {site && view === 'overview' && <Overview days={days} me={site} />}
        {site && view === 'requests' && <RequestsList days={days} me={site} />}
        {site && view === 'missed' && <MissedCalls me={site} />}
        {site && view === 'errors' && (
          <>
            <RefusedLeads me={site} />
            <h2 class="section">Other rejected requests</h2>
            <ErrorLog me={site} />
          </>
        )}
        {site && view === 'webhook' && <WebhookLog me={site} />}
        {site && view === 'access' && <AccessLog me={site} />}
        {site && view === 'data' && (
          <DataControls
            me={site}
            onSignedOutEverywhere={() => props.onSignOut('You have signed out everywhere: every session and unused link of this site has ended.')}
          />
        )}
      </main>
    </div>
  )
}
