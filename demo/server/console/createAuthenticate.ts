import type { IncomingMessage, ServerResponse } from 'node:http'
import { sendError } from '../http/sendError'
import type { SiteRecord } from '../receiver/loadSites'
import type { SiteAccess } from './createSiteAccess'
import type { TokenPurpose, Tokens } from './createTokens'
import type { ConsoleDb } from './openConsoleDb'

/** Who a bearer token speaks for: its site, and the token's own expiry and id (to revoke it). */
export interface Auth {
  siteId: string
  site: SiteRecord
  expiresAt: number
  jti: string
}

/** The bearer token's site, or undefined with a 401 already sent. */
export type Authenticate = (req: IncomingMessage, res: ServerResponse, purposes: TokenPurpose[]) => Auth | undefined

/**
 * Checks `Authorization: Bearer` against the purposes a route accepts, in
 * order. A token of a site no longer in the sites file, one spent (a used
 * link, a signed-out session), or one made before the site's last sign-out
 * everywhere or PIN change, is refused. The console's API and the receiver's
 * call-event route both ask here.
 */
export function createAuthenticate(tokens: Tokens, store: ConsoleDb, sites: Map<string, SiteRecord>, access: SiteAccess): Authenticate {
  return (req, res, purposes) => {
    const match = /^Bearer ([A-Za-z0-9_.-]+)$/.exec(String(req.headers.authorization || ''))
    const refuse = (message: string) => void sendError(res, 401, 'unauthorized', message, undefined, { 'WWW-Authenticate': 'Bearer' })
    if (!match) return refuse('Sign in first.')
    for (const purpose of purposes) {
      const check = tokens.verify(match[1]!, purpose)
      if (!check.ok) {
        if (check.reason === 'purpose') continue
        return refuse(check.reason === 'expired' ? 'Your session has expired. Please sign in again.' : 'This token is not valid.')
      }
      const site = sites.get(check.claims.siteId)
      if (!site || store.isSpent(check.claims.jti) || !access.holds(check.claims)) return refuse('This session has ended. Please sign in again.')
      return { siteId: check.claims.siteId, site, expiresAt: check.claims.expiresAt, jti: check.claims.jti }
    }
    return refuse('This token may not be used here.')
  }
}
