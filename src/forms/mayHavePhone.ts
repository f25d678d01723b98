/**
 * A cheap first look at a form, in the first file: could it have a phone
 * field? It tests the form's markup (names, ids, placeholders, labels inside
 * it) for the stems of every word the lazy detection knows, so it says yes
 * to every form the lazy file would capture and to many it would not (a
 * false yes costs one small lazy file; a false no would lose a lead).
 * test/forms/mayHavePhone.test.ts keeps it a superset of the detection.
 */
export const mayHavePhone = (form: HTMLFormElement): boolean =>
  /tel|phone|fon|mobi|cel|handy|rufn|num|portable|m[oó]vil|gsm|whats|ringback|puhelin|τηλ|電話|电话|手机|携帯|телеф|전화|هاتف|جوال|טלפון/i.test(form.outerHTML)
