import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Handler, RouteContext } from '../http/createRouter'
import type { SiteRecord } from '../receiver/loadSites'
import type { RefusedLeads } from '../receiver/openRefusedLeads'
import type { Webhooks } from '../receiver/webhook/createWebhooks'
import type { Auth } from './createAuthenticate'
import type { SigninGuard } from './createSigninGuard'
import type { SiteAccess } from './createSiteAccess'
import type { Tokens } from './createTokens'
import type { AccessLog } from './openAccessLog'
import type { ConsoleDb } from './openConsoleDb'
import type { LeadLookup } from './openLeadLookup'

/** A handler for a signed-in owner: `auth` names the one site it may read or change. */
export type SessionHandler = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext, auth: Auth) => void | Promise<void>

/** What the console's route groups share. */
export interface ConsoleContext {
  sites: Map<string, SiteRecord>
  store: ConsoleDb
  /** One request by id; the log of full numbers shown; refused leads and webhook deliveries (the receiver writes those). */
  leads: LeadLookup
  accessLog: AccessLog
  refused: RefusedLeads
  webhooks: Webhooks
  tokens: Tokens
  signins: SigninGuard
  access: SiteAccess
  now: () => number
  /** Wraps a handler so that it runs only under a console session (else 401). */
  session(handler: SessionHandler): Handler
}
