import { createHash } from 'node:crypto'
import { readFile } from 'node:fs/promises'
import { fileURLToPath } from 'node:url'
import type { Route } from '../http/createRouter'
import { buildConsoleApp } from './buildConsoleApp'

/**
 * The console runs under a strict policy: its own script and stylesheet
 * only, no inline code or styles, API calls to its own origin, Trusted Types
 * enforced, never framed. A stored page title or campaign that carried markup
 * could at worst be shown as text.
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "connect-src 'self'",
  "img-src 'self' data:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types none'
].join('; ')

const SECURITY_HEADERS = {
  'Content-Security-Policy': CONSOLE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin'
}

const page = (version: string) => `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Lead console · ringback</title>
<link rel="stylesheet" href="/console/app.css?v=${version}">
<script type="module" src="/console/app.js?v=${version}"></script>
</head>
<body>
<div id="app"><main class="signin"><h1>Lead console</h1><noscript><p>The console needs JavaScript.</p></noscript></main></div>
</body>
</html>
`

let assets: Promise<{ js: string; css: string; version: string }> | undefined
/** Built once per process, on the first request (esbuild takes a moment; most receivers never serve the console). */
function loadAssets() {
  assets ||= Promise.all([buildConsoleApp(), readFile(fileURLToPath(new URL('./app/console.css', import.meta.url)), 'utf8')])
    .then(([js, css]) => ({ js, css, version: createHash('sha1').update(js).update(css).digest('hex').slice(0, 10) }))
    .catch((error: unknown) => {
      assets = undefined
      throw error
    })
  return assets
}

const TYPES = { html: 'text/html', js: 'text/javascript', css: 'text/css' }

/** `/console` and its two files. */
export function consolePageRoutes(): Route[] {
  const serve =
    (kind: keyof typeof TYPES): Route['handler'] =>
    async (req, res) => {
      const { js, css, version } = await loadAssets()
      const body = kind === 'html' ? page(version) : kind === 'js' ? js : css
      res.writeHead(200, {
        ...SECURITY_HEADERS,
        'Content-Type': TYPES[kind] + '; charset=utf-8',
        'Cache-Control': kind === 'html' ? 'no-store' : 'public, max-age=300'
      })
      res.end(req.method === 'HEAD' ? undefined : body)
    }
  return [
    { method: 'GET HEAD', path: '/console', handler: serve('html') },
    { method: 'GET HEAD', path: '/console/', handler: serve('html') },
    { method: 'GET HEAD', path: '/console/app.js', handler: serve('js') },
    { method: 'GET HEAD', path: '/console/app.css', handler: serve('css') }
  ]
}
