// The quote form posts with fetch, as single-page sites do, and shows its answer in place.
document.getElementById('quote').addEventListener('submit', function (event) {
  event.preventDefault()
  var form = event.currentTarget
  var data = Object.fromEntries(new FormData(form))
  fetch('/api/quote', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(data) })
    .then(function (response) { return response.json() })
    .then(function () {
      form.hidden = true
      document.getElementById('quote-done').hidden = false
    })
})
