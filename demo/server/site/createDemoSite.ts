import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { readBody, sendJson } from '../http/sendJson'
import { createStaticFiles } from '../http/createStaticFiles'

export interface DemoSiteOptions {
  /** Origin of the receiver, which serves `ringback.js` and is the API. */
  apiOrigin: string
  /** Site id for the script tag. Default `demo`. */
  siteId?: string
  /** Folder of the pages; default `demo/site`. */
  root?: string
  /** `false` serves the pages without the SDK (its loader snippet and script tag), for the benchmark. */
  sdk?: boolean
}

export interface DemoSite {
  listen(port?: number, host?: string): Promise<string>
  close(): Promise<void>
}

/**
 * The demo business's website, served from its own origin as a real site
 * would be. Pages carry `%RINGBACK_SRC%` and `%SITE_ID%`, filled in as they
 * are served, so that tests can run the receiver on any port. The contact
 * form posts to `/contact` (303 to the thank-you page) and the quote form
 * to `/api/quote`, like any small-business backend; neither logs what the
 * visitor typed.
 */
export function createDemoSite(options: DemoSiteOptions): DemoSite {
  const root = options.root || fileURLToPath(new URL('../../site', import.meta.url))
  const files = createStaticFiles(root, {
    cors: false,
    transform: (_path, text) =>
      (options.sdk === false ? text.replace(/^.*(?:%RINGBACK_SRC%|\/stub\.js).*\n/gm, '') : text)
        .replaceAll('%RINGBACK_SRC%', options.apiOrigin + '/ringback.js')
        .replaceAll('%SITE_ID%', options.siteId || 'demo')
  })
  const server = createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://site')
    void (async () => {
      if (req.method === 'POST' && url.pathname === '/contact') {
        await readBody(req, 1 << 20)
        res.writeHead(303, { Location: '/thanks.html' })
        return res.end()
      }
      if (req.method === 'POST' && url.pathname === '/api/quote') {
        await readBody(req, 1 << 20)
        return sendJson(res, 200, { ok: true })
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && (await files(req, res, url.pathname))) return
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('Not found')
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500)
      res.end()
    })
  })
  return {
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject)
        server.listen(port, host, () => resolve(`http://${host}:${(server.address() as AddressInfo).port}`))
      })
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
