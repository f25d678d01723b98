import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { createStaticFiles } from '../../../demo/server/http/createStaticFiles'
import type { Servers } from '../../fixtures'

/** The hostile pages, served from their own origin by a real server. */
export interface Pages {
  /** `http://127.0.0.1:<port>` */
  origin: string
  /** The same server under another origin (`localhost`): a cross-origin frame or navigation target. */
  other: string
  close(): Promise<void>
}

/**
 * Serves this folder as a business site of the `demo` site id, filling in
 * `%RINGBACK_SRC%`, `%RINGBACK_ORIGIN%` (for CSP source lists) and
 * `%SITE_ID%`; `POST /contact` answers 303 to `/thanks.html`. A real server,
 * not `page.route`: Chromium's local network access rules refuse loopback
 * scripts to documents that were not themselves served from loopback.
 */
export async function servePages(servers: Servers): Promise<Pages> {
  const files = createStaticFiles(fileURLToPath(new URL('.', import.meta.url)), {
    cors: false,
    transform: (_path, text) =>
      text
        .replaceAll('%RINGBACK_SRC%', servers.api + '/ringback.js')
        .replaceAll('%RINGBACK_ORIGIN%', servers.api)
        .replaceAll('%SITE_ID%', 'demo')
  })
  const server = createServer((req, res) => {
    const path = new URL(req.url || '/', 'http://pages').pathname
    if (req.method === 'POST' && path === '/contact') {
      req.resume()
      req.on('end', () => {
        res.writeHead(303, { Location: '/thanks.html' })
        res.end()
      })
      return
    }
    files(req, res, path).then(
      (served) => {
        if (!served) {
          res.writeHead(404, { 'Content-Type': 'text/plain' })
          res.end('Not found')
        }
      },
      () => {
        res.writeHead(500)
        res.end()
      }
    )
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const other = origin.replace('127.0.0.1', 'localhost')
  servers.receiver.allowOrigin('demo', origin)
  servers.receiver.allowOrigin('demo', other)
  return {
    origin,
    other,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
