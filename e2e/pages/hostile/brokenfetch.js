// A broken polyfill: the page's fetch returns a promise that never settles,
// whoever calls it (the SDK's request is held until it gives up on it).
window.fetch = function () {
  return new Promise(function () {})
}
