// A React 19 form with controlled inputs, as an app writes it: state per
// field, onSubmit with preventDefault, a fetch, then the state is cleared
// and the form replaced by a thank-you message.
// Bundled with esbuild by e2e/forms.spec.ts.
import { createElement as h, useState } from 'react'
import { createRoot } from 'react-dom/client'

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
  const field = (label, value, set, props) =>
    h('label', null, label, h('input', { value, onChange: (e) => set(e.target.value), ...props }))
  if (sent) return h('p', { id: 'sent' }, 'Sent! We will call you.')
  return h(
    'form',
    { id: 'react-quote', onSubmit },
    field('Your name', name, setName, { name: 'name', required: true }),
    field('Phone number', phone, setPhone, { type: 'tel', name: 'phoneNumber', required: true }),
    field('Email', email, setEmail, { type: 'email', name: 'email' }),
    h('button', { type: 'submit' }, 'Send')
  )
}

createRoot(document.getElementById('root')).render(h(QuoteForm))
