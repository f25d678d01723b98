import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

/** What one delivery attempt came to. */
export interface PostResult {
  /** The sink's HTTP status; undefined when no answer came (refused, reset, timed out). */
  status?: number
  /** Why it failed, or the start of the sink's answer (as text, cut short) for a non-2xx. */
  note?: string
  /** `Retry-After` of the answer, in seconds. */
  retryAfter?: number
  ms: number
}

/** Enough of a sink's answer to tell an owner what went wrong; the rest is not read. */
const EXCERPT_BYTES = 200

/**
 * One POST to a webhook URL, with node:http (no redirects are ever
 * followed: a 3xx is an answer like any other, and a failure), a hard
 * time limit and no connection reuse. Never throws.
 */
export function postWebhook(url: string, body: string, headers: Record<string, string>, options: { timeoutMs: number; signal?: AbortSignal }): Promise<PostResult> {
  const started = performance.now()
  const ms = () => Math.round(performance.now() - started)
  return new Promise((resolve) => {
    let done = false
    const finish = (result: Omit<PostResult, 'ms'>) => {
      if (done) return
      done = true
      clearTimeout(timer)
      resolve({ ...result, ms: ms() })
    }
    let target: URL
    try {
      target = new URL(url)
    } catch {
      return finish({ note: 'the webhook URL is not valid' })
    }
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest
    const req = send(target, {
      method: 'POST',
      agent: false,
      signal: options.signal,
      headers: { ...headers, 'Content-Type': 'application/json', 'Content-Length': String(Buffer.byteLength(body)) }
    })
    const timer = setTimeout(() => {
      req.destroy()
      finish({ note: `no answer in time (${options.timeoutMs / 1000} s)` })
    }, options.timeoutMs)
    req.on('error', (error: NodeJS.ErrnoException) => finish({ note: options.signal?.aborted ? 'stopped' : error.code || error.message }))
    req.on('response', (res) => {
      const status = res.statusCode || 0
      const retryAfter = Number(res.headers['retry-after'])
      const chunks: Buffer[] = []
      let size = 0
      const end = () => {
        const text = Buffer.concat(chunks).toString('utf8').slice(0, EXCERPT_BYTES).replace(/\s+/g, ' ').trim()
        finish({
          status,
          ...(status >= 300 && { note: status < 400 ? `redirect to ${String(res.headers.location || '?').slice(0, 100)} (not followed)` : text || undefined }),
          ...(Number.isFinite(retryAfter) && retryAfter > 0 && { retryAfter })
        })
        res.destroy()
      }
      res.on('data', (chunk: Buffer) => {
        if (size < EXCERPT_BYTES) chunks.push(chunk)
        size += chunk.length
        if (size >= EXCERPT_BYTES) end()
      })
      res.on('end', end)
      res.on('error', end)
    })
    req.end(body)
  })
}
