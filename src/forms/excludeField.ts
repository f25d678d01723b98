import type { FieldInfo } from './describeField'

/** Containers and fields that are traps for bots (WPForms, Gravity Forms, Formidable, others): never a person's data. */
const HONEYPOT = '[class*=honeypot],[id*=honeypot],[class*=hpot],[class*=validation_container],[class*=-hp],[class*=frm_verify],[class*=ohnohoney]'

/** Names and labels of payment cards, bank accounts and secrets. */
const SECRET =
  /\b(?:card|cards|card ?number|cardnumber|ccnum|cc ?num|cc ?number|cc ?exp|cvv|cvv2|cvc|csc|cvn|security ?code|expir\w*|exp ?date|iban|bic|swift|sort ?code|routing|kreditkarte\w*|karte\w*|tarjeta|carte|cartao|pin|ssn|social ?security|password|passwort|kennwort|contrasena|mot de passe|otp|one ?time|verification ?code|2fa|captcha)\b/

/**
 * Why a field's value must never leave the page, or `undefined` when it may
 * be mapped: passwords, one-time codes, payment cards (by autocomplete or
 * by name), hidden and file inputs, honeypots, and what the site marked
 * `data-ringback="ignore"`. Decided before any mapping, whatever the field's
 * words say, so that a card field labelled "number" is never a phone.
 */
export function excludeField(field: FieldInfo): string | undefined {
  const { kind, autocomplete } = field
  if (kind === 'password' || /password$/.test(autocomplete)) return 'password'
  if (kind === 'hidden') return 'hidden input'
  if (kind === 'file') return 'file input'
  if (field.el.closest('[data-ringback=ignore]')) return 'data-ringback="ignore"'
  if (autocomplete === 'one-time-code') return 'one-time code'
  if (/^cc-/.test(autocomplete)) return 'payment card'
  if (SECRET.test(field.words)) return 'payment card or secret'
  if (field.el.closest(HONEYPOT)) return 'honeypot (a trap for bots)'
  return undefined
}
