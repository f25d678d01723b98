import { createHash } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import UAParser from 'ua-parser-js'
import { anonymizeIp } from '../receiver/anonymizeIp'
import type { AccessWho } from './openAccessLog'

/**
 * A session as the access log names it: eight hex digits of a hash of the
 * token's id (the same for every action of one session, and no part of the
 * token itself), the anonymised IP, and the browser and system it named.
 */
export const sessionLabel = (jti: string): string =>
  createHash('sha256')
    .update('ringback-session.' + jti)
    .digest('hex')
    .slice(0, 8)

export function describeSession(req: IncomingMessage, jti: string): AccessWho {
  const { browser, os } = new UAParser(String(req.headers['user-agent'] || '').slice(0, 512)).getResult()
  const agent = [browser.name && [browser.name, browser.major].filter(Boolean).join(' '), os.name && 'on ' + os.name].filter(Boolean).join(' ')
  return { session: sessionLabel(jti), ip: anonymizeIp(req.socket.remoteAddress), agent: agent.slice(0, 80) || 'unknown browser' }
}
