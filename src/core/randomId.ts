/**
 * A UUID v4 for a request's `id`, the idempotency key. `crypto.randomUUID`
 * exists only in secure contexts, so plain-http pages build one from
 * `crypto.getRandomValues`, which every browser has everywhere.
 */
export function randomId(): string {
  const c = globalThis.crypto
  if (typeof c.randomUUID === 'function') return c.randomUUID()
  const b = c.getRandomValues(new Uint8Array(16))
  b[6] = (b[6]! & 0x0f) | 0x40
  b[8] = (b[8]! & 0x3f) | 0x80
  let hex = ''
  for (let i = 0; i < 16; i++) hex += (b[i]! + 0x100).toString(16).slice(1)
  return hex.slice(0, 8) + '-' + hex.slice(8, 12) + '-' + hex.slice(12, 16) + '-' + hex.slice(16, 20) + '-' + hex.slice(20)
}
