/** Every key the SDK writes starts with this, so `forget` can find them all. */
export const PREFIX = 'ringback:'

/**
 * A key-value store that never throws. Storage can be missing, blocked
 * (sandboxed iframes, "block all cookies", Safari's private mode in old
 * versions) or full; then values live in memory for the life of the page.
 */
export interface Store {
  get(key: string): string | null
  set(key: string, value: string): void
  remove(key: string): void
  /** Keys that start with `prefix`. */
  keys(prefix: string): string[]
}

export function memoryStore(): Store {
  const map = new Map<string, string>()
  return {
    get: (key) => (map.has(key) ? map.get(key)! : null),
    set: (key, value) => void map.set(key, value),
    remove: (key) => void map.delete(key),
    keys: (prefix) => [...map.keys()].filter((key) => key.startsWith(prefix))
  }
}

/**
 * `localStorage` or `sessionStorage` behind a memory fallback: a key that
 * could not be written to the browser's storage is kept in memory, and reads
 * look there first.
 */
export function safeStorage(kind: 'localStorage' | 'sessionStorage'): Store {
  const memory = memoryStore()
  const real = (): Storage | undefined => {
    try {
      // The getter itself throws where storage is blocked.
      return typeof window === 'undefined' ? undefined : window[kind]
    } catch {
      return undefined
    }
  }
  return {
    get(key) {
      const kept = memory.get(key)
      if (kept !== null) return kept
      try {
        return real()?.getItem(key) ?? null
      } catch {
        return null
      }
    },
    set(key, value) {
      try {
        const s = real()
        if (s) {
          s.setItem(key, value)
          memory.remove(key)
          return
        }
      } catch {
        // Full or blocked: keep it for this page at least.
      }
      memory.set(key, value)
    },
    remove(key) {
      memory.remove(key)
      try {
        real()?.removeItem(key)
      } catch {
        // Nothing to remove where nothing could be written.
      }
    },
    keys(prefix) {
      const found = memory.keys(prefix)
      try {
        const s = real()
        for (let i = 0; s && i < s.length; i++) {
          const key = s.key(i)
          if (key && key.startsWith(prefix) && found.indexOf(key) < 0) found.push(key)
        }
      } catch {
        // Memory alone then.
      }
      return found
    }
  }
}

const FORBIDDEN = /^(?:__proto__|constructor|prototype)$/

/**
 * `JSON.parse` for text read back from storage, which other scripts on the
 * page can write: keys that could reach an object's prototype are dropped,
 * and anything unparsable reads as `undefined`.
 */
export function parseStored<T>(text: string | null): T | undefined {
  if (!text) return undefined
  try {
    return JSON.parse(text, (key, value) => (FORBIDDEN.test(key) ? undefined : value)) as T
  } catch {
    return undefined
  }
}
