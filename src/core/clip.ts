/**
 * A free-text value as the contract wants it: trimmed, cut to `max` UTF-16
 * units without splitting a surrogate pair, and `undefined` when empty
 * (absent keys are left out, never sent as empty strings).
 */
export function clip(value: unknown, max: number): string | undefined {
  if (typeof value !== 'string') return undefined
  let text = value.trim()
  if (text.length > max) {
    text = text.slice(0, max)
    if (/[\uD800-\uDBFF]$/.test(text)) text = text.slice(0, -1)
  }
  return text || undefined
}

/** Drops keys whose value is `undefined` or an empty object, so the JSON carries only what is known. */
export function compact<T extends Record<string, unknown>>(value: T): T | undefined {
  const out: Record<string, unknown> = {}
  let any = false
  for (const key of Object.keys(value)) {
    const item = value[key]
    if (item === undefined) continue
    out[key] = item
    any = true
  }
  return any ? (out as T) : undefined
}
