import { describe, expect, it } from 'vitest'
import de from '../../src/widget/i18n/de'
import es from '../../src/widget/i18n/es'
import fr from '../../src/widget/i18n/fr'
import { describeCall } from '../../src/widget/describeCall'
import { EN, type Texts } from '../../src/widget/texts'

const at = Date.parse('2026-12-03T05:00:00Z')
const phone = '+44 7400 123456'
const texts = (own: Partial<Texts>) => ({ ...EN, ...own }) as Texts

describe('describeCall: the confirmation of a scheduled call', () => {
  it('is a grammatical sentence in each language, never "at Thursday"', () => {
    expect(describeCall(EN, phone, at, 'en-GB', 'Europe/London', 'Europe/London')).toBe('We will call you on +44 7400 123456 on Thursday 3 December at 5:00.')
    expect(describeCall(EN, phone, at, 'en-US', 'Europe/London', 'Europe/London')).toBe('We will call you on +44 7400 123456 on Thursday, December 3 at 5:00 AM.')
    expect(describeCall(texts(de), phone, at, 'de', 'Europe/Berlin', 'Europe/Berlin')).toBe('Wir rufen Sie am Donnerstag, 3. Dezember um 6:00 unter +44 7400 123456 an.')
    expect(describeCall(texts(fr), phone, at, 'fr', 'Europe/Paris', 'Europe/Paris')).toBe('Nous vous appellerons au +44 7400 123456 le jeudi 3 décembre à 6:00.')
    expect(describeCall(texts(es), phone, at, 'es', 'Europe/Madrid', 'Europe/Madrid')).toBe('Le llamaremos al +44 7400 123456 el jueves, 3 de diciembre a las 6:00.')
  })

  it("says the business's time beside the visitor's where they differ", () => {
    expect(describeCall(EN, phone, at, 'en-US', 'America/New_York', 'Europe/London')).toBe(
      'We will call you on +44 7400 123456 on Thursday, December 3 at 12:00 AM (5:00 AM in London).'
    )
    expect(describeCall(texts(de), phone, Date.parse('2026-12-03T09:00:00Z'), 'de', 'America/New_York', 'Europe/London')).toBe(
      'Wir rufen Sie am Donnerstag, 3. Dezember um 4:00 (9:00 in London) unter +44 7400 123456 an.'
    )
  })

  it('says one o\'clock as Spanish does ("a la 1:00"), and "a las" otherwise', () => {
    expect(describeCall(texts(es), phone, Date.parse('2026-12-03T12:00:00Z'), 'es', 'Europe/Madrid', 'Europe/Madrid')).toBe(
      'Le llamaremos al +44 7400 123456 el jueves, 3 de diciembre a las 13:00.'
    )
    expect(describeCall(texts(es), phone, Date.parse('2026-12-03T00:00:00Z'), 'es', 'Europe/Madrid', 'Europe/Madrid')).toBe(
      'Le llamaremos al +44 7400 123456 el jueves, 3 de diciembre a la 1:00.'
    )
    // A 12-hour clock: `1:00 p.m.`, and one full stop at the end.
    expect(describeCall(texts(es), phone, Date.parse('2026-12-03T19:00:00Z'), 'es-US', 'America/Mexico_City', 'America/Mexico_City')).toMatch(
      /^Le llamaremos al \+44 7400 123456 el jueves, 3 de diciembre a la 1:00\sp\.\s?m\.$/
    )
  })
})
