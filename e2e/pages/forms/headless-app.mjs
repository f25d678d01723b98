// An application that uses form capture alone: `ringback/forms`, no widget.
// Bundled with esbuild (code splitting on) by e2e/forms.spec.ts.
import { captureForms } from 'ringback/forms'

// The test site fills in the script tag's URL; the API is its origin.
const rb = captureForms({ site: 'demo', api: document.documentElement.dataset.api.replace(/\/ringback\.js$/, '') })
window.__events = []
for (const name of ['submit', 'success', 'error']) rb.on(name, (payload) => window.__events.push({ name, payload }))
