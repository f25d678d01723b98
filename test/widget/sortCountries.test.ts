import { describe, expect, it } from 'vitest'
import { sortCountries } from '../../src/widget/sortCountries'

const named = (locale: string, codes: string[]) => {
  const names = new Intl.DisplayNames([locale], { type: 'region' })
  return codes.map((code) => ({ code, name: names.of(code)!, dial: '' }))
}

describe('sortCountries', () => {
  it('puts the default country first and the rest by name in the widget’s language', () => {
    const codes = ['US', 'AX', 'DE', 'GB', 'AL', 'AT', 'OM', 'IE']
    expect(sortCountries(named('en', codes), 'GB', 'en').map((c) => c.code)).toEqual(['GB', 'AX', 'AL', 'AT', 'DE', 'IE', 'OM', 'US'])
    // German names: Deutschland, Irland, Oman, Österreich (Ö sorts as O), Vereinigte Staaten, Vereinigtes Königreich.
    expect(sortCountries(named('de', codes), 'DE', 'de').map((c) => c.code)).toEqual(['DE', 'AX', 'AL', 'IE', 'OM', 'AT', 'US', 'GB'])
  })

  it('keeps the order by name when the default is not offered', () => {
    expect(sortCountries(named('en', ['IE', 'GB']), 'FR', 'en').map((c) => c.code)).toEqual(['IE', 'GB'])
  })
})
