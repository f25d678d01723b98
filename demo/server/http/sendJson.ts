import type { ServerResponse } from 'node:http'

/**
 * Sends a JSON body with the given status and headers. `nosniff`: a browser
 * must never read an answer that echoes a visitor's text as anything but JSON.
 */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body)
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff', ...headers })
  res.end(text)
}
