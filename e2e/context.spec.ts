import { devices, type Page } from '@playwright/test'
import { DELIVERY_FILE, expect, fetched, FORMS_FILE, GB_META, holdBack, openDemo, test } from './fixtures'

/**
 * Records every write the pages of this test make to localStorage and
 * sessionStorage (whoever makes it), across navigations, so that a test can
 * prove that nothing was written.
 */
async function recordStorageWrites(page: Page): Promise<string[]> {
  const writes: string[] = []
  await page.exposeBinding('__recordWrite', (_source, key: string) => void writes.push(key))
  await page.addInitScript(() => {
    const record = (window as unknown as { __recordWrite: (key: string) => void }).__recordWrite
    const setItem = Storage.prototype.setItem
    Storage.prototype.setItem = function (key: string, value: string) {
      record((this === window.localStorage ? 'local:' : 'session:') + key)
      return setItem.call(this, key, value)
    }
  })
  return writes
}

/** Every key of both storages that the SDK could have written. */
const storedKeys = (page: Page) => page.evaluate(() => [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((key) => key.startsWith('ringback')))

/** Calls a command of the SDK as a site's own script (a consent banner) would. */
const command = (page: Page, ...args: unknown[]) => page.evaluate((a) => (window as unknown as { ringback: (...x: unknown[]) => void }).ringback(...a), args)

async function submitQuote(page: Page) {
  const form = page.locator('form#quote')
  await form.locator('[name=name]').fill('Alex Morgan')
  await form.locator('[name=mobile]').fill('07400 123456')
  await form.locator('[type=submit]').click()
}

async function submitContact(page: Page) {
  const form = page.locator('form[action="/contact"]')
  await form.locator('[name=name]').fill('Sam Taylor')
  await form.locator('[name=email]').fill('sam@example.com')
  await form.locator('[name=phone]').fill('07400 123456')
  // The form navigates away: what the first focus fetched must be there, as a person's typing would see to.
  await fetched(page, FORMS_FILE, GB_META)
  await Promise.all([page.waitForURL('**/thanks.html'), form.locator('[type=submit]').click()])
}

test.describe('visit context', () => {
  test('a lead on page 3 carries the ad landing of page 1: paid, with its gclid and UTM tags', async ({ page, servers, rb }) => {
    const config = page.waitForResponse((response) => response.url().includes('/config'))
    await page.goto(servers.site + '/?utm_source=google&utm_medium=cpc&gclid=x', { referer: 'https://www.google.com/' })
    await config
    // The demo keeps the visit once its consent banner says yes.
    await command(page, 'consent', { storage: true })
    await expect.poll(() => page.evaluate(() => localStorage.getItem('ringback:visit'))).toContain('gclid=x')

    await Promise.all([page.waitForURL('**/services.html'), page.locator('nav a[href="/services.html"]').click()])
    await Promise.all([page.waitForURL('**/quote.html'), page.locator('nav a[href="/quote.html"]').click()])
    await submitQuote(page)

    const [stored] = await rb.waitForRequests(1)
    expect(stored!.page).toMatchObject({ url: servers.site + '/quote.html', referrer: servers.site + '/services.html' })
    expect(stored!.source).toMatchObject({
      medium: 'paid',
      utm: { source: 'google', medium: 'cpc' },
      clickIds: { gclid: 'x' },
      landingPage: servers.site + '/?gclid=x&utm_medium=cpc&utm_source=google'
    })
    // The first page's time, not the submit's.
    expect(Date.parse(stored!.source!.firstSeenAt!)).toBeLessThan(Date.parse(stored!.requestedAt))
  })

  test('a search visit is organic and names the search engine', async ({ page, servers, rb }) => {
    const config = page.waitForResponse((response) => response.url().includes('/config'))
    await page.goto(servers.site + '/', { referer: 'https://www.google.co.uk/' })
    await config
    await submitContact(page)
    const [stored] = await rb.waitForRequests(1)
    expect(stored!.source).toMatchObject({ medium: 'organic', referrerHost: 'www.google.co.uk', landingPage: servers.site + '/' })
  })

  test('secrets in the page address are redacted', async ({ page, servers, rb }) => {
    await openDemo(page, servers, '/quote.html?token=s3cret&ref=spring&email=sam%40example.com')
    await submitQuote(page)
    const [stored] = await rb.waitForRequests(1)
    expect(stored!.page.url).toBe(servers.site + '/quote.html?token=redacted&ref=spring&email=redacted')
    expect(JSON.stringify(stored)).not.toContain('s3cret')
  })

  test.describe('in Tokyo, in Japanese', () => {
    test.use({ timezoneId: 'Asia/Tokyo', locale: 'ja-JP' })

    test('the stored request says so, and the time is UTC', async ({ page, servers, rb }) => {
      await openDemo(page, servers)
      await submitContact(page)
      const [stored] = await rb.waitForRequests(1)
      expect(stored).toMatchObject({ locale: 'ja-JP', timeZone: 'Asia/Tokyo' })
      expect(stored!.requestedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
      expect(Math.abs(Date.parse(stored!.requestedAt) - Date.now())).toBeLessThan(10 * 60_000)
    })
  })

  test.describe('on a phone', () => {
    const { defaultBrowserType: _, ...pixel } = devices['Pixel 7']!
    test.use(pixel)

    test('the device is a mobile Android phone', async ({ page, servers, rb }) => {
      await openDemo(page, servers, '/quote.html')
      await submitQuote(page)
      const [stored] = await rb.waitForRequests(1)
      expect(stored!.device).toMatchObject({ type: 'mobile', os: { name: 'Android' }, browser: { name: 'Chrome' } })
    })
  })

  test.describe('on an iPad asking for desktop pages', () => {
    test.use({
      userAgent: 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15',
      hasTouch: true
    })

    test('the device is an iPad tablet, not a Mac', async ({ page, servers, rb }) => {
      // What iPadOS Safari shows a page: no client hints, five touch points.
      await page.addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'userAgentData', { get: () => undefined })
        Object.defineProperty(Navigator.prototype, 'maxTouchPoints', { get: () => 5 })
      })
      await openDemo(page, servers, '/quote.html')
      await submitQuote(page)
      const [stored] = await rb.waitForRequests(1)
      expect(stored!.device).toMatchObject({ type: 'tablet', vendor: 'Apple', model: 'iPad', os: { name: 'iOS' }, browser: { name: 'Safari' } })
    })
  })
})

test.describe('privacy', () => {
  test('with Global Privacy Control on, nothing is written to storage, even after consent, and the request still goes', async ({ page, servers, rb }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }))
    const writes = await recordStorageWrites(page)
    await page.goto(servers.site + '/?utm_source=newsletter&utm_medium=email')
    await command(page, 'consent', { storage: true })
    await Promise.all([page.waitForURL('**/quote.html'), page.locator('nav a[href="/quote.html"]').click()])
    await submitQuote(page)

    const [stored] = await rb.waitForRequests(1)
    // Held in memory for this page alone: the landing is the page of the request.
    expect(stored!.source).toMatchObject({ medium: 'direct', landingPage: servers.site + '/quote.html' })
    expect(writes).toEqual([])
    expect(await storedKeys(page)).toEqual([])
  })

  test('a site that keeps the visit after consent writes nothing before it, the visit once given, and forget removes it', async ({ page, servers, rb }) => {
    const writes = await recordStorageWrites(page)
    await openDemo(page, servers, '/?utm_source=google&utm_medium=cpc&gclid=x')
    const config = page.waitForResponse((response) => response.url().includes('/config'))
    await Promise.all([page.waitForURL('**/services.html'), page.locator('nav a[href="/services.html"]').click()])
    await config
    // Proof of absence: the SDK has its config and has had every chance to write.
    await page.waitForTimeout(500)
    expect(writes).toEqual([])
    expect(await storedKeys(page)).toEqual([])

    await command(page, 'consent', { storage: true })
    await expect.poll(() => storedKeys(page)).toEqual(expect.arrayContaining(['ringback:visit', 'ringback:consent']))
    const visit = JSON.parse((await page.evaluate(() => localStorage.getItem('ringback:visit')))!)
    // Without consent on page 1 its campaign was never kept: this visit starts here.
    expect(visit).toMatchObject({ landing: servers.site + '/services.html' })
    expect(Object.keys(visit).sort()).toEqual(['first', 'landing', 'last'])

    expect(writes).toEqual(expect.arrayContaining(['local:ringback:visit', 'local:ringback:consent']))

    await command(page, 'forget')
    expect(await storedKeys(page)).toEqual([])
    writes.length = 0
    await Promise.all([page.waitForURL('**/quote.html'), page.locator('nav a[href="/quote.html"]').click()])
    await submitQuote(page)
    await rb.waitForRequests(1)
    // Only the unsent request itself is kept until the platform has it (the visitor's own request).
    expect(writes.filter((key) => !key.startsWith('local:ringback:o:'))).toEqual([])
    await expect.poll(() => storedKeys(page)).toEqual([])
  })
})

/** Serves the demo's real config with another `privacy.storage`, as a site owner would set it. */
async function withStorageMode(page: Page, mode: 'always' | 'never') {
  await page.route('**/v1/sites/demo/config', async (route) => {
    const response = await route.fetch()
    const config = await response.json()
    config.privacy.storage = mode
    await route.fulfill({ response, json: config })
  })
}

test.describe('privacy, per site setting', () => {
  test('a site that keeps the visit always: the landing carries across pages without a banner, until the visitor says no', async ({ page, servers, rb }) => {
    await withStorageMode(page, 'always')
    await openDemo(page, servers, '/?utm_source=facebook&utm_medium=paid_social&fbclid=IwAR2x')
    await expect.poll(() => page.evaluate(() => localStorage.getItem('ringback:visit'))).toContain('fbclid=IwAR2x')
    await Promise.all([page.waitForURL('**/quote.html'), page.locator('nav a[href="/quote.html"]').click()])
    await submitQuote(page)
    const [stored] = await rb.waitForRequests(1)
    expect(stored!.source).toMatchObject({ medium: 'paid', clickIds: { fbclid: 'IwAR2x' }, utm: { source: 'facebook' } })

    await command(page, 'consent', { storage: false })
    await expect.poll(() => storedKeys(page)).toEqual([])
  })

  test('a site that keeps nothing: not the visit, not the consent, not an unsent request', async ({ page, servers, rb }) => {
    await withStorageMode(page, 'never')
    const writes = await recordStorageWrites(page)
    await openDemo(page, servers, '/?utm_source=google&utm_medium=cpc&gclid=x')
    await command(page, 'consent', { storage: true })
    await submitContact(page)
    await rb.waitForRequests(1)
    expect(writes).toEqual([])
    expect(await storedKeys(page)).toEqual([])
  })

  test('a site that keeps nothing, a form that leaves before the delivery file has arrived: the request goes as the page goes', async ({ page, servers, rb }) => {
    await withStorageMode(page, 'never')
    // The delivery file is held back until the page has gone: nothing of
    // the request can be kept for the next page, so this page must send it.
    const release = await holdBack(page, DELIVERY_FILE)
    await openDemo(page, servers, '/?utm_source=google&utm_medium=cpc&gclid=x')
    await submitContact(page)
    const [stored] = await rb.waitForRequests(1)
    release()
    expect(stored).toMatchObject({ channel: 'form', phone: '+447400123456', contact: { name: 'Sam Taylor' } })
    expect(await storedKeys(page)).toEqual([])
    await page.waitForTimeout(1000)
    expect(await rb.requests()).toHaveLength(1)
  })

  test('storage that throws (blocked by the browser) breaks nothing: the request goes with this page as its landing', async ({ page, servers, rb }) => {
    await page.addInitScript(() => {
      for (const name of ['localStorage', 'sessionStorage']) {
        Object.defineProperty(window, name, {
          get() {
            throw new DOMException('The operation is insecure.', 'SecurityError')
          }
        })
      }
    })
    await openDemo(page, servers, '/quote.html?utm_source=google&utm_medium=cpc&gclid=x')
    await command(page, 'consent', { storage: true })
    await submitQuote(page)
    const [stored] = await rb.waitForRequests(1)
    expect(stored!.source).toMatchObject({ medium: 'paid', clickIds: { gclid: 'x' } })
    expect(stored!.page.url).toBe(servers.site + '/quote.html?utm_source=google&utm_medium=cpc&gclid=x')
  })
})
