// `npm start`: the reference receiver (API + CDN for dist/) and the demo site.
import { mkdirSync } from 'node:fs'
import { createReceiver } from './receiver/createReceiver'
import { loadSites } from './receiver/loadSites'
import { createDemoSite } from './site/createDemoSite'

const host = process.env.HOST || '127.0.0.1'
const apiPort = Number(process.env.PORT || 8787)
const sitePort = Number(process.env.SITE_PORT || 8080)
/** The demo site's console PIN; demo/sites.json holds only its scrypt hash. Never ship a PIN in code. */
const DEMO_PIN = '482913'

mkdirSync('demo/data', { recursive: true })
const receiver = createReceiver({
  dbPath: process.env.RINGBACK_DB || 'demo/data/ringback.db',
  sites: loadSites('demo/sites.json'),
  distDir: 'dist',
  faults: process.env.RINGBACK_FAULTS === '1',
  console: { secret: process.env.RINGBACK_CONSOLE_SECRET },
  log: (line) => console.log(line)
})
const api = await receiver.listen(apiPort, host)
const site = await createDemoSite({ apiOrigin: api }).listen(sitePort, host)
receiver.allowOrigin('demo', site)

console.log(`
  ringback demo

  Demo site (Acme Plumbing):   ${site}/
  Lead console (requests):     ${api}/console  (Client ID demo, PIN ${DEMO_PIN})
  One-time console link (24h): ${api}/console#token=${receiver.console.issue('link', 'demo', 24 * 3600000)}
  Reference receiver (API):    ${api}/v1/sites/demo/config
${process.env.RINGBACK_FAULTS === '1' ? '  Fault switch:                ON (/__test/)\n' : ''}
  Ctrl-C stops both.
`)

const stop = async () => {
  await receiver.dispose()
  process.exit(0)
}
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
