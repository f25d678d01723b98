import { existsSync, readFileSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { devices, type Locator, type Page } from '@playwright/test'
import { expect, holdBack, openDemo, patchConfig, PHONE_FILES, recordShifts, type Servers, test } from './fixtures'

/** A Tuesday, 10:00 in London: the demo business is open. */
const TUESDAY_OPEN = '2026-12-01T10:00:00Z'

const launcher = (page: Page) => page.getByRole('button', { name: 'Call me back' })
const dialog = (page: Page) => page.getByRole('dialog')

async function openWidget(page: Page): Promise<Locator> {
  await launcher(page).click()
  await expect(dialog(page)).toBeVisible()
  return dialog(page)
}

/**
 * Serves the pages of e2e/pages/widget/ (and the loader snippet) from a small
 * server of its own on loopback, registered with the receiver as an origin
 * of the demo site. (Pages fulfilled by `page.route` count as public to
 * Chromium, which then refuses to load the SDK from a loopback address.)
 */
async function pageServer(servers: Servers): Promise<{ origin: string; close(): Promise<void> }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url || '/', 'http://x')
    const name = url.pathname.replace(/^\/widget\//, '').replace(/^spa-.*/, 'spa.html')
    if (url.pathname === '/stub.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript' })
      return res.end(readFileSync('demo/site/stub.js'))
    }
    if (!/^[a-z]+\.html$/.test(name) || !existsSync('e2e/pages/widget/' + name)) return res.writeHead(404).end()
    const html = readFileSync('e2e/pages/widget/' + name, 'utf8')
      .replaceAll('%RINGBACK_SRC%', servers.api + '/ringback.js')
      .replaceAll('%SITE_ID%', 'demo')
    const headers: Record<string, string> = { 'Content-Type': 'text/html; charset=utf-8' }
    const csp = url.searchParams.get('csp')
    if (csp) headers['Content-Security-Policy'] = csp
    res.writeHead(200, headers)
    res.end(html)
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const origin = 'http://127.0.0.1:' + (server.address() as AddressInfo).port
  servers.receiver.allowOrigin('demo', origin)
  return { origin, close: () => new Promise((resolve) => server.close(() => resolve())) }
}

let pages: { origin: string; close(): Promise<void> } | undefined

/** Opens one of those pages; the SDK's config request has answered when it resolves. */
async function servePage(page: Page, servers: Servers, name: string, csp?: string) {
  pages ||= await pageServer(servers)
  const config = page.waitForResponse((response) => response.url().includes('/config'))
  await page.goto(pages.origin + '/widget/' + name + (csp ? '?csp=' + encodeURIComponent(csp) : ''))
  await config
}

test.afterAll(async () => {
  await pages?.close()
  pages = undefined
})

async function shot(page: Page, name: string) {
  await page.screenshot({ path: 'e2e/artifacts/widget-' + name + '.png' })
}

/** axe-core's findings on the widget (in its shadow root). */
async function axe(page: Page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' })
  return page.evaluate(async () => {
    const result = await (window as any).axe.run(document.querySelector('ringback-widget'), { resultTypes: ['violations'] })
    return result.violations.map((v: any) => v.id + ': ' + v.nodes.map((n: any) => n.target.join(' ')).join(', '))
  })
}

/** What the focused element inside the widget is. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const active = document.querySelector('ringback-widget')?.shadowRoot?.activeElement as HTMLElement | null | undefined
    return active ? active.tagName + (active.id ? '#' + active.id : '') + ' ' + (active.getAttribute('aria-label') || active.textContent || '').trim() : ''
  })

test.describe('the callback widget', () => {
  test('instant flow: a visitor asks to be called now and sees the platform answer', async ({ page, servers, rb }) => {
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    const panel = await openWidget(page)
    await expect(panel.getByText(/Leave your number/)).toBeVisible()
    expect(await axe(page)).toEqual([])
    await shot(page, 'light')
    await panel.getByLabel(/phone number/i).pressSequentially('07400123456')
    // Formatted as typed.
    await expect(panel.getByLabel(/phone number/i)).toHaveValue('07400 123456')
    await panel.getByRole('checkbox').check()
    await panel.getByRole('button', { name: /call me now/i }).click()
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({
      channel: 'widget',
      phone: '+447400123456',
      schedule: { type: 'asap' },
      consent: { granted: true, text: 'I agree that Acme Plumbing may call me about my request.' },
      signals: { honeypot: false }
    })
    expect(stored!.signals!.fillMs).toBeGreaterThanOrEqual(0)
    // The receiver answers by its own clock: calling now (open) or the next opening (closed).
    const status = panel.getByRole('status')
    // The visitor's own number, in full (events and dataLayer see it masked); a scheduled call's day and time in a sentence.
    await expect(status).toHaveText(/We are calling you now on \+44 7400 123456\.|We will call you on \+44 7400 123456 on \w+day, \w+ \d+ at \d+:\d\d\s?[AP]M\./)
    expect(await axe(page)).toEqual([])
    await shot(page, 'success')
    // Delivered once; a second click could not send it again.
    expect(await rb.requests()).toHaveLength(1)
  })

  test('the platform rejecting the number (422 invalid_phone) is said at the field, and a fixed number goes through', async ({ page, servers, rb }) => {
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    const panel = await openWidget(page)
    const input = panel.getByLabel(/phone number/i)
    // Premium rate: the browser's small metadata accepts it, the receiver's strict check does not.
    await input.fill('09098 790000')
    await panel.getByRole('checkbox').check()
    await panel.getByRole('button', { name: /call me now/i }).click()
    await expect(input).toHaveAttribute('aria-invalid', 'true')
    const described = await input.getAttribute('aria-describedby')
    // In the panel's own words (its language); the platform's reason ("premium-rate numbers cannot be called back") is the event's.
    await expect(panel.locator('#' + described)).toHaveText('This does not look like a valid phone number. Please check it.')
    expect(await axe(page)).toEqual([])
    await shot(page, 'error')
    await input.fill('07400 123456')
    await panel.getByRole('button', { name: /call me now/i }).click()
    await expect(panel.getByRole('status')).toBeVisible()
    const stored = await rb.waitForRequests(1)
    expect(stored.map((s) => s.phone)).toEqual(['+447400123456'])
  })

  test("calling now: the platform's etaSeconds counts down", async ({ page, servers, rb }) => {
    // The receiver answers by the real clock; the answer it would give while open is made here.
    await page.route(servers.api + '/v1/callbacks', async (route) => {
      const response = await route.fetch()
      const body = await response.json()
      await route.fulfill({ response, json: { id: body.id, status: 'calling', etaSeconds: 30 } })
    })
    // Ten minutes before (open too), so the page loads with time flowing; the
    // countdown then counts only the seconds the test runs (a loaded machine
    // let 10 s pass between two reads while time flowed).
    await page.clock.install({ time: new Date(Date.parse(TUESDAY_OPEN) - 10 * 60000) })
    await openDemo(page, servers)
    const panel = await openWidget(page)
    await panel.getByLabel(/phone number/i).fill('07400 123456')
    await panel.getByRole('checkbox').check()
    await page.clock.pauseAt(new Date(TUESDAY_OPEN))
    await panel.getByRole('button', { name: /call me now/i }).click()
    await expect(panel.getByRole('status')).toHaveText('We are calling you now on +44 7400 123456.')
    await expect(panel.getByText('Your phone should ring within 30 seconds.')).toBeVisible()
    await page.clock.runFor(5000)
    await expect(panel.getByText('Your phone should ring within 25 seconds.')).toBeVisible()
    await page.clock.runFor(30000)
    await expect(panel.getByText('Your phone should ring any moment now.')).toBeVisible()
    await rb.waitForRequests(1)
  })

  test("a final error shows the panel's own words (the platform's English message goes to the event) and one button that sends again", async ({ page, servers, rb }) => {
    await rb.faults({
      callbacks: { count: 1, status: 409, body: JSON.stringify({ error: { code: 'idempotency_conflict', message: 'This request clashes with an earlier one.' } }) }
    })
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    const panel = await openWidget(page)
    await panel.getByLabel(/phone number/i).fill('07400 123456')
    await panel.getByRole('checkbox').check()
    await panel.getByRole('button', { name: /call me now/i }).click()
    await expect(panel.getByRole('alert')).toHaveText('Something went wrong. Please try again.')
    // One button, named for what it does now ("Call me now" beside "Try again" did the same).
    await expect(panel.getByRole('button', { name: /call me now/i })).toHaveCount(0)
    await panel.getByRole('button', { name: 'Try again' }).click()
    await expect(panel.getByRole('status')).toBeVisible()
    const stored = await rb.waitForRequests(1)
    expect(stored.map((r) => r.phone)).toEqual(['+447400123456'])
    expect((await rb.attempts()).map((a) => a.status)).toEqual([409, expect.any(Number)])
  })

  test('an invalid number and a missing tick are explained in words at their fields, and nothing is sent', async ({ page, servers, rb }) => {
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    const panel = await openWidget(page)
    const input = panel.getByLabel(/phone number/i)
    await input.fill('0740')
    await panel.getByRole('button', { name: /call me now/i }).click()
    await expect(panel.locator('#rb-phone-error')).toHaveText('This number is too short. Please check it.')
    await expect(panel.locator('#rb-consent-error')).toHaveText('Please tick the box to agree to the call.')
    await expect(panel.getByRole('checkbox')).toHaveAttribute('aria-describedby', 'rb-consent-error')
    await expect(input).toBeFocused()
    await page.waitForTimeout(300)
    expect(await rb.attempts()).toHaveLength(0)
  })

  test('a pasted or autofilled international number switches the country and never shows the code twice', async ({ page, servers }) => {
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    const panel = await openWidget(page)
    const input = panel.getByLabel(/phone number/i)
    await input.fill('+353 85 123 4567')
    await expect(panel.getByRole('combobox', { name: 'Country' })).toHaveValue('IE')
    await expect(input).toHaveValue('085 123 4567')
    await input.fill('0044 (0)7400 123456')
    await expect(panel.getByRole('combobox', { name: 'Country' })).toHaveValue('GB')
    await expect(input).toHaveValue('07400 123456')
  })

  test('a number autofilled before phone validation has loaded gets its country and format when it arrives', async ({ page, servers }) => {
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    // Hold the phone files back: the field is there (first render) before validation is.
    const release = await holdBack(page, PHONE_FILES)
    await openDemo(page, servers)
    const panel = await openWidget(page)
    const input = panel.getByLabel(/phone number/i)
    await input.fill('+353 85 123 4567')
    await expect(panel.getByRole('combobox', { name: 'Country' })).toHaveValue('GB')
    release()
    await expect(panel.getByRole('combobox', { name: 'Country' })).toHaveValue('IE')
    await expect(input).toHaveValue('085 123 4567')
  })

  test.describe('in New York', () => {
    test.use({ timezoneId: 'America/New_York', locale: 'en-US' })

    test('scheduled flow: on a Sunday evening the first slot is Monday 9:00 in London, shown in New York time, stored in UTC', async ({ page, servers, rb }) => {
      // Sunday 29 November 2026, 20:00 in New York (01:00 UTC on Monday), on the
      // page's clock and the receiver's alike: London opens at 09:00 GMT, which
      // is 04:00 in New York (the US has left summer time, so has the UK).
      const sundayEvening = '2026-11-30T01:00:00Z'
      const opening = Date.parse('2026-11-30T09:00:00Z')
      const newYork = (t: number) => new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: 'numeric', minute: '2-digit' }).format(t)
      expect(newYork(opening)).toBe('4:00 AM')
      rb.clock(sundayEvening)
      await page.clock.install({ time: new Date(sundayEvening) })
      await openDemo(page, servers)
      const panel = await openWidget(page)
      await expect(panel.getByText(/We are closed right now/)).toBeVisible()
      const days = panel.getByRole('radiogroup', { name: 'Day' }).getByRole('radio')
      await expect(days.first()).toHaveText(/^Mon/)
      const first = panel.getByRole('radiogroup', { name: 'Time' }).getByRole('radio').first()
      await expect(first).toHaveAccessibleName(newYork(opening) + ' your time, 9:00 AM in London, early morning for you')
      expect(await axe(page)).toEqual([])
      await first.click()
      await expect(first).toHaveAttribute('aria-checked', 'true')
      await shot(page, 'schedule')
      await panel.getByLabel(/phone number/i).fill('07400 123456')
      await panel.getByRole('checkbox').check()
      await panel.getByRole('button', { name: /call me at this time/i }).click()
      const [stored] = await rb.waitForRequests(1)
      expect(stored!.schedule).toEqual({ type: 'slot', at: new Date(opening).toISOString() })
      expect(stored!.timeZone).toBe('America/New_York')
      await expect(panel.getByRole('status')).toHaveText(
        new RegExp('We will call you on \\+44 7400 123456 on Monday, .* at ' + newYork(opening).replace(/\s/g, '\\s') + ' \\(9:00\\sAM in London\\)\\.')
      )
    })

    test('a slot that passes while the panel is open is no longer offered', async ({ page, servers }) => {
      // Tuesday 16:40 in London: the last slots of the day (close 17:30, lead 10 min).
      await page.clock.install({ time: new Date('2026-12-01T16:40:00Z') })
      await openDemo(page, servers)
      const panel = await openWidget(page)
      await panel.getByRole('button', { name: 'Pick a time instead' }).click()
      const first = panel.getByRole('radiogroup', { name: 'Time' }).getByRole('radio').first()
      await expect(first).toHaveAccessibleName('12:00 PM your time, 5:00 PM in London')
      await page.clock.runFor(20 * 60000)
      await expect(first).toHaveAccessibleName('12:15 PM your time, 5:15 PM in London')
    })
  })

  test('keyboard only: open, fill, consent, submit, close; focus is trapped and returns to the launcher', async ({ page, servers, rb }) => {
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    await launcher(page).focus()
    await page.keyboard.press('Enter')
    await expect(dialog(page)).toBeVisible()
    expect(await focused(page)).toMatch(/^INPUT#rb-phone/)
    // Tab cycles inside the panel.
    const seen = new Set<string>()
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab')
      seen.add(await focused(page))
    }
    expect([...seen].every((f) => f !== '')).toBe(true)
    await page.keyboard.press('Shift+Tab')
    expect(await focused(page)).not.toBe('')
    // Back to the number field, then through the form.
    await dialog(page)
      .getByLabel(/phone number/i)
      .focus()
    await page.keyboard.type('07400 123456')
    await page.keyboard.press('Tab')
    await page.keyboard.press('Space')
    await expect(dialog(page).getByRole('checkbox')).toBeChecked()
    await page.keyboard.press('Tab')
    await page.keyboard.press('Tab')
    expect(await focused(page)).toMatch(/Call me now/)
    await page.keyboard.press('Enter')
    await expect(dialog(page).getByRole('status')).toBeVisible()
    expect(await focused(page)).toMatch(/^P /)
    await rb.waitForRequests(1)
    await page.keyboard.press('Escape')
    await expect(dialog(page)).toHaveCount(0)
    expect(await focused(page)).toMatch(/^BUTTON .*Call me back/)
  })

  test('the slot picker works with arrow keys', async ({ page, servers }) => {
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    await page.evaluate(() => (window as any).ringback('open', 'schedule'))
    const times = dialog(page).getByRole('radiogroup', { name: 'Time' }).getByRole('radio')
    // The scheduling view takes focus to its first choice.
    await expect.poll(() => focused(page)).toMatch(/^BUTTON .*Dec/)
    await times.first().focus()
    await page.keyboard.press('ArrowRight')
    await expect(times.nth(1)).toBeFocused()
    await expect(times.nth(1)).toHaveAttribute('aria-checked', 'true')
    await page.keyboard.press('ArrowLeft')
    await expect(times.nth(0)).toHaveAttribute('aria-checked', 'true')
    await page.keyboard.press('End')
    await expect(times.last()).toHaveAttribute('aria-checked', 'true')
    const days = dialog(page).getByRole('radiogroup', { name: 'Day' }).getByRole('radio')
    await days.first().focus()
    await page.keyboard.press('ArrowRight')
    await expect(days.nth(1)).toHaveAttribute('aria-checked', 'true')
  })

  test('the time slots and the country names come a frame after the panel, and move nothing', async ({ page, servers }) => {
    const shifts = await recordShifts(page)
    // Chromium reports no shift inside an element whose transform animates
    // (the panel's entrance), and the frames must be real ones (no page clock).
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await openDemo(page, servers)
    await page.evaluate(() => (window as any).ringback('open', 'schedule'))
    await expect(dialog(page).getByRole('radiogroup', { name: 'Time' }).getByRole('radio').first()).toBeVisible()
    await expect(dialog(page).getByRole('combobox', { name: 'Country' })).toContainText('United Kingdom')
    // Any shift counts here, even one right after the visitor's own input.
    expect(await shifts()).toEqual([])
  })

  test('dark mode and the mobile bottom sheet (iPhone 13) fit and stay readable', async ({ browser, servers }) => {
    const { defaultBrowserType: _, ...iPhone } = devices['iPhone 13']
    const context = await browser.newContext({ ...iPhone, colorScheme: 'dark' })
    const page = await context.newPage()
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    await launcher(page).tap()
    const panel = dialog(page)
    await expect(panel).toBeVisible()
    // Measured once the opening animation has ended.
    await panel.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)))
    const box = (await panel.boundingBox())!
    const viewport = page.viewportSize()!
    expect(box.x).toBeGreaterThanOrEqual(0)
    expect(box.y).toBeGreaterThanOrEqual(0)
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width)
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height + 0.5)
    const input = panel.getByLabel(/phone number/i)
    expect(await input.evaluate((el) => parseFloat(getComputedStyle(el).fontSize))).toBeGreaterThanOrEqual(16)
    expect(await panel.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(31, 31, 35)')
    expect(await axe(page)).toEqual([])
    await shot(page, 'mobile-dark')
    await context.close()
  })

  test('dark mode on a desktop', async ({ page, servers }) => {
    await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' })
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    const panel = await openWidget(page)
    expect(await panel.evaluate((el) => getComputedStyle(el).animationName)).toBe('none')
    expect(await axe(page)).toEqual([])
    await shot(page, 'dark')
  })

  test('languages: German from the config, right-to-left with config texts, every string overridable', async ({ page, servers }) => {
    await patchConfig(page, servers, (config) => {
      config.widget.locale = 'de'
    })
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    await expect(page.getByRole('button', { name: 'Rückruf anfordern' })).toBeVisible()
    await page.getByRole('button', { name: 'Rückruf anfordern' }).click()
    await expect(dialog(page)).toHaveAccessibleName('Rückruf anfordern')
    await expect(dialog(page).getByLabel('Ihre Telefonnummer')).toBeVisible()
    await expect(dialog(page).getByRole('combobox', { name: 'Land' })).toContainText('Vereinigtes Königreich')
  })

  test('right-to-left', async ({ page, servers }) => {
    await patchConfig(page, servers, (config) => {
      config.widget.locale = 'ar'
      config.widget.texts = { title: 'اطلب مكالمة', phone: 'رقم هاتفك (phone number)', now: 'اتصل بي الآن (call me now)', intro: '<b>not bold</b>' }
    })
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    const panel = await openWidget(page)
    await expect(panel).toHaveAttribute('dir', 'rtl')
    await expect(panel).toHaveAccessibleName('اطلب مكالمة')
    // Texts are text: markup in them is shown, never parsed.
    await expect(panel.getByText('<b>not bold</b>')).toBeVisible()
    const title = (await panel.getByRole('heading').boundingBox())!
    const close = (await panel.getByRole('button', { name: 'Close' }).boundingBox())!
    expect(close.x).toBeLessThan(title.x)
    expect(await axe(page)).toEqual([])
    await shot(page, 'rtl')
  })

  test('a page with hostile CSS shows the launcher and the panel exactly as a plain page does', async ({ page, servers }) => {
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    const boxes = async () => {
      await expect(launcher(page)).toBeVisible()
      const button = await launcher(page).boundingBox()
      const panel = await openWidget(page)
      await panel.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)))
      return { button, panel: await panel.boundingBox(), input: await panel.getByLabel(/phone number/i).boundingBox() }
    }
    await servePage(page, servers, 'plain.html')
    const plain = await boxes()
    await servePage(page, servers, 'hostile.html')
    expect(await page.evaluate(() => getComputedStyle(document.querySelector('p')!).fontSize)).toBe('40px')
    expect(await boxes()).toEqual(plain)
    await shot(page, 'hostile')
  })

  test('a page whose CSP has no unsafe-inline (and requires Trusted Types) shows it with no violation', async ({ page, servers, rb }) => {
    await page.addInitScript(() => {
      ;(window as any).__violations = []
      document.addEventListener('securitypolicyviolation', (e) => (window as any).__violations.push(e.violatedDirective + ' ' + e.blockedURI))
    })
    const csp = `default-src 'self'; script-src 'self' ${servers.api}; connect-src ${servers.api}; style-src 'self'; img-src 'self'; require-trusted-types-for 'script'; trusted-types 'none'`
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await servePage(page, servers, 'csp.html', csp)
    const panel = await openWidget(page)
    expect(await panel.evaluate((el) => getComputedStyle(el).position)).toBe('fixed')
    await panel.getByLabel(/phone number/i).fill('07400 123456')
    await panel.getByRole('checkbox').check()
    await panel.getByRole('button', { name: /call me now/i }).click()
    await expect(panel.getByRole('status')).toBeVisible()
    await rb.waitForRequests(1)
    expect(await page.evaluate(() => (window as any).__violations)).toEqual([])
  })

  test('a single-page app that replaces <body> keeps exactly one working launcher, and requests carry the current URL', async ({ page, servers, rb }) => {
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await servePage(page, servers, 'spa.html')
    await expect(launcher(page)).toBeVisible()
    await page.getByRole('link', { name: 'Pricing' }).click()
    await expect(page.getByRole('heading', { name: 'Page /widget/spa-pricing' })).toBeVisible()
    await page.getByRole('link', { name: 'Next page' }).click()
    await expect(page.locator('ringback-widget')).toHaveCount(1)
    const panel = await openWidget(page)
    await panel.getByLabel(/phone number/i).fill('07400 123456')
    await panel.getByRole('checkbox').check()
    await panel.getByRole('button', { name: /call me now/i }).click()
    const [stored] = await rb.waitForRequests(1)
    expect(stored!.page.url).toBe(page.url())
    expect(page.url()).toMatch(/\/widget\/spa-\w+$/)
    await expect(page.locator('ringback-widget')).toHaveCount(1)
  })

  test('destroy() leaves no element, listener, observer or timer behind', async ({ page, servers }) => {
    await page.addInitScript(() => {
      // Counts what code loaded from a ringback file adds to window and document, and its timers.
      const live = new Map<string, number>()
      const fromSdk = () => /ringback/.test(new Error().stack || '')
      const w = window as any
      w.__live = live
      const bump = (key: string, by: number) => live.set(key, (live.get(key) || 0) + by)
      const add = EventTarget.prototype.addEventListener
      const remove = EventTarget.prototype.removeEventListener
      const listeners = new WeakMap<object, Set<string>>()
      EventTarget.prototype.addEventListener = function (this: any, type: string, fn: any, options?: any) {
        if ((this === window || this === document) && fromSdk() && fn) {
          const capture = typeof options === 'boolean' ? options : !!(options && options.capture)
          const key = type + ':' + capture
          const set = listeners.get(fn) || new Set()
          if (!set.has(key)) bump('listener', 1)
          set.add(key)
          listeners.set(fn, set)
        }
        return add.call(this, type, fn, options)
      }
      EventTarget.prototype.removeEventListener = function (this: any, type: string, fn: any, options?: any) {
        const capture = typeof options === 'boolean' ? options : !!(options && options.capture)
        const set = fn && listeners.get(fn)
        if ((this === window || this === document) && set && set.delete(type + ':' + capture)) bump('listener', -1)
        return remove.call(this, type, fn, options)
      }
      const timers = new Set<unknown>()
      w.__timers = timers
      const st: any = window.setTimeout
      const ct: any = window.clearTimeout
      const si: any = window.setInterval
      const ci: any = window.clearInterval
      ;(window as any).setTimeout = function (fn: any, ms?: number, ...rest: any[]) {
        const sdk = fromSdk()
        const id = st.call(
          window,
          (...a: any[]) => {
            timers.delete(id)
            return typeof fn === 'function' ? fn(...a) : undefined
          },
          ms,
          ...rest
        )
        if (sdk) timers.add(id)
        return id
      }
      ;(window as any).clearTimeout = (id: any) => (timers.delete(id), ct.call(window, id))
      ;(window as any).setInterval = function (fn: any, ms?: number, ...rest: any[]) {
        const id = si.call(window, fn, ms, ...rest)
        if (fromSdk()) timers.add(id)
        return id
      }
      ;(window as any).clearInterval = (id: any) => (timers.delete(id), ci.call(window, id))
      const observe = MutationObserver.prototype.observe
      const disconnect = MutationObserver.prototype.disconnect
      const observers = new Set<MutationObserver>()
      w.__observers = observers
      MutationObserver.prototype.observe = function (this: MutationObserver, ...args: any[]) {
        if (fromSdk()) observers.add(this)
        return observe.apply(this, args as any)
      }
      MutationObserver.prototype.disconnect = function (this: MutationObserver) {
        observers.delete(this)
        return disconnect.call(this)
      }
    })
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await servePage(page, servers, 'plain.html')
    const panel = await openWidget(page)
    await panel.getByLabel(/phone number/i).fill('07400 123456')
    await panel.getByRole('button', { name: 'Close' }).click()
    const before = await page.evaluate(() => ({
      listeners: (window as any).__live.get('listener'),
      observers: (window as any).__observers.size
    }))
    // The instrumentation sees the SDK (a test that cannot fail would prove nothing).
    expect(before.listeners).toBeGreaterThan(0)
    expect(before.observers).toBeGreaterThan(0)
    await page.evaluate(() => (window as any).ringback('destroy'))
    await page.clock.runFor(1000)
    const after = await page.evaluate(() => ({
      elements: document.querySelectorAll('ringback-widget').length,
      listeners: (window as any).__live.get('listener'),
      observers: (window as any).__observers.size,
      timers: (window as any).__timers.size
    }))
    expect(after).toEqual({ elements: 0, listeners: 0, observers: 0, timers: 0 })
  })

  test('abuse signals: a filled honeypot sends nothing but looks like success; the same number twice within a minute is not re-sent', async ({ page, servers, rb }) => {
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    let panel = await openWidget(page)
    await panel.locator('input[name=website]').fill('https://spam.example', { force: true })
    await panel.getByLabel(/phone number/i).fill('07400 123456')
    await panel.getByRole('checkbox').check()
    await panel.getByRole('button', { name: /call me now/i }).click()
    await expect(panel.getByRole('status')).toHaveText(/We are calling you now/)
    await page.waitForTimeout(300)
    expect(await rb.attempts()).toHaveLength(0)
    await panel.getByRole('button', { name: 'Close' }).first().click()

    panel = await openWidget(page)
    await panel.getByLabel(/phone number/i).fill('07400 123456')
    await panel.getByRole('checkbox').check()
    await panel.getByRole('button', { name: /call me now/i }).click()
    await expect(panel.getByRole('status')).toBeVisible()
    await rb.waitForRequests(1)
    await panel.getByRole('button', { name: 'Close' }).first().click()
    panel = await openWidget(page)
    await panel.getByLabel(/phone number/i).fill('+44 7400 123456')
    await panel.getByRole('checkbox').check()
    await panel.getByRole('button', { name: /call me now/i }).click()
    await expect(panel.getByRole('alert')).toHaveText(/already have your request for this number/)
    await page.waitForTimeout(300)
    expect(await rb.requests()).toHaveLength(1)
  })

  test('offline: the visitor is told the request waits and will be sent', async ({ page, servers, rb, context }) => {
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    const panel = await openWidget(page)
    // What opening the panel fetches (delivery, phone metadata) arrives before the network goes.
    await page.waitForLoadState('networkidle')
    await context.setOffline(true)
    await panel.getByLabel(/phone number/i).fill('07400 123456')
    await panel.getByRole('checkbox').check()
    await panel.getByRole('button', { name: /call me now/i }).click()
    await expect(panel.getByRole('status')).toHaveText(/offline.*will be sent/)
    await context.setOffline(false)
    await rb.waitForRequests(1)
    await expect(panel.getByRole('status')).toHaveText(/We are calling you now|We will call you/)
  })

  test('engagement triggers open the panel once per visit, and not while the visitor types in a page form', async ({ page, servers }) => {
    await patchConfig(page, servers, (config) => {
      config.widget.triggers = { afterSeconds: 5 }
    })
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    await expect(launcher(page)).toBeVisible()
    await page.locator('form.contact [name=name]').focus()
    await page.clock.runFor(8000)
    await expect(dialog(page)).toHaveCount(0)
    await page.locator('form.contact [name=name]').blur()
    await page.clock.runFor(3000)
    await expect(dialog(page)).toBeVisible()
    // The page keeps the focus: an automatic opening does not take it.
    expect(await focused(page)).toBe('')
    await page.keyboard.press('Escape')
    await page.reload()
    await page.clock.runFor(8000)
    await expect(launcher(page)).toBeVisible()
    await expect(dialog(page)).toHaveCount(0)
  })

  test('the scroll trigger opens the panel once the share of the page is scrolled', async ({ page, servers }) => {
    await patchConfig(page, servers, (config) => {
      config.widget.triggers = { scrollPercent: 60 }
    })
    // The triggers' own file arrives after the panel's, on idle.
    const triggers = page.waitForResponse((response) => response.url().includes('startTriggers'))
    await openDemo(page, servers)
    await triggers
    await expect(launcher(page)).toBeVisible()
    await page.evaluate(() => scrollTo(0, (document.documentElement.scrollHeight - innerHeight) * 0.3))
    await page.waitForTimeout(300)
    await expect(dialog(page)).toHaveCount(0)
    await page.evaluate(() => scrollTo(0, document.documentElement.scrollHeight))
    await expect(dialog(page)).toBeVisible()
  })

  test('the exit-intent trigger opens the panel when the mouse leaves through the top', async ({ page, servers }) => {
    await patchConfig(page, servers, (config) => {
      config.widget.triggers = { exitIntent: true }
    })
    // The triggers' own file arrives after the panel's, on idle.
    const triggers = page.waitForResponse((response) => response.url().includes('startTriggers'))
    await openDemo(page, servers)
    await triggers
    await expect(launcher(page)).toBeVisible()
    // Leaving through the side is not an exit.
    await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseout', { clientX: 0, clientY: 300 })))
    await page.waitForTimeout(300)
    await expect(dialog(page)).toHaveCount(0)
    await page.evaluate(() => document.dispatchEvent(new MouseEvent('mouseout', { clientX: 400, clientY: 0 })))
    await expect(dialog(page)).toBeVisible()
  })

  test('the launcher follows the config: corner, offset, label, and readable text on a light accent', async ({ page, servers }) => {
    await patchConfig(page, servers, (config) => {
      Object.assign(config.widget, { position: 'bottom-left', offset: { x: 40, y: 30 }, accent: '#ffd400', label: 'Ring me', icon: 'chat' })
    })
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    const button = page.getByRole('button', { name: 'Ring me' })
    await expect(button).toBeVisible()
    const box = (await button.boundingBox())!
    expect(box.x).toBe(40)
    expect(box.y + box.height).toBe(page.viewportSize()!.height - 30)
    expect(await button.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(255, 212, 0)')
    // Black on yellow: 14:1, where white would give 1.5:1. Before the panel
    // mounts, CSS relative colour computes it (`lch(0 0 0)`); after, script does.
    await expect.poll(() => button.evaluate((el) => getComputedStyle(el).color)).toMatch(/^(?:rgb\(0, 0, 0\)|lch\(0 0 0\))$/)
    await button.click()
    const panel = dialog(page)
    await expect(panel).toBeVisible()
    expect((await panel.boundingBox())!.x).toBe(40)
    expect(await panel.getByRole('button', { name: /call me now/i }).evaluate((el) => getComputedStyle(el).color)).toBe('rgb(0, 0, 0)')
    expect(await axe(page)).toEqual([])
  })

  test('consent as the config says: a notice with the policy link, or nothing at all', async ({ page, servers, rb }) => {
    let mode = 'notice'
    await patchConfig(page, servers, (config) => {
      config.privacy.consent = mode
    })
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    let panel = await openWidget(page)
    await expect(panel.getByRole('checkbox')).toHaveCount(0)
    await expect(panel.getByText('We use your number only to call you back.')).toBeVisible()
    await expect(panel.getByRole('link', { name: 'Privacy policy' })).toHaveAttribute('href', 'https://acme.example/privacy')
    await panel.getByLabel(/phone number/i).fill('07400 123456')
    await panel.getByRole('button', { name: /call me now/i }).click()
    const [first] = await rb.waitForRequests(1)
    expect(first!.consent).toEqual({ granted: true, text: 'We use your number only to call you back.' })

    mode = 'none'
    await page.reload()
    panel = await openWidget(page)
    await expect(panel.getByRole('checkbox')).toHaveCount(0)
    await expect(panel.getByRole('link', { name: 'Privacy policy' })).toHaveCount(0)
    await panel.getByLabel(/phone number/i).fill('+353 85 123 4567')
    await panel.getByRole('button', { name: /call me now/i }).click()
    const stored = await rb.waitForRequests(2)
    const second = stored.find((r) => r.phone === '+353851234567')!
    expect(second.consent).toBeUndefined()
  })

  test('any element with data-ringback-open opens it; value schedule opens the scheduling view', async ({ page, servers }) => {
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    const events: string[] = []
    await page.exposeFunction('__event', (name: string) => events.push(name))
    await page.evaluate(() => {
      ;(window as any).ringback('on', 'open', (e: any) => (window as any).__event('open:' + e.mode))
      ;(window as any).ringback('on', 'close', () => (window as any).__event('close'))
    })
    await page.getByRole('link', { name: 'Request a callback' }).click()
    await expect(dialog(page).getByRole('button', { name: /call me now/i })).toBeVisible()
    await page.keyboard.press('Escape')
    await page.evaluate(() => (window as any).ringback('open', 'schedule'))
    await expect(dialog(page).getByRole('radiogroup', { name: 'Time' })).toBeVisible()
    await expect.poll(() => events).toEqual(['open:now', 'close', 'open:schedule'])
  })
})
