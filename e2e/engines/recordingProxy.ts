import { readFileSync } from 'node:fs'
import { createServer, request } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Servers } from '../fixtures'

/** A site as the engine suites open it: the real one behind a proxy that adds the recorder. */
export interface RecordedSite {
  /** `http://127.0.0.1:<port>`, registered with the receiver as an origin of `demo`. */
  origin: string
  close(): Promise<void>
}

const RECORDER_PATH = '/__engines/recorder.js'
const RECORDER = readFileSync(new URL('./recorder.js', import.meta.url))
const TAG = `<script src="${RECORDER_PATH}"></script>`

/**
 * Serves `upstream` (the demo site, the hostile pages) unchanged but for one
 * script tag, the recorder, put before the first script of every HTML page.
 * From the page's own origin, so a strict CSP (`script-src 'self'`) allows
 * it, and after any CSP `<meta>`, so the policy covers it too.
 */
export async function recordingProxy(upstream: string, servers: Servers): Promise<RecordedSite> {
  const target = new URL(upstream)
  const server = createServer((req, res) => {
    if (req.url === RECORDER_PATH) {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' })
      return res.end(RECORDER)
    }
    // Plain bodies, so that HTML can be edited on its way through.
    const headers = { ...req.headers, host: target.host }
    delete headers['accept-encoding']
    const forward = request({ host: target.hostname, port: target.port, method: req.method, path: req.url, headers }, (answer) => {
      const type = String(answer.headers['content-type'] || '')
      if (!type.startsWith('text/html')) {
        res.writeHead(answer.statusCode || 502, answer.headers)
        return void answer.pipe(res)
      }
      const chunks: Buffer[] = []
      answer.on('data', (chunk: Buffer) => chunks.push(chunk))
      answer.on('end', () => {
        const html = Buffer.concat(chunks).toString('utf8')
        const at = html.search(/<script\b/i)
        const body = at < 0 ? html.replace(/<\/head>/i, TAG + '</head>') : html.slice(0, at) + TAG + html.slice(at)
        const out = { ...answer.headers, 'cache-control': 'no-store' }
        delete out['content-length']
        delete out.etag
        res.writeHead(answer.statusCode || 502, out)
        res.end(body)
      })
    })
    forward.on('error', () => {
      if (!res.headersSent) res.writeHead(502)
      res.end()
    })
    req.pipe(forward)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = 'http://127.0.0.1:' + (server.address() as AddressInfo).port
  servers.receiver.allowOrigin('demo', origin)
  return {
    origin,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
