import { createHash } from 'node:crypto'
import { readFile, stat } from 'node:fs/promises'
import type { IncomingMessage, ServerResponse } from 'node:http'
import { extname, join, normalize, resolve, sep } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

/** By the extension of a path the client chose: a Map, so that no name reaches Object.prototype. */
const TYPES = new Map([
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.html', 'text/html; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.ico', 'image/x-icon'],
  ['.map', 'application/json; charset=utf-8']
])

/** A file name with a content hash (`ringback-panel-Cca1rmaR.js`) or in a versioned folder never changes. */
const IMMUTABLE = /-[A-Za-z0-9_-]{8,}\.js$|\/meta-[0-9a-f]{10}\//

interface Cached {
  mtime: number
  body: Buffer
  etag: string
  br?: Buffer
  gzip?: Buffer
}

/**
 * Serves a folder the way a CDN would: content types, ETags, brotli or gzip
 * as the browser asks, `immutable` caching for hashed names, and CORS for
 * everyone (the SDK loads its lazy files with `import()`, a CORS request,
 * from other sites' pages). Returns false when the path is not a file there.
 */
export function createStaticFiles(root: string, options: { cors: boolean; transform?: (path: string, text: string) => string }) {
  const base = resolve(root)
  const cache = new Map<string, Cached>()

  return async function serve(req: IncomingMessage, res: ServerResponse, pathname: string): Promise<boolean> {
    let decoded: string
    try {
      decoded = decodeURIComponent(pathname)
    } catch {
      return false
    }
    if (decoded.includes('\0')) return false
    const file = normalize(join(base, decoded.endsWith('/') ? decoded + 'index.html' : decoded))
    if (file !== base && !file.startsWith(base + sep)) return false
    let info
    try {
      info = await stat(file)
    } catch {
      return false
    }
    if (!info.isFile()) return false
    let entry = cache.get(file)
    if (!entry || entry.mtime !== info.mtimeMs) {
      let body = await readFile(file)
      if (options.transform && /\.(?:html|js|css)$/.test(file)) body = Buffer.from(options.transform(file, body.toString('utf8')))
      entry = { mtime: info.mtimeMs, body, etag: '"' + createHash('sha1').update(body).digest('base64url').slice(0, 16) + '"' }
      cache.set(file, entry)
    }
    const headers: Record<string, string> = {
      'Content-Type': TYPES.get(extname(file)) || 'application/octet-stream',
      ETag: entry.etag,
      'Cache-Control': IMMUTABLE.test(file.split(sep).join('/')) ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
      Vary: 'Accept-Encoding'
    }
    if (options.cors) {
      headers['Access-Control-Allow-Origin'] = '*'
      headers['Cross-Origin-Resource-Policy'] = 'cross-origin'
      headers['Timing-Allow-Origin'] = '*'
    }
    if (req.headers['if-none-match'] === entry.etag) {
      res.writeHead(304, headers)
      res.end()
      return true
    }
    const accept = String(req.headers['accept-encoding'] || '')
    let body = entry.body
    if (entry.body.length > 512 && /\bbr\b/.test(accept)) {
      body = entry.br ||= brotliCompressSync(entry.body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      headers['Content-Encoding'] = 'br'
    } else if (entry.body.length > 512 && /\bgzip\b/.test(accept)) {
      body = entry.gzip ||= gzipSync(entry.body, { level: 9 })
      headers['Content-Encoding'] = 'gzip'
    }
    headers['Content-Length'] = String(body.length)
    res.writeHead(200, headers)
    res.end(req.method === 'HEAD' ? undefined : body)
    return true
  }
}
