// The form leaves for the origin named in the query (`?to=`): as a plain
// post to it, or (`&js`) by a script 0 ms after the submit.
var form = document.getElementById('leave')
var query = new URLSearchParams(location.search)
form.action = query.get('to') + '/contact'
form.addEventListener('submit', function (event) {
  if (!query.has('js')) return
  event.preventDefault()
  setTimeout(function () { location.href = query.get('to') + '/thanks.html' }, 0)
})
