import { fileURLToPath } from 'node:url'
import { createDemoSite, type DemoSite } from '../../../demo/server/site'
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
 * Serves this folder as a business site of the `demo` site id. A real server,
 * not `page.route`: Chromium's local network access rules refuse loopback
 * scripts to documents that were not themselves served from loopback.
 */
export async function servePages(servers: Servers): Promise<Pages> {
  const site: DemoSite = createDemoSite({ apiOrigin: servers.api, root: fileURLToPath(new URL('.', import.meta.url)) })
  const origin = await site.listen(0)
  const other = origin.replace('127.0.0.1', 'localhost')
  servers.receiver.allowOrigin('demo', origin)
  servers.receiver.allowOrigin('demo', other)
  return { origin, other, close: () => site.close() }
}
