/**
 * Parameter names whose values never leave the page: a name is secret when
 * one of its parts (split at `_`, `-`, `.` or a case change) is one of these
 * words, so `access_token`, `authCode` and `session-id` are, and `zipcode`
 * or `keyword` are not.
 */
const SECRET_WORDS =
  /^(?:token|password|passwd|pwd|pass|passcode|key|apikey|secret|auth|authorization|credentials?|code|session|sessionid|sessid|jsessionid|phpsessid|sid|email|mail|otp|signature|sig|jwt|hash)$/

/** A value that is an e-mail address (`sam@example.com`, `sam%40example.com`) is personal whatever its name. */
const EMAIL_VALUE = /^[^@\s]+(?:@|%40)[^@\s]+\.[a-z]{2,}$/i

const isSecret = (name: string, extra: string[]): boolean => {
  const lower = name.toLowerCase()
  if (extra.indexOf(lower) >= 0) return true
  const parts = name
    .replace(/([a-z])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[\s_\-.[\]]+/)
  for (const part of parts) if (SECRET_WORDS.test(part)) return true
  return false
}

/** Redacts the values of secret-looking `name=value` pairs in a query string or a fragment. */
const redactPairs = (text: string, extra: string[]): string =>
  text.replace(/([?#&;])([^=&#;?]+)=([^&#;?]*)/g, (pair, sep: string, name: string, value: string) => {
    let decoded = name
    try {
      decoded = decodeURIComponent(name.replace(/\+/g, ' '))
    } catch {
      // Malformed escapes: judge the raw name.
    }
    return isSecret(decoded, extra) || EMAIL_VALUE.test(value) ? sep + name + '=redacted' : pair
  })

/**
 * A URL with the values of secret parameters (tokens, passwords, keys,
 * session ids, e-mail addresses… and any name in `extra`; and any value
 * that is an e-mail address, whatever its name) replaced by
 * `redacted`, in the query and in the fragment (OAuth puts tokens there).
 * Other parameters keep their exact encoding. Credentials in the authority
 * (`https://user:pass@host`) are dropped.
 */
export function redactUrl(url: string, extra: string[] = []): string {
  if (!url) return url
  const lower = extra.map((name) => name.toLowerCase())
  const clean = url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i, '$1')
  return redactPairs(clean, lower)
}
