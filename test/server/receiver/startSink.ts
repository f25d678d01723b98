import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/** One POST the sink received. */
export interface Received {
  headers: IncomingHttpHeaders
  body: string
  at: number
}

/** How the sink answers the next request: a status (with headers and body), or `hold` to answer only when released. */
export type SinkAnswer = { status: number; headers?: Record<string, string>; body?: string } | 'hold'

/**
 * A webhook sink on 127.0.0.1 and a free port, as a business's CRM would be:
 * it records every request and answers as told (one answer per request from
 * the queue, then `fallback`). It counts how many requests it held at once.
 */
export async function startSink(fallback: SinkAnswer = { status: 200 }) {
  const received: Received[] = []
  const answers: SinkAnswer[] = []
  const held: (() => void)[] = []
  let open = 0
  let maxOpen = 0
  let fallbackAnswer = fallback

  const reply = (res: ServerResponse, answer: Exclude<SinkAnswer, 'hold'>) => {
    res.writeHead(answer.status, { 'Content-Type': 'text/plain', ...answer.headers })
    res.end(answer.body ?? '')
  }
  const server = createServer((req, res) => {
    const chunks: Buffer[] = []
    req.on('data', (c: Buffer) => chunks.push(c))
    req.on('end', () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() })
      open++
      maxOpen = Math.max(maxOpen, open)
      const answer = answers.shift() ?? fallbackAnswer
      const done = () => void open--
      res.on('close', done)
      if (answer === 'hold') held.push(() => reply(res, { status: 200 }))
      else reply(res, answer)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/ringback`

  return {
    url,
    received,
    /** The next requests' answers, in order. */
    answer: (...next: SinkAnswer[]) => void answers.push(...next),
    /** How every later request is answered. */
    always: (answer: SinkAnswer) => void (fallbackAnswer = answer),
    /** Answers every held request with 200. */
    release: () => held.splice(0).forEach((send) => send()),
    get held() {
      return held.length
    },
    get maxOpen() {
      return maxOpen
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      })
  }
}
export type Sink = Awaited<ReturnType<typeof startSink>>
