import type { FieldInfo } from './describeField'

/**
 * What a field is for. `country`, `area`, `local`, `localPrefix` and
 * `localSuffix` are parts of a phone number split over several fields;
 * `given` and `family` are parts of a name.
 */
export type Role = 'phone' | 'country' | 'area' | 'local' | 'localPrefix' | 'localSuffix' | 'name' | 'given' | 'family' | 'email' | 'message'

/** A role and how sure: 0 marked by the site, 1 autocomplete token, 2 input type, 3 words. */
export interface Classified {
  role: Role
  rank: number
}

const ROLES = ['phone', 'name', 'email', 'message']

/** Autofill field names (HTML spec) and the role each means. */
const AUTOCOMPLETE: Record<string, Role> = {
  tel: 'phone',
  'tel-national': 'phone',
  'tel-country-code': 'country',
  'tel-area-code': 'area',
  'tel-local': 'local',
  'tel-local-prefix': 'localPrefix',
  'tel-local-suffix': 'localSuffix',
  name: 'name',
  'given-name': 'given',
  'family-name': 'family',
  email: 'email'
}

/** Other autofill field names: the site said what the field is, and it is none of ours. */
const OTHER_AUTOCOMPLETE =
  /^(?:honorific-\w+|additional-name|nickname|username|organization(?:-title)?|street-address|address-line\d|address-level\d|country(?:-name)?|postal-code|bday(?:-\w+)?|sex|url|photo|language|tel-extension|impp|transaction-\w+|webauthn)$/

/** Inputs that hold what a visitor types; others (checkboxes, dates, buttons) are never taken. */
const TYPED = /^(?:text|tel|email|number|search|url|textarea|select-one)$/

/** Words that say a field is not a person's phone, name, email or message, whatever else it says. */
const NOT_OURS =
  /\b(?:fax|telefax|company|firma|business|organi[sz]ation|empresa|societe|entreprise|azienda|bedrijf|user ?name|username|login|domain|website|url|street|strasse|calle|rue|house|haus|hausnummer|civico|apartment|apt|suite|city|stadt|ciudad|ville|zip|plz|postal|postcode|order|bestell|commande|pedido|invoice|rechnung|factura|facture|quantity|qty|coupon|voucher|promo|subject|betreff|asunto|objet|search|suche|buscar|recherche|file|product|event|vat|ust|tva|iva|siret|account|konto|cuenta)\b/

/** Words that say a field holds some other number. */
const NOT_PHONE =
  /\b(?:fax|telefax|order|bestell\w*|commande|pedido|invoice|rechnung|factura|facture|house|haus|hausnummer|civico|apartment|street|strasse|calle|zip|plz|postal|postcode|quantity|qty|vat|tva|iva|siret|account|konto|cuenta|coupon|voucher|ticket|serial|model)\b/

/** A phone number split over fields: its first part, the country calling code or prefix. */
const COUNTRY_CODE =
  /\b(?:country ?code|dial(?:ing)? ?code|calling ?code|phone ?code|phone ?prefix|tel ?prefix|vorwahl|landesvorwahl|ortsvorwahl|area ?code|indicatif|prefijo|prefisso|prefixo|code pays|ddi)\b/

/** Phone in many languages (lower case, accents removed). */
const PHONE_WORDS =
  /\b(?:tel|telnr|telno|mobi\w*|cell\w*|cel|celular|handy|handynummer|portable|rufnummer|numero|contact (?:number|no)|movil|movel|telemovel|gsm|whats ?app|puhelin|puhelinnumero)\b|phone|telefon|telefoon|τηλ|κινητ|телеф|мобильн|電話|电话|手机|携帯|전화|هاتف|جوال|טלפון/

const EMAIL_WORDS = /\b(?:e ?mail|email|courriel|correo|mail|posta elettronica|eposta|e ?post|sahkoposti)\b|почт|メール|邮箱|이메일/
const MESSAGE_WORDS =
  /\b(?:message|messages|msg|nachricht|mitteilung|anliegen|mensaje|mensagem|messaggio|bericht|bericht|comment|comments|kommentar|comentario|commentaire|commento|enquiry|inquiry|anfrage|consulta|demande|richiesta|details|question|questions|frage|pregunta|note|notes|remarque|opmerking|how can we help|description|beschreibung|your request)\b|お問い合わせ|留言|сообщен/
const GIVEN_WORDS = /\b(?:first ?name|firstname|fname|first|given ?name|given|forename|vorname|prenom|voornaam|nome proprio)\b/
const FAMILY_WORDS =
  /\b(?:last ?name|lastname|lname|last|surname|family ?name|family|nachname|familienname|nom de famille|apellidos?|cognome|achternaam|sobrenome|nazwisko)\b|фамили/
const NAME_WORDS = /\b(?:name|full ?name|your ?name|nom|nombre|nome|naam|navn|namn|nimi|imie)\b|имя|お名前|氏名|姓名|이름/

/**
 * The role of a field: a site's marking first (`data-ringback-field`), then
 * its autocomplete token, its input type, and last the words in its name,
 * id, label and placeholder, in the languages sites are written in.
 */
export function classifyField(field: FieldInfo): Classified | undefined {
  if (ROLES.indexOf(field.hook) >= 0) return { role: field.hook as Role, rank: 0 }
  if (!TYPED.test(field.kind)) return undefined
  const byAutocomplete = AUTOCOMPLETE[field.autocomplete]
  if (byAutocomplete) return { role: byAutocomplete, rank: 1 }
  if (OTHER_AUTOCOMPLETE.test(field.autocomplete)) return undefined
  const words = field.words
  const not = NOT_OURS.test(words)
  if (field.kind === 'tel' && !/fax/.test(words)) return { role: COUNTRY_CODE.test(words) ? 'country' : 'phone', rank: 2 }
  if (field.kind === 'email') return { role: 'email', rank: 2 }
  if (field.kind === 'textarea') return not || /\b(?:address|adresse|direccion|indirizzo|anschrift)\b/.test(words) ? undefined : { role: 'message', rank: 2 }
  if (COUNTRY_CODE.test(words)) return { role: /\b(?:area ?code|ortsvorwahl)\b/.test(words) ? 'area' : 'country', rank: 3 }
  // A select beside a phone field may hold its country code (see mapFields); nothing else.
  if (field.kind === 'select-one') return undefined
  if (PHONE_WORDS.test(words) && !NOT_PHONE.test(words)) return { role: 'phone', rank: 3 }
  if (not) return undefined
  if (EMAIL_WORDS.test(words)) return { role: 'email', rank: 3 }
  if (MESSAGE_WORDS.test(words)) return { role: 'message', rank: 3 }
  if (GIVEN_WORDS.test(words)) return { role: 'given', rank: 3 }
  if (FAMILY_WORDS.test(words)) return { role: 'family', rank: 3 }
  if (NAME_WORDS.test(words)) return { role: 'name', rank: 3 }
  return undefined
}
