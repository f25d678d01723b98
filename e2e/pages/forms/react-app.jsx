// A React 19 form with controlled inputs, as an app writes it: state per
// field, onSubmit with preventDefault, a fetch, then the state is cleared
// and the form replaced by a thank-you message. Ringback runs through the
// component of docs/npm.md (./Ringback.jsx, the npm package).
// Bundled with esbuild (code splitting on) by e2e/forms.spec.ts.
import { StrictMode, useState } from 'react'
import { createRoot } from 'react-dom/client'
import { Ringback } from './Ringback.jsx'

function QuoteForm() {
  const [name, setName] = useState('')
  const [phone, setPhone] = useState('')
  const [email, setEmail] = useState('')
  const [sent, setSent] = useState(false)
  const onSubmit = (event) => {
    event.preventDefault()
    fetch('/api/quote', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name, phone, email }) })
    setName('')
    setPhone('')
    setEmail('')
    setSent(true)
  }
  const field = (label, value, set, props) => (
    <label>
      {label}
      <input value={value} onChange={(e) => set(e.target.value)} {...props} />
    </label>
  )
  if (sent) return <p id="sent">Sent! We will call you.</p>
  return (
    <form id="react-quote" onSubmit={onSubmit}>
      {field('Your name', name, setName, { name: 'name', required: true })}
      {field('Phone number', phone, setPhone, { type: 'tel', name: 'phoneNumber', required: true })}
      {field('Email', email, setEmail, { type: 'email', name: 'email' })}
      <button type="submit">Send</button>
    </form>
  )
}

// The test site fills in the script tag's URL; the API is its origin.
const { site, api } = document.documentElement.dataset
const root = createRoot(document.getElementById('root'))
root.render(
  <StrictMode>
    <Ringback site={site} api={api.replace(/\/ringback\.js$/, '')} />
    <QuoteForm />
  </StrictMode>
)
// For the test of the component's cleanup.
window.__unmount = () => root.unmount()
