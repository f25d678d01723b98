import type { Page } from '@playwright/test'
import { type Attempt, callMeNow, DELIVERY_FILE, expect, fetched, GB_META, openDemo, type Servers, type Stored, test } from './fixtures'
import { servePages } from './pages/hostile/servePages'

// Fault injection against the real receiver: every case counts what the
// receiver STORED, and reads the attempts it saw (ids, statuses, times).

const GB = '07400 123456'
const GB_E164 = '+447400123456'

/** The quote form (fetch + preventDefault): the page stays, so the SDK keeps retrying in it. */
async function submitQuote(page: Page, phone = GB, name = 'Alex Morgan') {
  const form = page.locator('form#quote')
  await form.locator('[name=name]').fill(name)
  await form.locator('input[type=tel]').fill(phone)
  await form.locator('[type=submit]').click()
}

/** The plain contact form: posts and navigates to thanks.html, which runs the SDK too. */
async function submitContact(page: Page, phone = GB) {
  const form = page.locator('form[action="/contact"]')
  await form.locator('[name=name]').fill('Sam Taylor')
  await form.locator('[name=email]').fill('sam@example.com')
  await form.locator('[name=phone]').fill(phone)
  await form.locator('[name=message]').fill('The boiler makes a knocking noise.')
  await Promise.all([page.waitForURL('**/thanks.html'), form.locator('[type=submit]').click()])
}

/** Unsent entries of the outbox in this page's storage. */
const pending = (page: Page) => page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith('ringback:o:')).length)

/**
 * Focuses a form and waits for what that focus preloads before the submit
 * (the delivery file and the GB phone metadata), as a visitor's typing
 * would: these cases test delivery, not a race with a 0 ms typist.
 */
async function preload(page: Page, field = 'form [name=name]') {
  await page.locator(field).first().focus()
  await fetched(page, DELIVERY_FILE, GB_META)
}

/** Records the SDK's `error` events in the page. */
async function recordErrors(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { rbErrors: unknown[]; ringback: (...a: unknown[]) => void }
    w.rbErrors = []
    // The loader snippet, so that the listener is queued before the SDK loads.
    w.ringback =
      w.ringback ||
      function (...args: unknown[]) {
        ;((w.ringback as unknown as { q: unknown[] }).q ||= []).push(args)
      }
    w.ringback('on', 'error', (e: unknown) => w.rbErrors.push(e))
  })
}
const errorsOf = (page: Page) => page.evaluate(() => (window as unknown as { rbErrors: { code: string; retry: boolean; message: string }[] }).rbErrors)

const POSTS = (servers: Servers) => (url: string) => url === servers.api + '/v1/callbacks'

test.describe('delivery: retries, idempotency and the outbox', () => {
  test('503 twice then success: one stored request, the same id on all three attempts, the visitor sees success', async ({ page, servers, rb }) => {
    await rb.faults({ callbacks: { count: 2, status: 503 } })
    await openDemo(page, servers)
    await callMeNow(page)
    await expect(page.getByRole('status')).toContainText(/call/i)
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ channel: 'widget', phone: GB_E164 })
    const attempts = await rb.attempts()
    expect(attempts.map((a) => a.status)).toEqual([503, 503, 201])
    expect(new Set(attempts.map((a) => a.id))).toEqual(new Set([stored!.id]))
    expect(await pending(page)).toBe(0)
    // No cookies, on either origin.
    expect(await page.context().cookies()).toEqual([])
  })

  for (const status of [400, 404, 422]) {
    test(`${status}: no retry, the visitor is told in the panel's words, the event keeps the platform's message`, async ({ page, servers, rb }) => {
      const message = `Injected ${status}: this number cannot be called.`
      await recordErrors(page)
      await rb.faults({ callbacks: { count: 1, status, body: JSON.stringify({ error: { code: 'injected', message } }) } })
      await openDemo(page, servers)
      await callMeNow(page)
      await expect(page.getByRole('dialog').getByRole('alert')).toHaveText('Something went wrong. Please try again.')
      await expect.poll(() => errorsOf(page)).toEqual([expect.objectContaining({ code: 'injected', message, retry: false })])
      // Proves nothing more happens: a retry would come within the first backoff window (1 s).
      await page.waitForTimeout(2500)
      expect(await rb.attempts()).toHaveLength(1)
      expect(await rb.requests()).toHaveLength(0)
      expect(await pending(page)).toBe(0)
    })
  }

  test('a final 4xx on a form request is an error event with the platform code, never retried', async ({ page, servers, rb }) => {
    await recordErrors(page)
    await rb.faults({ callbacks: { count: 1, status: 400, body: JSON.stringify({ error: { code: 'invalid_request', message: 'Bad.' } }) } })
    await openDemo(page, servers, '/quote.html')
    await submitQuote(page)
    await expect.poll(() => errorsOf(page)).toEqual([expect.objectContaining({ code: 'invalid_request', retry: false })])
    await page.waitForTimeout(2500)
    expect(await rb.attempts()).toHaveLength(1)
    expect(await rb.requests()).toHaveLength(0)
  })

  test('408 is retried: one stored request', async ({ page, servers, rb }) => {
    await rb.faults({ callbacks: { count: 1, status: 408 } })
    await openDemo(page, servers, '/quote.html')
    await submitQuote(page)
    const [stored] = await rb.waitForRequests(1)
    const attempts = await rb.attempts()
    expect(attempts.map((a) => a.status)).toEqual([408, 201])
    expect(attempts.every((a) => a.id === stored!.id)).toBe(true)
  })

  test('network errors (connection dropped) are retried: one stored request', async ({ page, servers, rb }) => {
    await rb.faults({ callbacks: { count: 2, drop: true } })
    await openDemo(page, servers, '/quote.html')
    await submitQuote(page)
    const [stored] = await rb.waitForRequests(1)
    const attempts = await rb.attempts()
    expect(attempts.filter((a) => a.status === 0).length).toBe(2)
    expect(attempts.at(-1)!.status).toBe(201)
    expect(attempts.every((a) => a.id === stored!.id)).toBe(true)
  })

  test('429 with Retry-After: 2: no retry before 2 s, then one stored request', async ({ page, servers, rb }) => {
    await rb.faults({ callbacks: { count: 1, status: 429, retryAfter: 2 } })
    await openDemo(page, servers, '/quote.html')
    await submitQuote(page)
    await rb.waitForRequests(1)
    const attempts = await rb.attempts()
    expect(attempts.map((a) => a.status)).toEqual([429, 201])
    expect(Date.parse(attempts[1]!.at) - Date.parse(attempts[0]!.at)).toBeGreaterThanOrEqual(2000)
  })

  test('offline at submit, back online: one stored request without a reload', async ({ page, context, servers, rb }) => {
    await openDemo(page, servers, '/quote.html')
    // Focus loads the lazy files, as a visitor filling the form does.
    await preload(page)
    await context.setOffline(true)
    await submitQuote(page)
    await expect.poll(() => pending(page)).toBe(1)
    await page.waitForTimeout(500)
    expect(await rb.attempts()).toHaveLength(0)
    await context.setOffline(false)
    const stored = await rb.waitForRequests(1)
    expect(stored[0]).toMatchObject({ channel: 'form', phone: GB_E164 })
    await expect.poll(() => pending(page)).toBe(0)
    expect(await rb.attempts()).toHaveLength(1)
  })

  test('offline at submit, tab closed, site reopened later: one stored request', async ({ context, servers, rb }) => {
    const first = await context.newPage()
    await openDemo(first, servers, '/quote.html')
    await preload(first)
    await context.setOffline(true)
    await submitQuote(first)
    await expect.poll(() => pending(first)).toBe(1)
    // With runBeforeUnload, close() returns before the tab is gone: wait for
    // it, or setOffline below races a closing page ("target closed").
    const gone = first.waitForEvent('close')
    await first.close({ runBeforeUnload: true })
    await gone
    expect(await rb.requests()).toHaveLength(0)
    await context.setOffline(false)
    const later = await context.newPage()
    await openDemo(later, servers, '/services.html')
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ channel: 'form', phone: GB_E164, page: { url: servers.site + '/quote.html' } })
    await expect.poll(() => pending(later)).toBe(0)
  })

  for (const how of ['a plain post', 'a script 0 ms after the submit']) {
    test(`a form that leaves for another origin at once (${how}): one stored request`, async ({ page, servers, rb }) => {
      const pages = await servePages(servers)
      try {
        const config = page.waitForResponse((r) => r.url().includes('/config'))
        await page.goto(pages.origin + '/leave.html?to=' + encodeURIComponent(pages.other) + (how.startsWith('a script') ? '&js' : ''))
        await config
        await preload(page)
        await page.locator('[name=name]').fill('Robin')
        await page.locator('[name=phone]').fill(GB)
        await Promise.all([page.waitForURL(pages.other + '/thanks.html'), page.getByRole('button', { name: 'Send' }).click()])
        const [stored] = await rb.waitForRequests(1)
        expect(stored).toMatchObject({ channel: 'form', phone: GB_E164, contact: { name: 'Robin' }, page: { url: expect.stringContaining(pages.origin) } })
        await page.waitForTimeout(1000)
        expect(await rb.requests()).toHaveLength(1)
      } finally {
        await pages.close()
      }
    })
  }

  test('receiver down for eight tries then up: one stored request (backoff fast-forwarded past a minute)', async ({ page, servers, rb }) => {
    // Down for eight tries: with backoff of 1, 2, 4, 8, 16, 30, 30 s windows,
    // that is over a minute of the page's time, run on the page's clock.
    await rb.faults({ callbacks: { count: 8, status: 503 } })
    await page.clock.install()
    await openDemo(page, servers, '/quote.html')
    await submitQuote(page)
    await expect
      .poll(
        async () => {
          await page.clock.runFor(5000)
          return (await rb.requests()).length
        },
        { timeout: 40_000, intervals: [200] }
      )
      .toBe(1)
    const attempts = await rb.attempts()
    expect(attempts.filter((a) => a.status === 503)).toHaveLength(8)
    expect(attempts.at(-1)!.status).toBe(201)
    expect(new Set(attempts.map((a) => a.id)).size).toBe(1)
  })

  test('receiver down for 30 s (every connection dropped), then up: one stored request, in real time, without a reload', async ({ page, servers, rb }) => {
    // Real time, not a moved clock: backoff windows of 1, 2, 4, 8, 16 and 30 s
    // span the outage, and the first try after it is stored.
    test.setTimeout(150_000)
    await rb.faults({ callbacks: { forMs: 30_000, drop: true } })
    const downUntil = Date.now() + 30_000
    await openDemo(page, servers, '/quote.html')
    await submitQuote(page)
    await expect.poll(async () => (await rb.requests()).length, { timeout: 100_000, intervals: [1000] }).toBe(1)
    const attempts = await rb.attempts()
    const failed = attempts.filter((a) => a.status !== 201)
    expect(failed.length).toBeGreaterThanOrEqual(3)
    expect(Date.parse(attempts.at(-1)!.at)).toBeGreaterThanOrEqual(downUntil - 1000)
    expect(attempts.at(-1)!.status).toBe(201)
    expect(new Set(attempts.map((a) => a.id)).size).toBe(1)
    await page.waitForTimeout(2000)
    expect(await rb.requests()).toHaveLength(1)
  })

  test('a double click on the form: one stored request', async ({ page, servers, rb }) => {
    await openDemo(page, servers, '/quote.html')
    const form = page.locator('form#quote')
    await form.locator('[name=name]').fill('Alex Morgan')
    await form.locator('input[type=tel]').fill(GB)
    await form.locator('[type=submit]').dblclick()
    await rb.waitForRequests(1)
    await page.waitForTimeout(1500)
    expect(await rb.requests()).toHaveLength(1)
  })

  test('a double click on "call me now": one stored request', async ({ page, servers, rb }) => {
    await openDemo(page, servers)
    await callMeNow(page, GB, 'dblclick')
    await rb.waitForRequests(1)
    await page.waitForTimeout(1500)
    expect(await rb.requests()).toHaveLength(1)
  })

  test('two tabs with the same pending request: one stored, and only one tab sent it', async ({ context, servers, rb }) => {
    await rb.faults({ callbacks: { count: 1, status: 503, retryAfter: 3 } })
    const posts = new Map<Page, Attempt[]>()
    const watch = (page: Page) => {
      posts.set(page, [])
      page.on('request', (r) => {
        if (POSTS(servers)(r.url()) && r.method() === 'POST') posts.get(page)!.push({ id: '', status: 0, contentType: '', at: '' })
      })
    }
    const a = await context.newPage()
    watch(a)
    await openDemo(a, servers, '/quote.html')
    await submitQuote(a)
    await expect.poll(async () => (await rb.attempts()).length).toBe(1)
    // Tab B opens while A waits out Retry-After: both know the entry, both are due at once.
    const b = await context.newPage()
    watch(b)
    await openDemo(b, servers, '/services.html')
    await rb.waitForRequests(1)
    await a.waitForTimeout(2000)
    expect(await rb.requests()).toHaveLength(1)
    const attempts = await rb.attempts()
    expect(attempts.map((x) => x.status)).toEqual([503, 201])
    // The first POST was A's; exactly one more POST, from one tab.
    expect(posts.get(a)!.length - 1 + posts.get(b)!.length).toBe(1)
    expect(await pending(a)).toBe(0)
  })

  test('a request still in flight when the page navigates away is delivered once', async ({ page, servers, rb }) => {
    // The platform is slow: the page has gone to thanks.html before it answers.
    await rb.faults({ callbacks: { count: 1, delayMs: 1500, pass: true } })
    await openDemo(page, servers)
    await preload(page)
    await submitContact(page)
    const [stored] = await rb.waitForRequests(1)
    // The next page clears the entry once it has its own answer (a replay).
    await expect.poll(() => pending(page)).toBe(0)
    expect(await rb.requests()).toHaveLength(1)
    expect(new Set((await rb.attempts()).map((a) => a.id))).toEqual(new Set([stored!.id]))
  })

  test('a request lost in flight when the page navigates away is re-sent by the next page with the same id', async ({ page, servers, rb }) => {
    await rb.faults({ callbacks: { count: 1, delayMs: 800, drop: true } })
    await openDemo(page, servers)
    await preload(page)
    await submitContact(page)
    // Lost as a fetch, or as the leaving page's beacon (when the page went before the fetch started).
    let stored: Stored[] = []
    await expect.poll(async () => (stored = await rb.requests()).length, { timeout: 20_000 }).toBe(1)
    // The lost try, then the next page's (Chromium may also re-issue a keepalive request itself: same id, a replay).
    await expect.poll(async () => (await rb.attempts()).some((a) => a.status === 0)).toBe(true)
    const attempts = await rb.attempts()
    expect(attempts.filter((a) => a.status === 201)).toHaveLength(1)
    expect(new Set(attempts.map((a) => a.id))).toEqual(new Set([stored[0]!.id]))
    await expect.poll(() => pending(page)).toBe(0)
  })

  test('a request waiting for a retry goes out as a beacon when the visitor leaves for another site', async ({ page, servers, rb }) => {
    // The platform asks for 30 s of patience; the visitor does not wait.
    await rb.faults({ callbacks: { count: 1, status: 503, retryAfter: 30 } })
    const pages = await servePages(servers)
    try {
      await openDemo(page, servers, '/quote.html')
      await submitQuote(page)
      await expect.poll(async () => (await rb.attempts()).length).toBe(1)
      await page.goto(pages.other + '/thanks.html')
      const [stored] = await rb.waitForRequests(1)
      const attempts = await rb.attempts()
      expect(attempts.map((a) => [a.status, a.contentType.split(';')[0]])).toEqual([
        [503, 'application/json'],
        [201, 'text/plain']
      ])
      expect(attempts.every((a) => a.id === stored!.id)).toBe(true)
    } finally {
      await pages.close()
    }
  })

  test('localStorage throwing on every call: the form and the widget still deliver within the page', async ({ page, servers, rb }) => {
    await page.addInitScript(() => {
      const fail = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError')
      }
      for (const name of ['getItem', 'setItem', 'removeItem', 'key', 'clear'] as const) {
        Object.defineProperty(Storage.prototype, name, { value: fail, configurable: true })
      }
      Object.defineProperty(Storage.prototype, 'length', { get: fail, configurable: true })
    })
    await openDemo(page, servers, '/quote.html')
    await submitQuote(page)
    await rb.waitForRequests(1)
    await callMeNow(page, '+353 85 123 4567')
    await expect(page.getByRole('status')).toContainText(/call/i)
    const stored = await rb.waitForRequests(2)
    expect(stored.map((r) => r.channel).sort()).toEqual(['form', 'widget'])
  })
})
