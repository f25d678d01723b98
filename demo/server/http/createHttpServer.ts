import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sendError } from './sendError'

export interface HttpServer {
  /** Starts listening (port 0: a free one); resolves with the origin, e.g. `http://127.0.0.1:8787`. */
  listen(port?: number, host?: string): Promise<string>
  /** Stops listening and drops open connections; `listen` may be called again. */
  close(): Promise<void>
}

export interface Timeouts {
  /** Time a client has to send the request's headers. */
  headersMs: number
  /** Time a client has to send the whole request, body included. */
  requestMs: number
}

/**
 * Node's own defaults (a minute for headers, five for a request, checked
 * every 30 s) let a client that sends a body a byte at a time hold a socket
 * for five minutes. Every request here is a few KiB (64 KiB at most): ten
 * seconds for headers and thirty for the whole request is generous on a bad
 * mobile line.
 */
export const DEFAULT_TIMEOUTS: Timeouts = { headersMs: 10_000, requestMs: 30_000 }

/**
 * An HTTP server around one request function. An error it throws is
 * logged and answered 500 (or the answer under way is ended), never left
 * hanging; a client too slow to send its request is answered 408 and cut off.
 */
export function createHttpServer(
  handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>,
  log?: (line: string) => void,
  timeouts: Timeouts = DEFAULT_TIMEOUTS
): HttpServer {
  const options = {
    headersTimeout: timeouts.headersMs,
    requestTimeout: timeouts.requestMs,
    // How often Node looks for requests past their time; its default (30 s) would double the limits.
    connectionsCheckingInterval: Math.max(100, Math.min(1000, timeouts.headersMs / 4))
  }
  const server = createServer(options, (req, res) => {
    handle(req, res).catch((error: unknown) => {
      log?.('internal error: ' + String(error))
      if (!res.headersSent) sendError(res, 500, 'internal_error', 'Something went wrong.')
      else res.end()
    })
  })
  return {
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo
          resolve(`http://${host.includes(':') ? '[' + host + ']' : host}:${address.port}`)
        })
      })
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (!server.listening) return resolve()
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
