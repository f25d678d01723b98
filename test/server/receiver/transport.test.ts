import { connect } from 'node:net'
import { describe, expect, it } from 'vitest'
import { request, startEachTest } from './startReceiver'

const start = startEachTest()

/** Sends raw bytes and resolves with everything the server wrote before it closed the connection. */
function raw(origin: string, bytes: string): Promise<string> {
  const { hostname, port } = new URL(origin)
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => socket.write(bytes))
    let answer = ''
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')))
    socket.on('close', () => resolve(answer))
    socket.on('error', reject)
  })
}

describe('malformed targets', () => {
  it('a path that is not valid percent-encoding is a 400, on every route and for static files', async () => {
    const r = await start({ distDir: 'test' })
    for (const path of ['/v1/sites/%E0%A4%A/config', '/v1/callbacks/%E0%A4%A/events', '/console/api/requests/%E0%A4%A', '/%E0%A4%A.js', '/sites/%ZZ/requests']) {
      const res = await fetch(r.origin + path, { method: path.includes('events') ? 'POST' : 'GET', redirect: 'manual' })
      expect(res.status, path).toBe(400)
      expect((await res.json()).error.code).toBe('invalid_request')
    }
  })

  it('a request target that is no URL is a 400, over a raw socket', async () => {
    const r = await start()
    const answer = await raw(r.origin, 'GET //[ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
    expect(answer).toMatch(/^HTTP\/1\.1 400 /)
  })
})

describe('slow clients', () => {
  it('a body sent slowly is cut off at the request timeout, headers sent slowly at the headers timeout', async () => {
    const r = await start({ timeouts: { headersMs: 400, requestMs: 800 } })
    const [body, headers] = await Promise.all([
      raw(r.origin, 'POST /v1/callbacks HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"id":'),
      raw(r.origin, 'GET /v1/sites/demo/config HTTP/1.1\r\nHost: x\r\n')
    ])
    expect(body).toMatch(/^HTTP\/1\.1 408 /)
    expect(headers).toMatch(/^HTTP\/1\.1 408 /)
    // An aborted body is not a refused request: nothing is logged.
    expect(r.receiver.db.db.prepare('SELECT COUNT(*) AS n FROM errors').get()).toEqual({ n: 0 })
  }, 20000)

  it('the defaults are far below Node’s five minutes', async () => {
    const { DEFAULT_TIMEOUTS } = await import('../../../demo/server/http/createHttpServer')
    expect(DEFAULT_TIMEOUTS.requestMs).toBeLessThanOrEqual(30000)
    expect(DEFAULT_TIMEOUTS.headersMs).toBeLessThanOrEqual(10000)
  })
})

describe('API answers', () => {
  it('carry X-Content-Type-Options: nosniff', async () => {
    const r = await start()
    const answers = [
      await r.post(request()),
      await r.post('not json'),
      await fetch(r.origin + '/v1/sites/demo/config'),
      await fetch(r.origin + '/v1/sites/nobody/config'),
      await fetch(r.origin + '/console/api/signin', { method: 'POST', body: '{}' }),
      await fetch(r.origin + '/console/api/me'),
      await fetch(r.origin + '/nothing-here')
    ]
    for (const res of answers) {
      expect(res.headers.get('content-type'), res.url).toMatch(/^application\/json/)
      expect(res.headers.get('x-content-type-options'), res.url + ' ' + res.status).toBe('nosniff')
    }
  }, 20000)
})
