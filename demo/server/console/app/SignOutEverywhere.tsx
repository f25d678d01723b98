import { useState } from 'preact/hooks'
import { api } from './api'

/**
 * Ends every session of the site on every device and every sign-in link not
 * used yet, this session included: for a lost phone, a shared link sent to
 * the wrong person, or someone who should no longer see the requests.
 */
export function SignOutEverywhere(props: { onDone: () => void }) {
  const [error, setError] = useState<string>()
  const [busy, setBusy] = useState(false)

  const signOutEverywhere = async () => {
    setBusy(true)
    try {
      await api('/signout-everywhere', { method: 'POST' })
      props.onDone()
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }

  return (
    <section class="card" aria-labelledby="everywhere-title">
      <h2 id="everywhere-title">Sign out everywhere</h2>
      <p>
        Ends every session of this site on every device, this one included, and cancels every sign-in link not used yet. Use it when a phone is lost or someone should no
        longer see your requests. Changing the PIN does the same.
      </p>
      <button type="button" class="secondary" disabled={busy} onClick={signOutEverywhere}>
        Sign out everywhere
      </button>
      {error && <p role="alert">{error}</p>}
    </section>
  )
}
