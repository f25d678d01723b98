import type { ServerResponse } from 'node:http'
import { sendJson } from './sendJson'

/** Sends the contract's error body: `{ error: { code, message, fields? } }`. */
export function sendError(
  res: ServerResponse,
  status: number,
  code: string,
  message: string,
  fields?: Record<string, string>,
  headers: Record<string, string> = {}
): void {
  sendJson(res, status, { error: { code, message, ...(fields && { fields }) } }, headers)
}
