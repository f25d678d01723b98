import { describe, expect, it } from 'vitest'
import { loadTexts } from '../../src/widget/loadTexts'
import de from '../../src/widget/i18n/de'
import es from '../../src/widget/i18n/es'
import fr from '../../src/widget/i18n/fr'
import { EN, fill } from '../../src/widget/texts'

describe('loadTexts', () => {
  it('loads the strings of German, French and Spanish, for any region', async () => {
    expect((await loadTexts('de-AT', {})).texts.title).toBe(de.title)
    expect((await loadTexts('es-MX', {})).texts.now).toBe('Llámenme ahora')
    expect((await loadTexts('fr-CA', {})).texts.phone).toBe('Votre numéro de téléphone')
  })

  it('falls back to English strings for other languages, with their direction', async () => {
    const arabic = await loadTexts('ar-EG', undefined)
    expect(arabic).toMatchObject({ locale: 'ar-EG', dir: 'rtl' })
    expect(arabic.texts).toEqual(EN)
    expect((await loadTexts('he', undefined)).dir).toBe('rtl')
    expect((await loadTexts('ja', undefined)).dir).toBe('ltr')
  })

  it('lets the config override any string, and ignores unknown keys and non-strings', async () => {
    const { texts } = await loadTexts('de', { now: 'Ruf mich an', nonsense: 'x', title: 5 as unknown as string })
    expect(texts.now).toBe('Ruf mich an')
    expect(texts.title).toBe(de.title)
    expect('nonsense' in texts).toBe(false)
  })

  it('has every English string in German, French and Spanish, with the same placeholders', () => {
    for (const language of [de, fr, es]) {
      // `scheduledOne` only where a language says one o'clock otherwise (Spanish).
      const keys = Object.keys(EN).filter((key) => key !== 'scheduledOne' || key in language)
      expect(Object.keys(language).sort()).toEqual(keys.sort())
      for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
        if (key === 'scheduledOne') continue
        // The same placeholders; a language puts them in its own order.
        expect((language[key]!.match(/\{\w+\}/g) || []).sort(), key).toEqual((EN[key].match(/\{\w+\}/g) || []).sort())
      }
    }
  })

  it('fills placeholders as text', () => {
    expect(fill(EN.calling, { phone: '+44740•••3456' })).toBe('We are calling you now on +44740•••3456.')
    expect(fill('{a} {b}', { a: '<b>' })).toBe('<b> {b}')
  })
})
