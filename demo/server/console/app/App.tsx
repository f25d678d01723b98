import { useEffect, useState } from 'preact/hooks'
import { getJson, whenSignedOut } from './api'
import { Dashboard } from './Dashboard'
import { loadSession, saveSession, type Session } from './session'
import { SignIn } from './SignIn'

/** A token link (`/console#token=…`): taken out of the address bar at once, so it is neither kept in history nor shared by accident. */
function takeLinkToken(): string | undefined {
  const match = /(?:^#|&)token=([A-Za-z0-9_.-]+)/.exec(location.hash)
  if (!match) return undefined
  history.replaceState(null, '', location.pathname + location.search)
  return match[1]
}

/** Signed in or not; a token link is exchanged for a session first. */
export function App() {
  const [linkToken] = useState(takeLinkToken)
  const [session, setSession] = useState<Session | undefined>(() => (linkToken ? undefined : loadSession()))
  const [notice, setNotice] = useState<string>()
  const [exchanging, setExchanging] = useState(!!linkToken)

  useEffect(() => {
    whenSignedOut(() => {
      setSession(undefined)
      setNotice('Your session has ended. Please sign in again.')
    })
    if (!linkToken) return
    getJson<Session>('/exchange', { method: 'POST', body: { token: linkToken } })
      .then((s) => {
        saveSession(s)
        setSession(s)
      })
      .catch((error: Error) => setNotice(error.message))
      .finally(() => setExchanging(false))
  }, [])

  useEffect(() => {
    document.title = session ? 'Lead console · ' + session.siteId : 'Sign in · Lead console'
  }, [session])

  if (exchanging) {
    return (
      <main class="signin">
        <h1>Lead console</h1>
        <p role="status">Checking your link…</p>
      </main>
    )
  }
  if (!session) {
    return (
      <SignIn
        notice={notice}
        onSignedIn={(s) => {
          saveSession(s)
          setNotice(undefined)
          setSession(s)
        }}
      />
    )
  }
  return (
    <Dashboard
      session={session}
      onSignOut={(message) => {
        saveSession(undefined)
        setSession(undefined)
        setNotice(message)
      }}
    />
  )
}
