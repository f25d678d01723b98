// The loader snippet of embedding.md, and a recorder of the SDK's events for the tests to read.
window.ringback = window.ringback || function () { (ringback.q = ringback.q || []).push(arguments) }
window.__events = []
;['submit', 'success', 'error'].forEach(function (name) {
  ringback('on', name, function (payload) { window.__events.push({ name: name, payload: payload }) })
})
