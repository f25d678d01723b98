import { afterEach, describe, expect, it, vi } from 'vitest'
import { parseStored, safeStorage } from '../../src/core/safeStorage'

/** A `localStorage` whose every call throws, as in blocked or full storage. */
const throwing = () => {
  const fail = () => {
    throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
  }
  return {
    getItem: fail,
    setItem: fail,
    removeItem: fail,
    key: fail,
    get length(): number {
      return fail()
    }
  }
}

describe('safeStorage', () => {
  afterEach(() => vi.unstubAllGlobals())

  it('keeps values in memory when every storage call throws, and never throws itself', () => {
    vi.stubGlobal('window', { localStorage: throwing() })
    const store = safeStorage('localStorage')
    store.set('ringback:o:a', '1')
    expect(store.get('ringback:o:a')).toBe('1')
    expect(store.keys('ringback:o:')).toEqual(['ringback:o:a'])
    store.remove('ringback:o:a')
    expect(store.get('ringback:o:a')).toBeNull()
  })

  it('survives a storage getter that throws (sandboxed frames)', () => {
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw new DOMException('The document is sandboxed.', 'SecurityError')
      }
    })
    const store = safeStorage('localStorage')
    store.set('k', 'v')
    expect(store.get('k')).toBe('v')
  })
})

describe('parseStored', () => {
  it('never lets stored keys reach a prototype', () => {
    const parsed = parseStored<Record<string, unknown>>('{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"a":{"__proto__":{"x":1},"b":2}}')
    expect(parsed).toEqual({ a: { b: 2 } })
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype)
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    expect(Object.prototype.hasOwnProperty.call(parsed, '__proto__')).toBe(false)
  })

  it('reads anything unparsable as undefined', () => {
    expect(parseStored('{nope')).toBeUndefined()
    expect(parseStored(null)).toBeUndefined()
    expect(parseStored('')).toBeUndefined()
  })
})
