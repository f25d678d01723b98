// Served into every page of the engine suites, before the page's own
// scripts (recordingProxy.ts puts it there): WebDriver classic, which drives
// WebKit, can neither read a page's console nor run a script before the
// page's, so the page records what went wrong itself. Entries go to
// sessionStorage, so that they outlive a form that navigates away.
;(function () {
  var KEY = 'engines:log'
  var memory = []
  var add = function (kind, text) {
    var entry = kind + ': ' + text
    try {
      var kept = JSON.parse(sessionStorage.getItem(KEY) || '[]')
      kept.push(entry)
      sessionStorage.setItem(KEY, JSON.stringify(kept))
    } catch (e) {
      memory.push(entry)
    }
  }
  // Hands over what was recorded so far, and forgets it.
  Object.defineProperty(window, '__enginesLog', {
    value: function () {
      var all = memory.splice(0)
      try {
        all = JSON.parse(sessionStorage.getItem(KEY) || '[]').concat(all)
        sessionStorage.removeItem(KEY)
      } catch (e) {}
      return all
    }
  })
  // Safari's stacks leave out the message: both are kept, and the file.
  addEventListener('error', function (event) {
    if (event.error || event.message) add('error', event.message + ' at ' + event.filename + '\n' + ((event.error && event.error.stack) || ''))
  })
  addEventListener('unhandledrejection', function (event) {
    var reason = event.reason
    add('rejection', String(reason) + '\n' + ((reason && reason.stack) || ''))
  })
  document.addEventListener('securitypolicyviolation', function (event) {
    add('csp', event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sourceFile)
  })
  ;['error', 'warn'].forEach(function (level) {
    var original = console[level]
    console[level] = function () {
      add('console.' + level, Array.prototype.map.call(arguments, String).join(' ') + '\n' + new Error().stack)
      return original.apply(this, arguments)
    }
  })
})()
