import { readFileSync } from 'node:fs'
import type { Frame, Page } from '@playwright/test'
import { CallbackRequest, LIMITS } from '../src/schema'
import { callMeNow, expect, openDemo, type ReceiverControl, test } from './fixtures'
import { type Pages, servePages } from './pages/hostile/servePages'

// Hostile pages, bad input and bad answers: the SDK must deliver correct
// JSON, or refuse clearly, and never break the page it runs on.

const GB = '07400 123456'
const GB_E164 = '+447400123456'

let pages: Pages
test.beforeAll(async ({ servers }) => {
  pages = await servePages(servers)
})
test.afterAll(async () => {
  await pages.close()
})

/** Opens one of e2e/pages/hostile/; resolves once the SDK's config request has answered. */
async function openPage(page: Page, path: string) {
  const config = page.waitForResponse((r) => r.url().includes('/config'))
  await page.goto(pages.origin + path)
  await config
}

/** Fills and submits the hostile pages' contact form (it stays on the page). */
async function submitForm(target: Page | Frame, fields: { name?: string; email?: string; phone: string; message?: string }) {
  const form = target.locator('form#contact')
  for (const [name, value] of Object.entries(fields)) {
    if (value !== undefined) await form.locator(`[name=${name}]`).fill(value)
  }
  await form.locator('[type=submit]').click()
}

/** Every stored request must satisfy the contract's own schema. */
const expectSchema = (stored: unknown[]) => {
  for (const request of stored) expect(CallbackRequest.safeParse(request).success, JSON.stringify(request)).toBe(true)
}

/** Records the SDK's `error` events and console warnings in the page. */
async function recordSdk(page: Page) {
  const warnings: string[] = []
  page.on('console', (message) => {
    if (/ringback/i.test(message.text())) warnings.push(message.type() + ': ' + message.text())
  })
  await page.addInitScript(() => {
    const w = window as unknown as { rbErrors: unknown[]; ringback: ((...a: unknown[]) => void) & { q?: unknown[] } }
    w.rbErrors = []
    w.ringback =
      w.ringback ||
      function (...args: unknown[]) {
        ;(w.ringback.q ||= []).push(args)
      }
    w.ringback('on', 'error', (e: unknown) => w.rbErrors.push(e))
  })
  return warnings
}
/** A contact form submitted, then "call me now" in the widget: both stored (GB by form, IE by widget), returned. */
async function deliverByFormAndWidget(page: Page, rb: ReceiverControl, message: string) {
  await submitForm(page, { name: 'Sam', email: 'sam@example.com', phone: GB, message })
  await rb.waitForRequests(1)
  await callMeNow(page, '+353 85 123 4567')
  await expect(page.getByRole('status')).toContainText(/call/i)
  const stored = await rb.waitForRequests(2)
  expectSchema(stored)
  return stored
}
const errorsOf = (page: Page) => page.evaluate(() => (window as unknown as { rbErrors: { code: string; retry: boolean; message: string }[] }).rbErrors)

test.describe('hostile pages', () => {
  test('MooTools, a Prototype.js-style Array.prototype.toJSON and a logging fetch wrapper: the stored requests match the schema', async ({ page, rb }) => {
    await page.addInitScript({ content: readFileSync('node_modules/mootools/lib/mootools-core-1.5.2-server.js', 'utf8') })
    await page.addInitScript(() => {
      // Prototype.js 1.6: arrays serialise themselves to a JSON *string*.
      Object.defineProperty(Array.prototype, 'toJSON', {
        value: function (this: unknown[]) {
          return JSON.stringify(this.slice())
        },
        configurable: true,
        writable: true
      })
      const original = window.fetch
      const w = window as unknown as { fetchLog: string[] }
      w.fetchLog = []
      window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
        w.fetchLog.push(String(input instanceof Request ? input.url : input))
        return original.call(window, input, init)
      }
    })
    await openPage(page, '/form.html')
    // MooTools really is there, changing what the SDK would rely on.
    expect(await page.evaluate(() => [typeof (window as unknown as { MooTools?: unknown }).MooTools, Array.from('ab' as unknown as string[]).length])).toEqual([
      'object',
      1
    ])
    const stored = await deliverByFormAndWidget(page, rb, 'Hello')
    expect(stored.map((r) => r.phone).sort()).toEqual(['+353851234567', GB_E164])
    expect(await page.evaluate(() => (window as unknown as { fetchLog: string[] }).fetchLog.some((url) => url.endsWith('/v1/callbacks')))).toBe(true)
  })

  test('enumerable methods on Object.prototype and Array.prototype (2006-era libraries): forms and widget deliver, nothing thrown, no warning', async ({ page, rb }) => {
    // Every for-in loop on such a page sees `extend` and `each`: the SDK's
    // config check reads own properties only, and no dependency trips on them.
    const warnings = await recordSdk(page)
    await page.addInitScript(() => {
      const proto = Object.prototype as unknown as Record<string, unknown>
      proto.extend = function (this: object, source: object) {
        return Object.assign(this, source)
      }
      ;(Array.prototype as unknown as Record<string, unknown>).each = function (this: unknown[], fn: (item: unknown) => void) {
        this.forEach(fn)
      }
    })
    await openPage(page, '/form.html')
    expect(
      await page.evaluate(() => {
        const keys: string[] = []
        for (const key in {}) keys.push(key)
        return keys
      })
    ).toEqual(['extend'])
    const stored = await deliverByFormAndWidget(page, rb, 'Hello')
    await expect(page.locator('#done')).toHaveText('Thanks, Sam')
    expect(stored.map((r) => r.phone).sort()).toEqual(['+353851234567', GB_E164])
    expect(await errorsOf(page)).toEqual([])
    expect(warnings).toEqual([])
  })

  for (const [how, replace] of [
    ['throws', '() => { throw new Error("fetch is disabled on this page") }'],
    ['rejects with a TypeError', '() => Promise.reject(new TypeError("Failed to fetch"))']
  ] as const) {
    test(`a fetch wrapper that ${how}: delivered over XHR at once`, async ({ page, rb }) => {
      await page.addInitScript({ content: 'window.fetch = ' + replace })
      await openPage(page, '/form.html')
      await submitForm(page, { name: 'Sam', phone: GB })
      expectSchema(await rb.waitForRequests(1))
      expect(await rb.attempts()).toHaveLength(1)
    })
  }

  // The page's fetch gets 5 s to settle before XHR goes beside it (transport.ts):
  // the lead must arrive within 20 s, once, with its one id.
  test('a broken fetch polyfill that never settles: the form delivers over XHR within 20 s, once', async ({ page, rb }) => {
    await openPage(page, '/brokenfetch.html')
    await submitForm(page, { name: 'Sam', phone: GB })
    let stored: unknown[] = []
    await expect.poll(async () => (stored = await rb.requests()).length, { timeout: 20_000 }).toBe(1)
    expectSchema(stored)
    expect(await rb.attempts()).toEqual([expect.objectContaining({ status: 201, contentType: expect.stringMatching(/^application\/json/) })])
  })

  test('a broken fetch polyfill that never settles: the widget is answered and its request arrives within 20 s, once', async ({ page, rb }) => {
    await openPage(page, '/brokenfetch.html')
    await callMeNow(page)
    await expect(page.getByRole('status')).toContainText('+44 7400 123456', { timeout: 20_000 })
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ channel: 'widget', phone: GB_E164 })
    expect((await rb.attempts()).map((a) => [a.id, a.status])).toEqual([[stored!.id, 201]])
  })

  test('a page that breaks both fetch and XHR (neither ever settles): the request goes as a beacon and arrives within 20 s', async ({ page, rb }) => {
    await openPage(page, '/brokenfetch.html')
    // After the config came (over XHR), a script of the page breaks XHR too: it sends nothing, ever.
    await page.evaluate(() => void (XMLHttpRequest.prototype.send = () => undefined))
    await submitForm(page, { name: 'Sam', phone: GB })
    let stored: unknown[] = []
    await expect.poll(async () => (stored = await rb.requests()).length, { timeout: 20_000 }).toBe(1)
    expectSchema(stored)
    expect((await rb.attempts())[0]).toMatchObject({ status: 201, contentType: expect.stringMatching(/^text\/plain/) })
  })

  test('a fetch wrapper that sends but never settles (the double-send risk): the fallback is a replay, one request is stored', async ({ page, rb }) => {
    await page.addInitScript(() => {
      const original = window.fetch
      window.fetch = function (input: RequestInfo | URL, init?: RequestInit) {
        original.call(window, input, init).catch(() => undefined)
        return new Promise<Response>(() => undefined)
      }
    })
    await openPage(page, '/form.html')
    await callMeNow(page)
    await expect(page.getByRole('status')).toContainText('+44 7400 123456', { timeout: 20_000 })
    const [stored] = await rb.waitForRequests(1)
    // The page's fetch reached the platform; XHR, 5 s later, was answered as the replay it was.
    expect((await rb.attempts()).map((a) => [a.id, a.status])).toEqual([
      [stored!.id, 201],
      [stored!.id, 200]
    ])
    expect(await rb.requests()).toHaveLength(1)
  })

  test('CSP without unsafe-inline or eval, and Trusted Types enforced: no violation, the form and the widget work', async ({ page, rb }) => {
    await page.addInitScript(() => {
      const w = window as unknown as { violations: string[] }
      w.violations = []
      document.addEventListener('securitypolicyviolation', (e) => w.violations.push(e.violatedDirective + ' ' + e.blockedURI + ' ' + e.sourceFile))
    })
    await openPage(page, '/csp.html')
    await deliverByFormAndWidget(page, rb, 'Strict page')
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([])
  })

  test('config texts holding HTML and script are shown as text, and the handler never runs', async ({ page, servers, rb }) => {
    const site = JSON.parse(readFileSync('demo/sites.json', 'utf8'))[0].config
    const payload = '<img src=x onerror="window.pwned=1">'
    const texts: Record<string, string> = {}
    for (const key of ['launcher', 'title', 'intro', 'phone', 'now', 'calling', 'notice', 'consent', 'closed']) texts[key] = key + ' ' + payload
    await rb.faults({
      config: { body: { ...site, business: { ...site.business, name: 'Acme ' + payload }, widget: { ...site.widget, label: 'Call me back ' + payload, texts } } }
    })
    await openDemo(page, servers)
    const launcher = page.getByRole('button', { name: /call me back/i })
    await expect(launcher).toContainText(payload)
    await launcher.click()
    await expect(page.getByRole('dialog')).toBeVisible()
    await page.waitForTimeout(500)
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined()
    // No element was made from the texts: no <img> anywhere, shadow roots included.
    const images = await page.evaluate(() => {
      let count = 0
      const walk = (root: Document | ShadowRoot) => {
        count += root.querySelectorAll('img').length
        for (const el of root.querySelectorAll('*')) if (el.shadowRoot) walk(el.shadowRoot)
      }
      walk(document)
      return count
    })
    expect(images).toBe(0)
    expect(await rb.requests()).toHaveLength(0)
  })

  test('<base href> pointing at another origin: the SDK loads its files and delivers', async ({ page, rb }) => {
    await openPage(page, '/base.html')
    await submitForm(page, { name: 'Sam', phone: GB })
    const [stored] = await rb.waitForRequests(1)
    expect(stored!.page.url).toBe(pages.origin + '/base.html')
    await expect(page.getByRole('button', { name: /call me back/i })).toBeVisible()
  })

  test('quirks mode: the form and the widget work', async ({ page, rb }) => {
    await openPage(page, '/quirks.html')
    expect(await page.evaluate(() => document.compatMode)).toBe('BackCompat')
    await submitForm(page, { name: 'Sam', phone: GB })
    await rb.waitForRequests(1)
    await callMeNow(page, '+353 85 123 4567')
    await expect(page.getByRole('status')).toContainText(/call/i)
    expectSchema(await rb.waitForRequests(2))
  })

  test('a right-to-left page: the form and the widget work', async ({ page, rb }) => {
    await openPage(page, '/rtl.html')
    await submitForm(page, { name: 'سارة', phone: GB })
    const [stored] = await rb.waitForRequests(1)
    expect(stored!.contact).toEqual({ name: 'سارة' })
    await callMeNow(page, '+353 85 123 4567')
    await expect(page.getByRole('status')).toContainText(/call/i)
    await rb.waitForRequests(2)
  })

  test('a cross-origin iframe: the form inside delivers', async ({ page, rb }) => {
    await page.goto(pages.other + '/frames.html?src=' + encodeURIComponent(pages.origin + '/form.html'))
    const frame = page.frameLocator('iframe')
    await expect(frame.getByRole('button', { name: /call me back/i })).toBeVisible()
    await frame.locator('[name=name]').fill('Sam')
    await frame.locator('[name=phone]').fill(GB)
    await frame.locator('[type=submit]').click()
    const [stored] = await rb.waitForRequests(1)
    expect(stored!.page.url).toBe(pages.origin + '/form.html')
  })

  test('a sandboxed iframe with same-origin: delivers; without it (opaque origin, no storage): nothing thrown', async ({ page, rb }) => {
    const frameErrors: string[] = []
    page.on('console', (m) => m.type() === 'error' && /ringback/.test(m.text()) && frameErrors.push(m.text()))
    await page.goto(pages.other + '/frames.html?sandbox=allow-scripts+allow-forms+allow-same-origin&src=' + encodeURIComponent(pages.origin + '/form.html'))
    const frame = page.frameLocator('iframe')
    await expect(frame.getByRole('button', { name: /call me back/i })).toBeVisible()
    await frame.locator('[name=name]').fill('Sam')
    await frame.locator('[name=phone]').fill(GB)
    await frame.locator('[type=submit]').click()
    await rb.waitForRequests(1)

    // An opaque origin ("null") is no site's registered origin: the platform refuses it, the SDK stays quiet.
    await page.goto(pages.other + '/frames.html?sandbox=allow-scripts+allow-forms&src=' + encodeURIComponent(pages.origin + '/form.html'))
    const sandboxed = page.frames()[1]!
    await sandboxed.waitForLoadState()
    await page.waitForTimeout(1000)
    await sandboxed.locator('[name=name]').fill('Sam')
    await sandboxed.locator('[name=phone]').fill(GB)
    await sandboxed.locator('[type=submit]').click()
    await page.waitForTimeout(1000)
    expect(frameErrors).toEqual([])
    expect(await rb.requests()).toHaveLength(1)
  })
})

test.describe('bad input', () => {
  for (const [what, phone] of [
    ['too short', '07400 12'],
    ['too long', '07400 1234567890'],
    ['letters', 'call me maybe'],
    ['emoji', '📞 07400 📞'],
    ['another country not served (FR)', '+33 6 12 34 56 78'],
    ['a US number written the US way', '(202) 555-0143']
  ] as const) {
    test(`a phone number that is ${what}: not sent, an invalid_phone error`, async ({ page, rb }) => {
      await recordSdk(page)
      await openPage(page, '/form.html')
      await submitForm(page, { name: 'Sam', phone })
      await expect.poll(() => errorsOf(page)).toEqual([expect.objectContaining({ code: 'invalid_phone', retry: false })])
      expect(await rb.attempts()).toHaveLength(0)
    })
  }

  test('letters in the widget: the visitor is told, nothing is sent', async ({ page, servers, rb }) => {
    await openDemo(page, servers)
    await callMeNow(page, 'call me maybe')
    // The panel asks the visitor to check the number, or (where its input drops letters) to enter one.
    await expect(page.getByRole('dialog')).toContainText(/please check|please enter your phone number/i)
    await page.waitForTimeout(500)
    expect(await rb.attempts()).toHaveLength(0)
  })

  test('a config without business hours or a time zone: no launcher, a config_invalid error, and forms still deliver', async ({ page, rb }) => {
    await recordSdk(page)
    await rb.faults({ config: { invalid: true } })
    await openPage(page, '/form.html')
    await expect.poll(async () => (await errorsOf(page)).map((e) => e.code)).toContain('config_invalid')
    await expect(page.locator('ringback-widget')).toHaveCount(0)
    // No phone section either: the default country is the browser's (US), so the number is written internationally.
    await submitForm(page, { name: 'Sam', phone: '+44 7400 123456' })
    const stored = await rb.waitForRequests(1)
    expectSchema(stored)
    expect(stored[0]).toMatchObject({ channel: 'form', phone: GB_E164 })
  })

  test('a time zone that does not exist: the launcher goes at the first hover, with a config_invalid error naming it', async ({ page, rb }) => {
    await recordSdk(page)
    const site = JSON.parse(readFileSync('demo/sites.json', 'utf8'))[0].config
    await rb.faults({ config: { body: { ...site, business: { ...site.business, timeZone: 'Mars/Olympus' } } } })
    await openPage(page, '/form.html')
    const launcher = page.getByRole('button', { name: /call me back/i })
    await launcher.hover()
    await expect(launcher).toHaveCount(0)
    const errors = await errorsOf(page)
    expect(errors.filter((e) => e.code === 'config_invalid').map((e) => e.message)).toEqual([expect.stringMatching(/business\.timeZone.*hidden/)])
  })

  test('a widget section that fails its schema: the widget works on its defaults, with one config_invalid error', async ({ page, rb }) => {
    await recordSdk(page)
    const site = JSON.parse(readFileSync('demo/sites.json', 'utf8'))[0].config
    await rb.faults({ config: { body: { ...site, widget: { enabled: true, position: 'middle', accent: 'red' } } } })
    await openPage(page, '/form.html')
    await callMeNow(page, '+353 85 123 4567')
    await expect(page.getByRole('status')).toContainText(/call/i)
    const stored = await rb.waitForRequests(1)
    expectSchema(stored)
    expect(stored[0]).toMatchObject({ channel: 'widget', phone: '+353851234567' })
    // The launcher is hidden while the panel is open.
    await page.keyboard.press('Escape')
    const box = await page.getByRole('button', { name: /call me back/i }).boundingBox()
    expect(box!.x).toBeGreaterThan((page.viewportSize()!.width * 2) / 3)
    expect((await errorsOf(page)).filter((e) => e.code === 'config_invalid').map((e) => e.message)).toEqual([expect.stringMatching(/\(widget\); defaults are used/)])
  })

  test('oversized fields are cut to the documented limits before sending', async ({ page, rb }) => {
    await openPage(page, '/form.html')
    await submitForm(page, { name: 'N'.repeat(500), email: 'e'.repeat(300) + '@example.com', phone: GB, message: 'M'.repeat(5000) + '😀' })
    const [stored] = await rb.waitForRequests(1)
    expectSchema([stored])
    expect(stored!.contact!.name).toHaveLength(LIMITS.name)
    expect(stored!.contact!.message).toHaveLength(LIMITS.message)
    expect(stored!.contact!.email!.length).toBeLessThanOrEqual(LIMITS.email)
  })

  for (const [what, path] of [
    ['missing', '/nosite.html'],
    ['malformed', '/badsite.html']
  ] as const) {
    test(`data-site ${what}: one warning, nothing thrown, commands are harmless`, async ({ page }) => {
      const warnings = await recordSdk(page)
      const calls: string[] = []
      page.on('request', (r) => r.url().includes('/v1/') && calls.push(r.url()))
      await page.goto(pages.origin + path)
      await expect.poll(() => warnings.length).toBe(1)
      expect(warnings[0]).toMatch(/^warning: .*site/)
      await page.evaluate(() => {
        const rb = (window as unknown as { ringback: (...a: unknown[]) => void }).ringback
        rb('open')
        rb('capture', document.body)
        rb('destroy')
      })
      await page.waitForTimeout(300)
      expect(warnings).toHaveLength(1)
      expect(calls).toEqual([])
    })
  }
})

test.describe('bad answers from the API', () => {
  test('a 503 whose body is HTML, not JSON: retried, then stored', async ({ page, rb }) => {
    await rb.faults({ callbacks: { count: 1, status: 503, contentType: 'text/html', body: '<html><body>Bad gateway</body></html>' } })
    await openPage(page, '/form.html')
    await submitForm(page, { name: 'Sam', phone: GB })
    await rb.waitForRequests(1)
    expect((await rb.attempts()).map((a) => a.status)).toEqual([503, 201])
  })

  for (const [what, body] of [
    ['empty', ''],
    ['not JSON', 'OK']
  ] as const) {
    test(`a 2xx whose body is ${what}: acknowledged (a success event), not sent again`, async ({ page, rb }) => {
      await recordSdk(page)
      await page.addInitScript(() => {
        const w = window as unknown as { rbSuccess: unknown[]; ringback: (...a: unknown[]) => void }
        w.rbSuccess = []
        w.ringback('on', 'success', (e: unknown) => w.rbSuccess.push(e))
      })
      await rb.faults({ callbacks: { count: 1, status: 200, contentType: 'text/plain', body } })
      await openPage(page, '/form.html')
      await submitForm(page, { name: 'Sam', phone: GB })
      await expect.poll(() => page.evaluate(() => (window as unknown as { rbSuccess: unknown[] }).rbSuccess.length)).toBe(1)
      await page.waitForTimeout(1500)
      expect(await rb.attempts()).toHaveLength(1)
      expect(await errorsOf(page)).toEqual([])
    })
  }

  test('a slow answer (3 s): delivered once, the visitor sees success', async ({ page, servers, rb }) => {
    await rb.faults({ callbacks: { count: 1, delayMs: 3000, pass: true } })
    await openDemo(page, servers)
    await callMeNow(page)
    await expect(page.getByRole('status')).toContainText(/call/i, { timeout: 15_000 })
    expect(await rb.requests()).toHaveLength(1)
    expect(await rb.attempts()).toHaveLength(1)
  })

  test('a 3xx is not followed: it is retried against the API, then stored', async ({ page, rb }) => {
    await rb.faults({ callbacks: { count: 1, status: 302, location: pages.origin + '/thanks.html', body: '' } })
    await openPage(page, '/form.html')
    await submitForm(page, { name: 'Sam', phone: GB })
    await rb.waitForRequests(1)
    expect((await rb.attempts()).map((a) => a.status)).toEqual([302, 201])
  })
})
