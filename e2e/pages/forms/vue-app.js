// A Vue 3 form with v-model in an in-DOM template, as an app writes it: a
// fetch on submit, then the fields are cleared. Ringback runs through the
// composable of docs/npm.md (./useRingback.js, the npm package).
// Bundled with esbuild (code splitting on) by e2e/forms.spec.ts, with `vue`
// as Vue's full build, which compiles in-DOM templates.
import { createApp, ref } from 'vue'
import { useRingback } from './useRingback.js'

// The test site fills in the script tag's URL; the API is its origin.
const { site, api } = document.documentElement.dataset

const app = createApp({
  setup() {
    useRingback({ site, api: api.replace(/\/ringback\.js$/, '') })
    const name = ref('')
    const phone = ref('')
    const message = ref('')
    const sent = ref(false)
    const send = () => {
      fetch('/api/quote', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ name: name.value, phone: phone.value }) })
      name.value = ''
      phone.value = ''
      message.value = ''
      sent.value = true
    }
    return { name, phone, message, sent, send }
  }
})
app.mount('#app')
// For the test of the composable's cleanup.
window.__unmount = () => app.unmount()
