// An application that starts ringback from npm and opens the scheduling view
// at once, before the site config can have arrived. Bundled with esbuild
// (code splitting on) by e2e/launcher.spec.ts.
import { init } from 'ringback'

window.__events = []
// The test site fills in the script tag's URL; the API is its origin.
const rb = init({ site: 'demo', api: document.documentElement.dataset.api.replace(/\/ringback\.js$/, '') })
for (const name of ['ready', 'open', 'close']) rb.on(name, (payload) => window.__events.push(name + (payload && payload.mode ? ':' + payload.mode : '')))
rb.open('schedule')
