// A broken polyfill: the page's fetch returns a promise that never settles,
// whoever calls it.
window.fetch = function () {
  return new Promise(function () {})
}
