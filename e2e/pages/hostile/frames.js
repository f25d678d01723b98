var query = new URLSearchParams(location.search)
var frame = document.createElement('iframe')
if (query.has('sandbox')) frame.setAttribute('sandbox', query.get('sandbox'))
frame.title = 'Contact form'
frame.width = '600'
frame.height = '500'
frame.src = query.get('src')
document.body.appendChild(frame)
