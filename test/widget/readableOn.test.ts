import { describe, expect, it } from 'vitest'
import { readableOn } from '../../src/widget/readableOn'

const luminance = (hex: string) => {
  const c = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((v) => (v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
  return 0.2126 * c[0]! + 0.7152 * c[1]! + 0.0722 * c[2]!
}
const contrast = (a: string, b: string) => {
  const [x, y] = [luminance(a), luminance(b)].sort((p, q) => q - p)
  return (x! + 0.05) / (y! + 0.05)
}
const expand = (hex: string) => (hex.length === 4 ? '#' + [...hex.slice(1)].map((c) => c + c).join('') : hex)

describe('readableOn', () => {
  it('picks white on dark accents and near-black on light ones', () => {
    expect(readableOn('#0a7d5a')).toBe('#fff')
    expect(readableOn('#1d4ed8')).toBe('#fff')
    expect(readableOn('#ffd400')).toBe('#000')
    expect(readableOn('#ffffff')).toBe('#000')
  })

  it('reaches 4.5:1 on every accent (a sweep of the colour cube)', () => {
    let worst = 21
    for (let r = 0; r < 256; r += 15) {
      for (let g = 0; g < 256; g += 15) {
        for (let b = 0; b < 256; b += 15) {
          const hex = '#' + [r, g, b].map((v) => v.toString(16).padStart(2, '0')).join('')
          worst = Math.min(worst, contrast(hex, expand(readableOn(hex))))
        }
      }
    }
    expect(worst).toBeGreaterThanOrEqual(4.5)
  })
})
