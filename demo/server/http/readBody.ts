import type { IncomingMessage } from 'node:http'

/** Past this many times the limit, a body is not worth reading to its end: the connection is cut. */
const DRAIN_FACTOR = 64

/**
 * The one body reader of the receiver, the console and the demo site: the
 * body as UTF-8 text, or undefined when it is over `limit` bytes or broken
 * off. A body over the limit is read on to its end and dropped, so that the
 * client still gets an answer (a 413, a 401) rather than a reset it would
 * retry; one far over it is cut off.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<string | undefined> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size <= limit) chunks.push(chunk)
      else if (size > DRAIN_FACTOR * limit) req.destroy()
    })
    req.on('end', () => resolve(size <= limit ? Buffer.concat(chunks).toString('utf8') : undefined))
    // A destroyed or aborted request never ends: settle anyway, so that no handler waits forever.
    req.on('error', () => resolve(undefined))
    req.on('close', () => resolve(undefined))
  })
}

/** The JSON object a body holds, or undefined (no body, not JSON, or JSON that is not an object). */
export function parseJsonObject(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined) return undefined
  try {
    const value = JSON.parse(text) as unknown
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined
  } catch {
    return undefined
  }
}
