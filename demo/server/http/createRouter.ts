import type { IncomingMessage, ServerResponse } from 'node:http'
import { parseJsonObject, readBody } from './readBody'
import { sendError } from './sendError'

/** What a route's handler gets besides the request and the response. */
export interface RouteContext {
  url: URL
  /** The path's `:name` segments, percent-decoded. */
  params: Record<string, string>
  /**
   * The body as text, read once however often it is asked for (a test
   * wrapper and the handler it wraps share it); undefined when it is over
   * the route's `maxBody` or broken off.
   */
  body(): Promise<string | undefined>
  /** The body's JSON object, or undefined. */
  json(): Promise<Record<string, unknown> | undefined>
}

export type Handler = (req: IncomingMessage, res: ServerResponse, ctx: RouteContext) => void | Promise<void>

export interface Route {
  /** `GET`, several as `GET HEAD`, or `*` for any method. */
  method: string
  /** Literal segments, `:name` for one non-empty segment, and a last `*` for one or more segments (possibly empty). */
  path: string
  handler: Handler
  /** Body bytes the handler may read (default 8 KiB: most bodies are a few fields). */
  maxBody?: number
}

const DEFAULT_MAX_BODY = 8 * 1024

/** The params of `path` under a route's segments, or undefined when it does not match. */
function match(pattern: string[], path: string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {}
  for (let i = 0; i < pattern.length; i++) {
    const want = pattern[i]!
    if (want === '*' && i === pattern.length - 1) return path.length > i ? params : undefined
    const part = path[i]
    if (part === undefined) return undefined
    if (want.startsWith(':')) {
      if (!part) return undefined
      // The whole path decoded before any route was tried, so each of its segments does.
      params[want.slice(1)] = decodeURIComponent(part)
    } else if (want !== part) return undefined
  }
  return path.length === pattern.length ? params : undefined
}

/**
 * A small route table: the first route whose method and path match handles
 * the request, and `fallback` takes the rest. Nothing in a path can make it
 * throw: a target that is not a URL, or a path that is not valid
 * percent-encoding, is answered 400 before any route is tried.
 */
export function createRouter(routes: Route[], fallback: Handler) {
  const table = routes.map((route) => ({ ...route, methods: route.method.split(' '), pattern: route.path.split('/') }))

  return async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    let url: URL
    try {
      url = new URL(req.url || '/', 'http://localhost')
      decodeURIComponent(url.pathname)
    } catch {
      return sendError(res, 400, 'invalid_request', 'The path is not valid.')
    }
    const path = url.pathname.split('/')
    const context = (params: Record<string, string>, maxBody = DEFAULT_MAX_BODY): RouteContext => {
      let body: Promise<string | undefined> | undefined
      const ctx: RouteContext = {
        url,
        params,
        body: () => (body ||= readBody(req, maxBody)),
        json: async () => parseJsonObject(await ctx.body())
      }
      return ctx
    }
    for (const route of table) {
      if (!route.methods.includes('*') && !route.methods.includes(req.method || 'GET')) continue
      const params = match(route.pattern, path)
      if (params) return route.handler(req, res, context(params, route.maxBody))
    }
    return fallback(req, res, context({}))
  }
}
