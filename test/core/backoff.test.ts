import { describe, expect, it } from 'vitest'
import { BACKOFF_BASE_MS, BACKOFF_CAP_MS, backoff } from '../../src/core/backoff'

describe('backoff', () => {
  it('doubles the window with each try and caps it', () => {
    const top = () => 0.999999
    expect(backoff(1, top)).toBe(BACKOFF_BASE_MS - 1)
    expect(backoff(2, top)).toBe(2 * BACKOFF_BASE_MS - 1)
    expect(backoff(3, top)).toBe(4 * BACKOFF_BASE_MS - 1)
    expect(backoff(10, top)).toBe(BACKOFF_CAP_MS - 1)
    expect(backoff(50, top)).toBe(BACKOFF_CAP_MS - 1)
  })

  it('spreads retries over the whole window (full jitter)', () => {
    expect(backoff(4, () => 0)).toBe(0)
    expect(backoff(4, () => 0.5)).toBe(4 * BACKOFF_BASE_MS)
  })

  it("never retries before the platform's Retry-After", () => {
    expect(backoff(1, () => 0, 2)).toBe(2000)
    expect(backoff(1, () => 0.99, 0.2)).toBe(990)
    expect(backoff(20, () => 0, 120)).toBe(120000)
  })
})
