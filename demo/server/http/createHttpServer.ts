import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { sendError } from './sendError'

export interface HttpServer {
  /** Starts listening (port 0: a free one); resolves with the origin, e.g. `http://127.0.0.1:8787`. */
  listen(port?: number, host?: string): Promise<string>
  /** Stops listening and drops open connections; `listen` may be called again. */
  close(): Promise<void>
}

/**
 * An HTTP server around one request function. An error it throws is
 * logged and answered 500 (or the answer under way is ended), never left
 * hanging.
 */
export function createHttpServer(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>, log?: (line: string) => void): HttpServer {
  const server = createServer((req, res) => {
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
