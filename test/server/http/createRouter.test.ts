import type { IncomingMessage, ServerResponse } from 'node:http'
import { describe, expect, it } from 'vitest'
import { createRouter, type Route, type RouteContext } from '../../../demo/server/http/createRouter'

/** Runs one request through a router without a network: what was answered, and what the handler saw. */
async function dispatch(routes: Route[], method: string, url: string) {
  const seen: { route?: string; params?: Record<string, string> } = {}
  const incoming = { method, url, headers: {}, on: () => incoming } as unknown as IncomingMessage
  let status = 0
  const res = { writeHead: (s: number) => ((status = s), res), end: () => res, setHeader: () => res } as unknown as ServerResponse
  const tagged = routes.map((r) => ({
    ...r,
    handler: (_q: IncomingMessage, _s: ServerResponse, ctx: RouteContext) => {
      seen.route = r.path
      seen.params = ctx.params
      status = 200
    }
  }))
  await createRouter(tagged, () => {
    seen.route = 'fallback'
    status = 404
  })(incoming, res)
  return { status, ...seen }
}

const noop = () => undefined
const routes: Route[] = [
  { method: 'GET HEAD', path: '/v1/sites/:siteId/config', handler: noop },
  { method: 'POST', path: '/v1/callbacks/:id/events', handler: noop },
  { method: '*', path: '/console/api/*', handler: noop }
]

describe('the route table', () => {
  it('matches method and path, and decodes params', async () => {
    expect(await dispatch(routes, 'GET', '/v1/sites/acme%20dental/config')).toMatchObject({ route: '/v1/sites/:siteId/config', params: { siteId: 'acme dental' } })
    expect(await dispatch(routes, 'HEAD', '/v1/sites/demo/config?x=1')).toMatchObject({ params: { siteId: 'demo' } })
    expect((await dispatch(routes, 'POST', '/v1/sites/demo/config')).route).toBe('fallback')
    expect((await dispatch(routes, 'GET', '/v1/sites//config')).route).toBe('fallback')
    expect((await dispatch(routes, 'GET', '/v1/sites/demo/config/')).route).toBe('fallback')
  })

  it('lets a last * take one or more segments, of any method', async () => {
    expect((await dispatch(routes, 'DELETE', '/console/api/a/b')).route).toBe('/console/api/*')
    expect((await dispatch(routes, 'GET', '/console/api/')).route).toBe('/console/api/*')
    expect((await dispatch(routes, 'GET', '/console/api')).route).toBe('fallback')
  })

  it('never throws on a malformed path: bad percent-encoding and a target that is no URL are a 400', async () => {
    const badEncoding = await dispatch(routes, 'POST', '/v1/callbacks/%E0%A4%A/events')
    expect(badEncoding.status).toBe(400)
    expect(badEncoding.route).toBeUndefined()
    expect((await dispatch(routes, 'GET', '/%ZZ.js')).status).toBe(400)
    const notUrl = await dispatch(routes, 'GET', '//[')
    expect(notUrl.status).toBe(400)
    expect(notUrl.route).toBeUndefined()
  })
})
