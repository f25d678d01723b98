import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { fetchConfig, pick } from '../../src/core/fetchConfig'

/** An XMLHttpRequest the test answers, or whose constructor throws. */
class FakeXhr {
  static sent: FakeXhr[] = []
  method = ''
  url = ''
  status = 0
  responseText = ''
  timeout = 0
  onload: (() => void) | null = null
  onerror: (() => void) | null = null
  ontimeout: (() => void) | null = null
  open(method: string, url: string) {
    this.method = method
    this.url = url
  }
  send() {
    FakeXhr.sent.push(this)
  }
  answer(status: number, text: string) {
    this.status = status
    this.responseText = text
    this.onload!()
  }
}

const API = 'https://api.example'
/** How a promise settles: `['resolved', value]` or `['rejected', reason]`. */
const settled = (promise: Promise<unknown>) =>
  promise.then(
    (value) => ['resolved', value],
    (reason: unknown) => ['rejected', reason]
  )

describe('fetchConfig', () => {
  beforeEach(() => {
    FakeXhr.sent = []
    vi.stubGlobal('XMLHttpRequest', FakeXhr)
  })
  afterEach(() => vi.unstubAllGlobals())

  it('GETs the site config, the site id encoded, with a 15 s timeout, and resolves with the body as sent', async () => {
    const config = fetchConfig(API, 'a b')
    const [request] = FakeXhr.sent
    expect([request!.method, request!.url, request!.timeout]).toEqual(['GET', API + '/v1/sites/a%20b/config', 15000])
    request!.answer(200, '{"widget":{"enabled":true}}')
    expect(await settled(config)).toEqual(['resolved', { widget: { enabled: true } }])
  })

  it("rejects with the platform's error body", async () => {
    const config = fetchConfig(API, 'demo')
    FakeXhr.sent[0]!.answer(404, '{"error":{"code":"site_unknown","message":"No such site."}}')
    const [how, body] = await settled(config)
    expect(how).toBe('rejected')
    expect([pick(body, 'error', 'code'), pick(body, 'error', 'message')]).toEqual(['site_unknown', 'No such site.'])
  })

  it('rejects where the answer holds no config object: not JSON, not an object, offline, a timeout', async () => {
    const notJson = fetchConfig(API, 'demo')
    FakeXhr.sent[0]!.answer(200, '<html>')
    const notObject = fetchConfig(API, 'demo')
    FakeXhr.sent[1]!.answer(200, '"text"')
    const offline = fetchConfig(API, 'demo')
    FakeXhr.sent[2]!.onerror!()
    const timedOut = fetchConfig(API, 'demo')
    FakeXhr.sent[3]!.ontimeout!()
    expect(await Promise.all([notJson, notObject, offline, timedOut].map(settled))).toEqual([
      ['rejected', undefined],
      ['rejected', 'text'],
      ['rejected', undefined],
      ['rejected', undefined]
    ])
  })

  it('rejects, never throws, where XMLHttpRequest itself throws', async () => {
    vi.stubGlobal('XMLHttpRequest', function () {
      throw new Error('blocked')
    })
    expect(await settled(fetchConfig(API, 'demo'))).toEqual(['rejected', undefined])
  })
})
