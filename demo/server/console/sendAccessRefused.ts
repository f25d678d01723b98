import type { ServerResponse } from 'node:http'
import { sendError } from '../http/sendError'

/** The answer when a session has taken its share of full numbers (the access log's `ACCESS_LIMIT`): nothing goes out. */
export const sendAccessRefused = (res: ServerResponse, wait: number): void =>
  sendError(res, 429, 'rate_limited', 'That is many full numbers at once. Please wait a few minutes.', undefined, { 'Retry-After': String(wait) })
