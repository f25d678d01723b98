import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createSemaphore } from '../../../demo/server/console/createSemaphore'
import { PINS, startConsole } from './consoleHarness'

const count = (statuses: number[], status: number) => statuses.filter((s) => s === status).length

describe('the PIN attempt limit under parallel guesses', { timeout: 60000 }, () => {
  it('20 parallel wrong PINs: at most 5 are checked, the rest get 429', async () => {
    const { signIn } = await startConsole()
    const statuses = (await Promise.all(Array.from({ length: 20 }, (_, i) => signIn('demo', String(100000 + i))))).map((r) => r.status)
    expect(count(statuses, 401)).toBeLessThanOrEqual(5)
    expect(count(statuses, 429)).toBe(20 - count(statuses, 401))
  })

  it('50 parallel guesses with the right PIN among them: at most 5 are checked, and a success unlocks nothing', async () => {
    const { signIn } = await startConsole()
    const pins = [...Array.from({ length: 49 }, (_, i) => String(200000 + i)), PINS.demo!]
    const statuses = (await Promise.all(pins.map((pin) => signIn('demo', pin)))).map((r) => r.status)
    expect(count(statuses, 401) + count(statuses, 200)).toBeLessThanOrEqual(5)
    expect(count(statuses, 429)).toBeGreaterThanOrEqual(45)
  })

  it('the lockout says how long, and a one-time link still signs the owner in', async () => {
    const { signIn, call, receiver } = await startConsole()
    for (let i = 0; i < 5; i++) expect((await signIn('demo', '000000')).status).toBe(401)
    const locked = await signIn('demo')
    expect(locked.status).toBe(429)
    expect(locked.headers.get('retry-after')).toBe('900')
    expect((await locked.json()).error.message).toBe('Too many attempts. Please try again in 15 minutes.')
    const link = receiver.console.issue('link', 'demo', 3600000)
    const exchanged = await call('/console/api/exchange', undefined, { body: { token: link } })
    expect(exchanged.status).toBe(200)
    expect((await call('/console/api/me', (await exchanged.json()).token)).status).toBe(200)
  })
})

describe('sign-in hashing under a flood of made-up Client IDs', { timeout: 60000 }, () => {
  it('is limited per IP across Client IDs', async () => {
    const { signIn } = await startConsole()
    const statuses: number[] = []
    // One at a time, so that only the per-IP limit (not the hashing cap) can refuse.
    for (let i = 0; i < 25; i++) statuses.push((await signIn('made-up-' + i, '123456')).status)
    expect(count(statuses, 401)).toBe(20)
    expect(statuses.slice(20)).toEqual([429, 429, 429, 429, 429])
    // The real owner's PIN from the same network is refused too until the window passes: the limit is the network's.
    expect((await signIn('demo')).status).toBe(429)
  })

  it('leaves the SDK’s files and the API served while it hashes: they arrive before the hashing backlog is done', async () => {
    const dist = mkdtempSync(join(tmpdir(), 'ringback-dist-'))
    writeFileSync(join(dist, 'ringback.js'), '/* ringback */ ' + 'void 0;'.repeat(200))
    const { signIn, origin } = await startConsole({ distDir: dist })

    let pending = 30
    let firstHashed!: () => void
    const hashed = new Promise<void>((resolve) => (firstHashed = resolve))
    const flood = Array.from({ length: 30 }, (_, i) =>
      signIn('made-up-' + i, '123456').then((res) => {
        pending--
        if (res.status === 401) firstHashed()
        return res.status
      })
    )
    // Once one made-up sign-in has been hashed, the others are queued behind it (or refused).
    await hashed
    const [file, config] = await Promise.all([
      fetch(origin + '/ringback.js').then(async (r) => ({ status: r.status, text: await r.text(), pendingThen: pending })),
      fetch(origin + '/v1/sites/demo/config').then((r) => ({ status: r.status, pendingThen: pending }))
    ])
    const statuses = await Promise.all(flood)
    const hashedCount = count(statuses, 401)
    expect(file.status).toBe(200)
    expect(file.text).toContain('ringback')
    expect(config.status).toBe(200)
    // Refusals come at once, so everything still pending was waiting to be hashed: at least half of the hashed sign-ins were.
    expect(file.pendingThen / hashedCount).toBeGreaterThanOrEqual(0.5)
    expect(config.pendingThen / hashedCount).toBeGreaterThanOrEqual(0.5)
    expect(count(statuses, 401) + count(statuses, 429) + count(statuses, 503)).toBe(30)
  })
})

describe('the hashing cap', () => {
  it('lets a few run, a few wait in line, and refuses the rest at once', async () => {
    const gate = createSemaphore({ running: 2, waiting: 1 })
    const order: string[] = []
    const a = await gate.enter()!
    const b = await gate.enter()!
    const c = gate.enter()!
    void c.then(() => order.push('c'))
    expect(gate.enter()).toBeUndefined()
    a()
    a() // releasing twice frees one place only
    const d = await c
    expect(order).toEqual(['c'])
    expect(gate.enter()).toBeDefined()
    expect(gate.enter()).toBeUndefined()
    b()
    d()
  })
})
