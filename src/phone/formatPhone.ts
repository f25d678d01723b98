import { AsYouType, type CountryCode, type MetadataJson } from 'libphonenumber-js/core'

/**
 * Formats what a visitor is typing, as they type, for the widget's field
 * (which shows the country's dialling code beside it). A full international
 * number (typed, pasted or autofilled: `+44…`, `0044…`) of a country in
 * `allowed` comes back national with that `country`, so the dialling code
 * never shows twice; one of any other country keeps its `+`. A lazy file of
 * its own: as-you-type formatting is most of libphonenumber-js's weight, and
 * only the widget's field needs it (form capture only validates).
 */
export function formatPhone(metadata: MetadataJson, input: string, country: string, allowed?: string[]): { text: string; country: string } {
  const known = (metadata as unknown as { countries: Record<string, unknown> }).countries
  // `(0)` is the trunk prefix printed after the dialling code on British and
  // European letterheads; it is never dialled in international format.
  const text = input.replace(/^\s*00/, '+').replace(/\(0\)/, '')
  if (text.trim()[0] === '+') {
    const typer = new AsYouType(undefined, metadata)
    const international = typer.input(text)
    const found = typer.getCountry()
    const number = typer.getNumber()
    if (found && number && typer.isValid() && (!allowed || !allowed.length || allowed.indexOf(found) >= 0) && known[found]) {
      return { text: new AsYouType(found as CountryCode, metadata).input(number.formatNational()), country: found }
    }
    return { text: international, country }
  }
  if (!known[country]) return { text: input, country }
  return { text: new AsYouType(country as CountryCode, metadata).input(input), country }
}
