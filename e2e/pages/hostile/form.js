// The page's own handling of its form: it stays on the page and says so.
var form = document.getElementById('contact')
form.addEventListener('submit', function (event) {
  event.preventDefault()
  document.getElementById('done').textContent = 'Thanks, ' + form.elements.namedItem('name').value
})
