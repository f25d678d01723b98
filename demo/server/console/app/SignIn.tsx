import { useState } from 'preact/hooks'
import { getJson } from './api'
import type { Session } from './session'

/** Client ID (the site id from the script tag) and access PIN. */
export function SignIn(props: { notice?: string; onSignedIn: (session: Session) => void }) {
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const submit = async (event: SubmitEvent) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget as HTMLFormElement)
    setBusy(true)
    setError(undefined)
    try {
      props.onSignedIn(await getJson<Session>('/signin', { method: 'POST', body: { siteId: data.get('siteId'), pin: data.get('pin') } }))
    } catch (e) {
      setError((e as Error).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <main class="signin">
      <h1>Lead console</h1>
      <p>See the callback requests and form leads your site receives.</p>
      {props.notice && !error && (
        <p class="notice" role="status">
          {props.notice}
        </p>
      )}
      <form onSubmit={submit} aria-describedby={error ? 'signin-error' : undefined}>
        <label for="siteId">Client ID</label>
        <input id="siteId" name="siteId" autocomplete="username" autocapitalize="none" spellcheck={false} required />
        <label for="pin">Access PIN</label>
        <input id="pin" name="pin" type="password" inputMode="numeric" autocomplete="current-password" required />
        {error && (
          <p id="signin-error" class="error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p class="hint">Your session stays in this tab only and ends when you close it.</p>
    </main>
  )
}
