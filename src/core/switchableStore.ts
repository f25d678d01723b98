import { memoryStore, type Store } from './safeStorage'

/** A store that keeps its keys in memory or in the browser's storage, and can move them between the two. */
export interface SwitchableStore extends Store {
  /** `true`: keep keys in the persistent store; `false`: move them into memory and delete them there. */
  persist(yes: boolean): void
}

/**
 * Privacy choices decide where the SDK may keep things, and they can change
 * during a page view (a consent banner, the site config arriving). This
 * store follows them without its users knowing: what was in memory is
 * written out when persistence is granted, and removed from the browser's
 * storage when it is withdrawn.
 */
export function switchableStore(persistent: Store, prefix: string, initially: boolean): SwitchableStore {
  const memory = memoryStore()
  let current = initially ? persistent : memory
  return {
    get: (key) => current.get(key),
    set: (key, value) => current.set(key, value),
    remove: (key) => current.remove(key),
    keys: (p) => current.keys(p),
    persist(yes) {
      const next = yes ? persistent : memory
      if (next === current) return
      for (const key of current.keys(prefix)) {
        next.set(key, current.get(key)!)
        current.remove(key)
      }
      current = next
    }
  }
}
