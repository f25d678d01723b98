import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

/**
 * What a token may be used for, and nothing else: `link` is exchanged once
 * for a session, `session` reads the console, `events` lets the platform's
 * dialler record call outcomes.
 */
export type TokenPurpose = 'link' | 'session' | 'events'

export interface TokenClaims {
  purpose: TokenPurpose
  siteId: string
  /** Expiry, ms since the epoch. */
  expiresAt: number
  /** Unique id, so that one token can be spent (a used link) or revoked (a signed-out session). */
  jti: string
  /** The site's access stamp when a session or link was made (see createSiteAccess). */
  access?: string
  /** A link made by a session: the session it gives ends no later than this (ms), so that chained links never outlive the first session. */
  until?: number
  /** A link made by a session: that session's `jti`; the link dies when the session is signed out. */
  parent?: string
}

/** What a token may carry besides its purpose, site and lifetime. */
export interface TokenOptions {
  /** An explicit expiry instead of now + ttl (tests make expired tokens with it). */
  expiresAt?: number
  access?: string
  until?: number
  parent?: string
}

export type TokenCheck = { ok: true; claims: TokenClaims } | { ok: false; reason: 'malformed' | 'signature' | 'purpose' | 'expired' }

/** Versioned, so that tokens of another format or use of the key never verify. */
const CONTEXT = 'ringback-console-token.v1.'

/**
 * Stateless signed tokens: base64url(JSON claims) + '.' + base64url(HMAC-SHA256).
 * The server keeps only the key; what must be remembered (spent, revoked) is
 * kept by the caller under the token's `jti`.
 */
export function createTokens(secret: Buffer | string, now: () => number = Date.now) {
  const sign = (body: string) =>
    createHmac('sha256', secret)
      .update(CONTEXT + body)
      .digest()

  return {
    issue(purpose: TokenPurpose, siteId: string, ttlMs: number, options: TokenOptions = {}): { token: string; claims: TokenClaims } {
      const { expiresAt = now() + ttlMs, access, until, parent } = options
      const claims: TokenClaims = {
        purpose,
        siteId,
        expiresAt,
        jti: randomBytes(12).toString('base64url'),
        ...(access !== undefined && { access }),
        ...(until !== undefined && { until }),
        ...(parent !== undefined && { parent })
      }
      const body = Buffer.from(JSON.stringify(claims)).toString('base64url')
      return { token: body + '.' + sign(body).toString('base64url'), claims }
    },

    verify(token: string, purpose: TokenPurpose): TokenCheck {
      const [body, mac, extra] = token.split('.')
      if (!body || !mac || extra !== undefined) return { ok: false, reason: 'malformed' }
      const given = Buffer.from(mac, 'base64url')
      const expected = sign(body)
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'signature' }
      let claims: TokenClaims
      try {
        claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as TokenClaims
      } catch {
        return { ok: false, reason: 'malformed' }
      }
      if (
        typeof claims.siteId !== 'string' ||
        typeof claims.expiresAt !== 'number' ||
        typeof claims.jti !== 'string' ||
        (claims.access !== undefined && typeof claims.access !== 'string') ||
        (claims.until !== undefined && typeof claims.until !== 'number') ||
        (claims.parent !== undefined && typeof claims.parent !== 'string')
      ) {
        return { ok: false, reason: 'malformed' }
      }
      if (claims.purpose !== purpose) return { ok: false, reason: 'purpose' }
      if (!(now() < claims.expiresAt)) return { ok: false, reason: 'expired' }
      return { ok: true, claims }
    }
  }
}
export type Tokens = ReturnType<typeof createTokens>
