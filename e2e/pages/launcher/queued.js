// What a site does through the loader snippet before ringback.js has arrived:
// listen, then open, close and open the scheduling view (as a page's own
// "book a call" flow might). `?inspect` queues the forms inspector too.
window.__events = []
for (const name of ['ready', 'open', 'close', 'error']) {
  ringback('on', name, (payload) => window.__events.push(name + (payload && payload.mode ? ':' + payload.mode : payload && payload.code ? ':' + payload.code : '')))
}
ringback('open')
ringback('close')
ringback('open', 'schedule')
if (/[?&]inspect\b/.test(location.search)) ringback('inspect')

// An AJAX contact form: the page hands it to ringback, then clears it.
document.addEventListener('click', (event) => {
  if (event.target.id !== 'send') return
  const form = document.getElementById('contact')
  ringback('capture', form)
  form.reset()
})
