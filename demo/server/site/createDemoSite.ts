import { fileURLToPath } from 'node:url'
import { createHttpServer, type HttpServer } from '../http/createHttpServer'
import { createRouter } from '../http/createRouter'
import { createStaticFiles } from '../http/createStaticFiles'
import { sendJson } from '../http/sendJson'

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

export type DemoSite = HttpServer

/** Form posts are read (and dropped) up to this size. */
const MAX_BODY = 1 << 20

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
  const route = createRouter(
    [
      {
        method: 'POST',
        path: '/contact',
        maxBody: MAX_BODY,
        handler: async (_req, res, ctx) => {
          await ctx.body()
          res.writeHead(303, { Location: '/thanks.html' })
          res.end()
        }
      },
      {
        method: 'POST',
        path: '/api/quote',
        maxBody: MAX_BODY,
        handler: async (_req, res, ctx) => {
          await ctx.body()
          sendJson(res, 200, { ok: true })
        }
      }
    ],
    async (req, res, { url }) => {
      if ((req.method === 'GET' || req.method === 'HEAD') && (await files(req, res, url.pathname))) return
      res.writeHead(404, { 'Content-Type': 'text/plain' })
      res.end('Not found')
    }
  )
  return createHttpServer(route)
}
