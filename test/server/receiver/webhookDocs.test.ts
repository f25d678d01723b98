import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { afterEach, describe, expect, it } from 'vitest'
import { loadSites } from '../../../demo/server/receiver/loadSites'
import { demoRequest, startConsole } from '../console/consoleHarness'
import { startSink, type Sink } from './startSink'

type Verify = (header: unknown, body: string, secret: string, now?: number, toleranceSeconds?: number) => boolean

/** The verification snippet of docs/webhooks.md, as a reader would copy it. */
async function documentedVerify(): Promise<Verify> {
  const doc = readFileSync('docs/webhooks.md', 'utf8')
  const snippet = /```js\n(import \{ createHmac[\s\S]*?)```/.exec(doc)?.[1]
  if (!snippet) throw new Error('docs/webhooks.md has no verification snippet')
  const file = join(mkdtempSync(join(tmpdir(), 'ringback-docs-')), 'verify.mjs')
  writeFileSync(file, snippet)
  return ((await import(pathToFileURL(file).href)) as { verifyRingbackSignature: Verify }).verifyRingbackSignature
}

let sink: Sink | undefined
afterEach(async () => {
  await sink?.close()
  sink = undefined
})

describe('docs/webhooks.md', () => {
  it('its Node snippet accepts a real delivery, and refuses another secret, a changed body and an old timestamp', async () => {
    const verify = await documentedVerify()
    const secret = 'whsec_9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f'
    sink = await startSink()
    const sites = loadSites('demo/sites.json').map((s) => (s.config.siteId === 'demo' ? { ...s, webhook: { url: sink!.url, secret } } : s))
    const c = await startConsole({ sites })
    await c.seed(demoRequest({ contact: { name: 'Zoë Ångström', message: 'Ça fuit 💧' } }))
    await c.receiver.webhooks.drain()
    const [delivery] = sink.received
    const header = delivery!.headers['ringback-signature']
    const now = c.clock.now
    expect(verify(header, delivery!.body, secret, now)).toBe(true)
    expect(verify(header, delivery!.body, secret.replace('9c', '9d'), now)).toBe(false)
    expect(verify(header, delivery!.body.replace('Zoë', 'Zoe'), secret, now)).toBe(false)
    expect(verify(header, delivery!.body, secret, now + 6 * 60000)).toBe(false)
    expect(verify(undefined, delivery!.body, secret, now)).toBe(false)
    expect(verify('t=1,v1=00', delivery!.body, secret, 1000)).toBe(false)
  })
})
