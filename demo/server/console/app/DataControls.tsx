import { useState } from 'preact/hooks'
import { api, getJson } from './api'
import { timeFormat } from './format'
import { SignOutEverywhere } from './SignOutEverywhere'
import type { Me } from './types'

/** Erasure on a visitor's request, deletion of everything, retention, a sign-in link to share, and signing out everywhere. */
export function DataControls(props: { me: Me; onSignedOutEverywhere: () => void }) {
  const [eraseResult, setEraseResult] = useState<string>()
  const [deleteResult, setDeleteResult] = useState<string>()
  const [link, setLink] = useState<{ url: string; expiresAt: string }>()
  const [linkError, setLinkError] = useState<string>()
  const time = timeFormat(props.me.timeZone)

  const erase = async (event: SubmitEvent) => {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const phone = String(new FormData(form).get('phone') || '')
    try {
      const { deleted } = await getJson<{ deleted: number }>('/erase', { method: 'POST', body: { phone } })
      setEraseResult(deleted ? `Erased ${deleted} request${deleted === 1 ? '' : 's'} with that number.` : 'No requests with that number.')
      form.reset()
    } catch (e) {
      setEraseResult((e as Error).message)
    }
  }

  const deleteAll = async (event: SubmitEvent) => {
    event.preventDefault()
    const form = event.currentTarget as HTMLFormElement
    const confirmId = String(new FormData(form).get('confirm') || '')
    if (confirmId !== props.me.siteId) return setDeleteResult('Type the Client ID exactly to confirm.')
    try {
      const { requests } = await getJson<{ requests: number }>('/data?confirm=' + encodeURIComponent(confirmId), { method: 'DELETE' })
      setDeleteResult(`Deleted ${requests} requests and the error log.`)
      form.reset()
    } catch (e) {
      setDeleteResult((e as Error).message)
    }
  }

  const share = async () => {
    try {
      const answer = await (await api('/links', { method: 'POST', body: { hours: 24 } })).json()
      setLink({ url: location.origin + answer.path, expiresAt: answer.expiresAt })
      setLinkError(undefined)
    } catch (e) {
      setLinkError((e as Error).message)
    }
  }

  return (
    <div class="grid">
      <section class="card" aria-labelledby="erase-title">
        <h2 id="erase-title">Erase a visitor's data</h2>
        <p>When someone asks to be forgotten, erase every request with their number. The receiver keeps no other copy.</p>
        <form onSubmit={erase}>
          <label for="erase-phone">Phone number</label>
          <input id="erase-phone" name="phone" type="tel" autocomplete="off" required aria-describedby="erase-hint" />
          <p id="erase-hint" class="hint">
            National numbers are read as numbers in your own country; others need their + code.
          </p>
          <button type="submit">Erase</button>
          <p role="status">{eraseResult}</p>
        </form>
      </section>
      <section class="card" aria-labelledby="retention-title">
        <h2 id="retention-title">Retention</h2>
        <p>
          Requests and error log entries older than <strong>{props.me.retentionDays} days</strong> are deleted automatically.
        </p>
      </section>
      <section class="card" aria-labelledby="link-title">
        <h2 id="link-title">Sign-in link</h2>
        <p>A link that signs a colleague in once, without the PIN. It stops working when you sign out, and their session ends when yours would.</p>
        <button type="button" class="secondary" onClick={share}>
          Create a link
        </button>
        {link && (
          <p>
            <label for="share-link">Link (valid until {time(link.expiresAt)}, one use)</label>
            <input id="share-link" readOnly value={link.url} onFocus={(e) => e.currentTarget.select()} />
          </p>
        )}
        {linkError && <p role="alert">{linkError}</p>}
      </section>
      <SignOutEverywhere onDone={props.onSignedOutEverywhere} />
      <section class="card danger-zone" aria-labelledby="delete-title">
        <h2 id="delete-title">Delete all data</h2>
        <p>Deletes every request, call outcome, refused lead, webhook delivery and error log entry of this site. This cannot be undone.</p>
        <form onSubmit={deleteAll}>
          <label for="delete-confirm">Type the Client ID ({props.me.siteId}) to confirm</label>
          <input id="delete-confirm" name="confirm" autocomplete="off" autocapitalize="none" required />
          <button type="submit" class="danger">
            Delete all data
          </button>
          <p role="status">{deleteResult}</p>
        </form>
      </section>
    </div>
  )
}
