import { mkdirSync, readFileSync } from 'node:fs'
import { createHmac, randomUUID } from 'node:crypto'
import { createRequire } from 'node:module'
import { devices, type Browser, type BrowserContext, type Page } from '@playwright/test'
import type { CallbackRequest } from '../src/schema'
import { expect, fetched, FORMS_FILE, GB_META, openDemo, test, type Servers } from './fixtures'
import { startSink } from '../test/server/receiver/startSink'

const PIN = { demo: '482913', 'acme-dental': '735102' } as const
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
const IPHONE_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1'

/** Three leads for the demo business (GB and IE numbers, widget and form) and one for acme-dental (US). */
function leads(servers: Servers): CallbackRequest[] {
  const base = {
    page: { url: servers.site + '/', title: 'Acme Plumbing · Boilers and heating', referrer: 'https://www.google.com/' },
    device: { type: 'mobile', vendor: 'Apple', model: 'iPhone', os: { name: 'iOS', version: '18.1' }, browser: { name: 'Mobile Safari', version: '18.1' } },
    locale: 'en-GB',
    timeZone: 'Europe/London',
    requestedAt: new Date().toISOString(),
    consent: { granted: true, text: 'I agree that Acme Plumbing may call me about my request.' }
  }
  return [
    {
      ...base,
      id: randomUUID(),
      siteId: 'demo',
      channel: 'widget',
      phone: '+447400123456',
      schedule: { type: 'asap' },
      source: { medium: 'organic', referrerHost: 'www.google.com' }
    },
    {
      ...base,
      id: randomUUID(),
      siteId: 'demo',
      channel: 'form',
      phone: '+353851234567',
      schedule: { type: 'asap' },
      contact: { name: 'Alex Morgan', email: 'alex@example.com', message: 'Radiator leaks' },
      form: { id: 'contact', action: servers.site + '/contact' },
      source: { medium: 'paid', referrerHost: 'www.google.com', utm: { source: 'google', medium: 'cpc', campaign: 'boilers' }, clickIds: { gclid: 'abc' } },
      device: { type: 'desktop', os: { name: 'Windows', version: '10' }, browser: { name: 'Chrome', version: '131.0.0.0' } }
    },
    { ...base, id: randomUUID(), siteId: 'demo', channel: 'widget', phone: '+447400123457', schedule: { type: 'asap' }, source: { medium: 'direct' } },
    {
      ...base,
      id: randomUUID(),
      siteId: 'acme-dental',
      channel: 'widget',
      phone: '+12025550143',
      schedule: { type: 'asap' },
      locale: 'en-US',
      timeZone: 'America/New_York',
      page: { url: 'https://dental.example/book', title: 'Book a check-up' },
      source: { medium: 'social', referrerHost: 'www.facebook.com' }
    }
  ] as CallbackRequest[]
}

/** When each seeded call is due: now, or the next opening when the demo business is closed. */
const dueAt = new Map<string, number>()

/** Stores the leads through the real API, as the SDK sends them. */
async function seed(servers: Servers): Promise<CallbackRequest[]> {
  const all = leads(servers)
  for (const body of all) {
    const res = await fetch(servers.api + '/v1/callbacks', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': body.id },
      body: JSON.stringify(body)
    })
    expect(res.status, await res.clone().text()).toBe(201)
    const answer = (await res.json()) as { scheduledFor?: string }
    dueAt.set(body.id, answer.scheduledFor ? Date.parse(answer.scheduledFor) : Date.now())
  }
  return all
}

/** Every full number of the seeded leads, in the forms a page could show one. */
const FULL = [/447400123456/, /447400123457/, /353851234567/, /12025550143/, /7400 ?123 ?45[67]/, /85 ?123 ?4567/, /202.?555.?0143/]

async function expectNoFullNumber(page: Page) {
  const html = await page.evaluate(() => document.documentElement.outerHTML + '\n' + document.body.innerText)
  for (const pattern of FULL) expect(html).not.toMatch(pattern)
}

/** Collects CSP violations and page errors from the start of each page. */
async function watch(context: BrowserContext) {
  await context.addInitScript(() => {
    const list: string[] = ((window as unknown as { __violations: string[] }).__violations = [])
    document.addEventListener('securitypolicyviolation', (e) => list.push(e.violatedDirective + ' ' + e.blockedURI))
  })
}
const violations = (page: Page) => page.evaluate(() => (window as unknown as { __violations: string[] }).__violations)

async function signIn(page: Page, servers: Servers, siteId: keyof typeof PIN) {
  await page.goto(servers.api + '/console')
  await page.getByLabel('Client ID').fill(siteId)
  await page.getByLabel('Access PIN').fill(PIN[siteId])
  await page.getByRole('button', { name: 'Sign in' }).click()
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
}

async function axe(page: Page) {
  // Evaluated through the DevTools protocol, which the page's CSP does not govern (an injected <script> would be refused).
  await page.evaluate(AXE)
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (o: unknown) => Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }> } }).axe.run({
      resultTypes: ['violations']
    })
  )
  return result.violations.map((v) => v.id + ': ' + JSON.stringify(v.nodes.map((n) => n.target)))
}

/** The two screens every view is looked at on. */
const DEVICES = [
  ['desktop', { viewport: { width: 1280, height: 900 } }],
  ['phone', { ...devices['iPhone 13'], userAgent: IPHONE_UA }]
] as const

/** A page in a context of its own, with CSP violations and page errors collected. */
async function watchedPage(browser: Browser, options: (typeof DEVICES)[number][1]) {
  const context = await browser.newContext(options)
  await watch(context)
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (e) => errors.push(String(e)))
  return { context, page, errors }
}

/** Sends the demo site's own contact form as a visitor would, and waits for its thank-you page. */
async function sendContactForm(page: Page, servers: Servers) {
  await openDemo(page, servers)
  const form = page.locator('form[action="/contact"]')
  await form.locator('[name=name]').fill('Sam Taylor')
  await form.locator('[name=email]').fill('sam@example.com')
  await form.locator('[name=phone]').fill('07400 123456')
  await form.locator('[name=message]').fill('The boiler makes a knocking noise.')
  await fetched(page, FORMS_FILE, GB_META)
  await Promise.all([page.waitForURL('**/thanks.html'), form.locator('[type=submit]').click()])
}

/** The console on a desktop and on a phone: signs in, runs `show`, checks axe, CSP and overflow, and takes a screenshot of each. */
async function onEachDevice(browser: Browser, servers: Servers, name: string, show: (page: Page, device: string) => Promise<void>) {
  mkdirSync('e2e/artifacts', { recursive: true })
  for (const [device, options] of DEVICES) {
    const { context, page, errors } = await watchedPage(browser, options)
    await signIn(page, servers, 'demo')
    await show(page, device)
    await expect(page.getByText('Loading…')).toHaveCount(0)
    expect(await axe(page), device + ' ' + name).toEqual([])
    await page.screenshot({ path: `e2e/artifacts/console-${device}-${name}.png`, fullPage: true })
    if (device === 'phone') {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
      expect(overflow, name).toBeLessThanOrEqual(0)
    }
    expect(await violations(page)).toEqual([])
    expect(errors).toEqual([])
    await context.close()
  }
}

const newContext = (browser: Browser, options: Parameters<Browser['newContext']>[0] = {}) => browser.newContext(options)

test.describe('the lead console', () => {
  test.beforeEach(async ({ rb }) => {
    // `rb` empties the receiver's tables before each test.
    expect(await rb.requests()).toEqual([])
  })

  test('signs in with the demo Client ID and PIN and lists its requests masked, with no cookie', async ({ page, context, servers }) => {
    await watch(context)
    const seeded = await seed(servers)
    const response = await page.goto(servers.api + '/console')
    const csp = response!.headers()['content-security-policy']!
    expect(csp).toContain("script-src 'self'")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')

    // A wrong PIN first: refused, said aloud.
    await page.getByLabel('Client ID').fill('demo')
    await page.getByLabel('Access PIN').fill('000000')
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert')).toHaveText('The Client ID or the PIN is not right.')

    const apiCalls: Record<string, string>[] = []
    page.on('request', (request) => {
      if (/\/console\/api\/(?!signin)/.test(request.url())) apiCalls.push(request.headers())
    })
    await page.getByLabel('Access PIN').fill(PIN.demo)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByText('Acme Plumbing', { exact: true })).toBeVisible()
    // Overview: figures from what was stored.
    await expect(
      page
        .getByRole('term')
        .filter({ hasText: /^Requests$/ })
        .locator('xpath=following-sibling::dd')
    ).toHaveText('3')
    await expect(page.getByRole('img', { name: /3 requests over 30 days/ })).toBeVisible()

    await page.getByRole('button', { name: 'Requests', exact: true }).click()
    await expect(page.getByRole('heading', { level: 1, name: 'Requests' })).toBeFocused()
    const table = page.getByRole('table', { name: 'Callback requests and form leads' })
    await expect(table.getByRole('row')).toHaveCount(4) // header + 3
    for (const masked of ['+44740•••3456', '+44740•••3457', '+35385•••4567']) await expect(table.getByRole('cell', { name: masked, exact: true })).toBeVisible()
    await expect(table.getByRole('cell', { name: '+1202•••0143' })).toHaveCount(0)
    await expectNoFullNumber(page)

    // Filters: forms only.
    await page.getByLabel('Channel').selectOption('form')
    await expect(table.getByRole('row')).toHaveCount(2)
    await expect(table.getByRole('cell', { name: '+35385•••4567', exact: true })).toBeVisible()
    await expect(table.getByText('boilers', { exact: true })).toBeVisible()

    // The CSV export is masked too.
    await page.getByLabel('Channel').selectOption('')
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()])
    const csv = readFileSync((await download.path())!, 'utf8')
    expect(csv.trim().split('\r\n')).toHaveLength(4)
    // The export went with the bearer token and no cookie.
    expect(apiCalls.length).toBeGreaterThan(0)
    for (const headers of apiCalls) {
      expect(headers.authorization).toMatch(/^Bearer [\w-]+\.[\w-]+$/)
      expect(headers.cookie).toBeUndefined()
    }
    expect(csv).toContain('+44740•••3456')
    for (const pattern of FULL) expect(csv).not.toMatch(pattern)
    expect(download.suggestedFilename()).toBe('requests-demo.csv')

    // Deleting one request asks first, then it is gone.
    page.once('dialog', (dialog) => void dialog.accept())
    await table.getByRole('button', { name: /^Delete the request from \+44740•••3457/ }).click()
    await expect(page.getByText('The request from +44740•••3457 was deleted.')).toBeVisible()
    await expect(table.getByRole('row')).toHaveCount(3)

    // The session is in this tab's sessionStorage and nowhere else.
    const storage = await page.evaluate(() => ({ session: Object.keys(sessionStorage), local: Object.keys(localStorage), cookie: document.cookie }))
    expect(storage).toEqual({ session: ['ringback-console-session'], local: [], cookie: '' })
    expect(await context.cookies()).toEqual([])
    expect(await violations(page)).toEqual([])
    expect(seeded).toHaveLength(4)
  })

  test('a lead sent from the demo site’s own contact form shows in the console, masked', async ({ page, servers, rb }) => {
    await sendContactForm(page, servers)
    await rb.waitForRequests(1)

    await signIn(page, servers, 'demo')
    await page.getByRole('button', { name: 'Requests', exact: true }).click()
    const row = page.getByRole('row').filter({ has: page.getByRole('cell', { name: '+44740•••3456', exact: true }) })
    await expect(row.getByRole('cell', { name: 'Form', exact: true })).toBeVisible()
    await expect(row.getByText(servers.site + '/', { exact: true })).toBeVisible()
    await expectNoFullNumber(page)
    // The list keeps to its columns: what the visitor typed is in the request's detail.
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/Sam Taylor|sam@example\.com|knocking/)
    await row.getByRole('button', { name: /^Details of the request from \+44740•••3456/ }).click()
    await expect(page.getByRole('heading', { level: 2, name: 'Request from +44740•••3456' })).toBeFocused()
    const visitor = page.getByRole('region', { name: 'Visitor' })
    await expect(visitor.getByRole('definition')).toHaveText(['+44740•••3456Show number', 'Sam Taylor', 'sam@example.com', 'The boiler makes a knocking noise.'])
    await expect(page.getByRole('region', { name: 'Form' })).toContainText(servers.site + '/contact')
    await expectNoFullNumber(page)
    await page.getByRole('button', { name: 'Back to the list' }).click()
    await expect(row.getByRole('button', { name: /^Details of the request/ })).toBeFocused()
  })

  test('another site signed in sees none of the demo’s requests', async ({ page, servers }) => {
    await seed(servers)
    await signIn(page, servers, 'acme-dental')
    await expect(page.getByText('Acme Dental', { exact: true })).toBeVisible()
    await page.getByRole('button', { name: 'Requests', exact: true }).click()
    const table = page.getByRole('table', { name: 'Callback requests and form leads' })
    await expect(table.getByRole('row')).toHaveCount(2)
    await expect(table.getByRole('cell', { name: '+1202•••0143', exact: true })).toBeVisible()
    await expect(page.getByText('1 request, newest first. Numbers are masked.')).toBeVisible()
    const text = await page.evaluate(() => document.body.innerText)
    expect(text).not.toMatch(/\+44740|\+35385|Acme Plumbing|boilers/)
    await expectNoFullNumber(page)
  })

  test('a token link signs in once; tampered and expired links are refused', async ({ browser, servers }) => {
    const context = await newContext(browser)
    await watch(context)
    const page = await context.newPage()
    const link = servers.receiver.console.issue('link', 'demo', 3600000)
    await page.goto(servers.api + '/console#token=' + link)
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
    // The token leaves the address bar at once.
    expect(new URL(page.url()).hash).toBe('')

    const refused = async (token: string, message: string) => {
      const p = await context.newPage()
      await p.goto(servers.api + '/console#token=' + token)
      await expect(p.getByRole('status')).toHaveText(message)
      await expect(p.getByLabel('Access PIN')).toBeVisible()
      expect(await p.evaluate(() => sessionStorage.length)).toBe(0)
      await p.close()
    }
    // Used once already.
    await refused(link, 'This link has already been used.')
    // Tampered: the claims re-signed for another site would need the key; changed, the signature fails.
    const fresh = servers.receiver.console.issue('link', 'demo', 3600000)
    const [body, mac] = fresh.split('.') as [string, string]
    const forged = Buffer.from(Buffer.from(body, 'base64url').toString().replace('"demo"', '"acme-dental"')).toString('base64url')
    await refused(forged + '.' + mac, 'This link is not valid.')
    await refused(body + '.' + (mac[0] === 'A' ? 'B' : 'A') + mac.slice(1), 'This link is not valid.')
    // Expired a minute ago.
    await refused(servers.receiver.console.issue('link', 'demo', 0, Date.now() - 60000), 'This link has expired.')
    // A session token is not a link.
    const session = await page.evaluate(() => JSON.parse(sessionStorage.getItem('ringback-console-session')!).token as string)
    await refused(session, 'This link is not valid.')
    // The fresh link, untouched by all that, still works.
    const p = await context.newPage()
    await p.goto(servers.api + '/console#token=' + fresh)
    await expect(p.getByRole('button', { name: 'Sign out' })).toBeVisible()
    expect(await context.cookies()).toEqual([])
    expect(await violations(page)).toEqual([])
    await context.close()
  })

  test('the session ends with the tab, and at sign-out on the server too', async ({ browser, servers }) => {
    const first = await newContext(browser)
    const page = await first.newPage()
    await signIn(page, servers, 'demo')
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('ringback-console-session')!).token as string)
    // A reload keeps it: the same tab.
    await page.reload()
    await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible()
    // A new tab does not share sessionStorage.
    const tab = await first.newPage()
    await tab.goto(servers.api + '/console')
    await expect(tab.getByLabel('Access PIN')).toBeVisible()
    await first.close()

    // The browser closed and opened again: signed out.
    const second = await newContext(browser)
    const again = await second.newPage()
    await again.goto(servers.api + '/console')
    await expect(again.getByLabel('Access PIN')).toBeVisible()
    expect(await second.cookies()).toEqual([])

    // Sign out revokes the token: a copy of it no longer works.
    await signIn(again, servers, 'demo')
    const current = await again.evaluate(() => JSON.parse(sessionStorage.getItem('ringback-console-session')!).token as string)
    const me = (t: string) => fetch(servers.api + '/console/api/me', { headers: { Authorization: 'Bearer ' + t } }).then((r) => r.status)
    expect(await me(current)).toBe(200)
    await again.getByRole('button', { name: 'Sign out' }).click()
    await expect(again.getByRole('status')).toHaveText('You have signed out.')
    expect(await again.evaluate(() => sessionStorage.length)).toBe(0)
    expect(await me(current)).toBe(401)
    expect(await me(token)).toBe(200) // the other tab's session was its own
    await second.close()
  })

  test('sign out everywhere ends every session of the site and every unused link; a new sign-in works', async ({ browser, servers }) => {
    const phone = await newContext(browser, { ...devices['iPhone 13'], userAgent: IPHONE_UA })
    const laptop = await newContext(browser, { viewport: { width: 1280, height: 900 } })
    await watch(laptop)
    const onPhone = await phone.newPage()
    const onLaptop = await laptop.newPage()
    await signIn(onPhone, servers, 'demo')
    await signIn(onLaptop, servers, 'demo')

    // A link made on the phone for a colleague, not used yet.
    await onPhone.getByRole('button', { name: 'Data & privacy' }).click()
    await onPhone.getByRole('button', { name: 'Create a link' }).click()
    const link = await onPhone.getByLabel(/^Link \(valid until/).inputValue()
    expect(link).toMatch(/\/console#token=/)

    // The laptop signs out everywhere.
    await onLaptop.getByRole('button', { name: 'Data & privacy' }).click()
    await expect(onLaptop.getByRole('heading', { name: 'Sign out everywhere' })).toBeVisible()
    mkdirSync('e2e/artifacts', { recursive: true })
    await onLaptop.screenshot({ path: 'e2e/artifacts/console-desktop-data.png', fullPage: true })
    await onPhone.screenshot({ path: 'e2e/artifacts/console-phone-data.png', fullPage: true })
    await onLaptop.getByRole('button', { name: 'Sign out everywhere' }).click()
    // The data view's own (empty) status lines may still be on the page for a moment: this one, by its words.
    await expect(onLaptop.getByRole('status').filter({ hasText: 'signed out everywhere' })).toHaveText(
      'You have signed out everywhere: every session and unused link of this site has ended.'
    )
    expect(await onLaptop.evaluate(() => sessionStorage.length)).toBe(0)

    // The phone's session ends at its next request.
    await onPhone.getByRole('button', { name: 'Requests', exact: true }).click()
    await expect(onPhone.getByRole('status')).toHaveText('Your session has ended. Please sign in again.')
    await expect(onPhone.getByLabel('Access PIN')).toBeVisible()

    // The colleague's link no longer signs anyone in.
    const colleague = await newContext(browser)
    const viaLink = await colleague.newPage()
    await viaLink.goto(link)
    await expect(viaLink.getByRole('status')).toHaveText('This link is not valid.')
    await expect(viaLink.getByLabel('Access PIN')).toBeVisible()

    // The owner signs in again as usual.
    await signIn(onLaptop, servers, 'demo')
    expect(await violations(onLaptop)).toEqual([])
    for (const context of [phone, laptop, colleague]) await context.close()
  })

  test('a lockout says how long it lasts, and a sign-in link still signs the owner in', async ({ page, servers }) => {
    await page.goto(servers.api + '/console')
    await page.getByLabel('Client ID').fill('demo')
    for (let i = 0; i < 5; i++) {
      await page.getByLabel('Access PIN').fill('00000' + i)
      await page.getByRole('button', { name: 'Sign in' }).click()
      await expect(page.getByRole('alert')).toHaveText('The Client ID or the PIN is not right.')
    }
    await page.getByLabel('Access PIN').fill(PIN.demo)
    await page.getByRole('button', { name: 'Sign in' }).click()
    await expect(page.getByRole('alert')).toHaveText('Too many attempts. Please try again in 15 minutes.')
    await page.screenshot({ path: 'e2e/artifacts/console-desktop-lockout.png' })

    // The link, opened as the owner would (a new page load, not a change of the address's #).
    const viaLink = await page.context().newPage()
    await viaLink.goto(servers.api + '/console#token=' + servers.receiver.console.issue('link', 'demo', 3600000))
    await expect(viaLink.getByRole('button', { name: 'Sign out', exact: true })).toBeVisible()
    await expect(viaLink.getByText('Acme Plumbing', { exact: true })).toBeVisible()
  })

  test('leads whose campaign and device type are __proto__, constructor and toString render as text and change no prototype', async ({ page, servers }) => {
    await page.addInitScript(() => {
      ;(window as unknown as { __proto_before: string[] }).__proto_before = Object.getOwnPropertyNames(Object.prototype).sort()
    })
    const errors: string[] = []
    page.on('pageerror', (e) => errors.push(String(e)))
    const names = ['__proto__', 'constructor', 'toString']
    for (const [i, name] of names.entries()) {
      const body = {
        id: randomUUID(),
        siteId: 'demo',
        channel: 'widget',
        phone: '+44740012345' + (i + 1),
        schedule: { type: 'asap' },
        page: { url: servers.site + '/', title: 'Acme Plumbing' },
        source: { medium: 'paid', referrerHost: 'www.google.com', utm: { source: 'google', medium: 'cpc', campaign: name } },
        device: { type: name, os: { name: 'iOS', version: '18.1' }, browser: { name: 'Mobile Safari', version: '18.1' } },
        requestedAt: new Date().toISOString()
      }
      const res = await fetch(servers.api + '/v1/callbacks', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) })
      expect(res.status, await res.clone().text()).toBe(201)
    }
    await signIn(page, servers, 'demo')
    for (const title of ['Campaign', 'Device']) {
      const table = page.getByRole('region', { name: title }).getByRole('table')
      for (const name of names) await expect(table.getByRole('rowheader', { name, exact: true })).toBeVisible()
    }
    await page.getByRole('button', { name: 'Requests', exact: true }).click()
    const rows = page.getByRole('table', { name: 'Callback requests and form leads' })
    await expect(rows.getByRole('row')).toHaveCount(4)
    for (const name of names) await expect(rows.getByText(name + ' · iOS · Mobile Safari', { exact: true })).toBeVisible()
    const prototype = await page.evaluate(() => ({
      before: (window as unknown as { __proto_before: string[] }).__proto_before,
      after: Object.getOwnPropertyNames(Object.prototype).sort(),
      plain: Object.getPrototypeOf({}) === Object.prototype && Object.keys(Object.prototype).length === 0
    }))
    expect(prototype.after).toEqual(prototype.before)
    expect(prototype.plain).toBe(true)
    expect(errors).toEqual([])
  })

  test('missed calls, the error log and erasure by number', async ({ page, servers }) => {
    const [gb, ie] = await seed(servers)
    // A lead the receiver refuses for its number: listed masked, with its page. A request off the schema: in the error log, without personal data.
    const refused = await fetch(servers.api + '/v1/callbacks', { method: 'POST', body: JSON.stringify({ ...gb, id: randomUUID(), phone: '+4474001' }) })
    expect(refused.status).toBe(422)
    const rejected = await fetch(servers.api + '/v1/callbacks', { method: 'POST', body: JSON.stringify({ ...gb, id: randomUUID(), phone: 'nope' }) })
    expect(rejected.status).toBe(400)
    await signIn(page, servers, 'demo')
    const token = await page.evaluate(() => JSON.parse(sessionStorage.getItem('ringback-console-session')!).token as string)
    const event = (id: string, type: string) =>
      fetch(servers.api + `/v1/callbacks/${id}/events`, {
        method: 'POST',
        headers: { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type })
      }).then((r) => r.status)
    expect(await event(ie!.id, 'attempted')).toBe(201)
    expect(await event(ie!.id, 'missed')).toBe(201)
    expect(await event(gb!.id, 'attempted')).toBe(201)
    expect(await event(gb!.id, 'connected')).toBe(201)

    await page.getByRole('button', { name: 'Missed calls' }).click()
    const missed = page.getByRole('table', { name: 'Missed calls, newest first' })
    await expect(missed.getByRole('row')).toHaveCount(2)
    await expect(missed.getByRole('cell', { name: '+35385•••4567', exact: true })).toBeVisible()

    await page.getByRole('button', { name: 'Error log' }).click()
    const errors = page.getByRole('table', { name: 'Rejected requests, newest first' })
    await expect(errors.getByRole('row')).toHaveCount(2)
    await expect(errors.getByRole('cell', { name: 'invalid_request' })).toBeVisible()
    await expect(errors.getByRole('cell', { name: 'The request did not match the API schema' })).toBeVisible()
    const refusedLeads = page.getByRole('table', { name: 'Refused leads, latest first' })
    await expect(refusedLeads.getByRole('row')).toHaveCount(2)
    await expect(refusedLeads.getByRole('cell', { name: '+44•••001', exact: true })).toBeVisible()
    await expect(refusedLeads.getByRole('cell', { name: 'Number refused: this is not a valid phone number' })).toBeVisible()
    await expectNoFullNumber(page)

    await page.getByRole('button', { name: 'Data & privacy' }).click()
    await page.getByLabel('Phone number').fill('+353 85 123 4567')
    await page.getByRole('button', { name: 'Erase', exact: true }).click()
    await expect(page.getByText('Erased 1 request with that number.')).toBeVisible()
    await page.getByRole('button', { name: 'Missed calls' }).click()
    await expect(page.getByText(/No missed calls waiting/)).toBeVisible()
    const left = await fetch(servers.api + '/__test/requests?siteId=demo').then((r) => r.json())
    expect(left.map((r: CallbackRequest) => r.phone).sort()).toEqual(['+447400123456', '+447400123457'])
  })

  test('a request’s detail shows what the visitor typed, as text; Show number and the full-number CSV are logged in the access log', async ({
    browser,
    page,
    servers
  }) => {
    // Two browsers each take screenshots and run axe: more than the default time on a shared machine.
    test.slow()
    await seed(servers)
    // A visitor who typed markup: shown as the characters they typed, never run.
    const hostile = {
      ...leads(servers)[1]!,
      id: randomUUID(),
      phone: '+353861234567',
      contact: { name: '<b>Bold</b> Name', email: 'x@example.com', message: 'Hello <img src=x onerror="window.__pwned=1">\nsecond line' }
    } as CallbackRequest
    const res = await fetch(servers.api + '/v1/callbacks', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(hostile) })
    expect(res.status).toBe(201)
    await watch(page.context())
    const dialogs: string[] = []
    page.on('dialog', (dialog) => void (dialogs.push(dialog.message()), dialog.dismiss()))
    await signIn(page, servers, 'demo')
    await page.getByRole('button', { name: 'Requests', exact: true }).click()
    const table = page.getByRole('table', { name: 'Callback requests and form leads' })
    const row = (phone: string) => table.getByRole('row').filter({ has: page.getByRole('cell', { name: phone, exact: true }) })

    await row('+35386•••4567')
      .getByRole('button', { name: /^Details/ })
      .click()
    const visitor = page.getByRole('region', { name: 'Visitor' })
    await expect(visitor.getByText('<b>Bold</b> Name', { exact: true })).toBeVisible()
    await expect(visitor.locator('.message')).toHaveText('Hello <img src=x onerror="window.__pwned=1">\nsecond line')
    expect(await page.locator('.detail img, .detail b').count()).toBe(0)
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
    expect(dialogs).toEqual([])
    await expectNoFullNumber(page)

    // Show number: the full number as a link that dials it; the access log has it.
    await visitor.getByRole('button', { name: 'Show number' }).click()
    await expect(visitor.getByRole('link', { name: '+353 86 123 4567' })).toHaveAttribute('href', 'tel:+353861234567')
    await page.getByRole('button', { name: 'Back to the list' }).click()
    await expect(row('+353 86 123 4567')).toHaveCount(1)
    await row('+44740•••3456')
      .getByRole('button', { name: /^Show number/ })
      .click()
    await expect(table.getByRole('link', { name: '+44 7400 123456' })).toBeVisible()
    await expect(row('+35385•••4567')).toHaveCount(1) // the others stay masked

    // The CSV: masked unless the owner ticks the box; then full, and logged.
    const download = async () => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV' }).click()])
      return readFileSync((await file.path())!, 'utf8')
    }
    expect(await download()).not.toMatch(/353851234567/)
    await page.getByLabel('Full numbers in the export (recorded in the access log)').check()
    const full = await download()
    for (const number of ['+447400123456', '+353851234567', '+447400123457', '+353861234567']) expect(full).toContain(`"'${number}"`)
    expect(full).toContain('"Hello <img src=x onerror=""window.__pwned=1"">\nsecond line"')
    await expect(page.getByText('Exported with full numbers. The export is recorded in the access log.')).toBeVisible()

    await page.getByRole('button', { name: 'Access log' }).click()
    const log = page.getByRole('table', { name: 'Access to full numbers, newest first' })
    await expect(log.getByRole('row')).toHaveCount(4)
    await expect(log.getByRole('cell', { name: 'Exported 4 requests (last 30 days) with full numbers' })).toBeVisible()
    await expect(log.getByRole('cell', { name: 'Showed the number +44740•••3456' })).toBeVisible()
    await expect(log.getByRole('cell', { name: 'Showed the number +35386•••4567' })).toBeVisible()
    await expect(log.getByText('this session')).toHaveCount(3)
    // The session's browser, as its user agent names it (Playwright's desktop Chrome says Windows), and its anonymised address.
    await expect(log.getByRole('cell', { name: /^Chrome \d+ on Windows 127\.0\.0\.0$/ })).toHaveCount(3)
    expect(await violations(page)).toEqual([])

    await onEachDevice(browser, servers, 'detail', async (p) => {
      await p.getByRole('button', { name: 'Requests', exact: true }).click()
      await p
        .getByRole('row')
        .filter({ hasText: '+35386•••4567' })
        .getByRole('button', { name: /^Details/ })
        .click()
      await expect(p.getByRole('region', { name: 'Visitor' })).toBeVisible()
    })
    await onEachDevice(browser, servers, 'access-log', async (p) => {
      await p.getByRole('button', { name: 'Access log' }).click()
      await expect(p.getByRole('table', { name: 'Access to full numbers, newest first' })).toBeVisible()
    })
  })

  test('a refused lead is listed once however often it was sent, masked, and counted in the overview', async ({ browser, page, servers }) => {
    // Two browsers each take screenshots and run axe: more than the default time on a shared machine.
    test.slow()
    await seed(servers)
    // A real US number: the demo business calls GB and IE only. The visitor's form sent it three times.
    const lead = { ...leads(servers)[1]!, id: randomUUID(), phone: '+12025550143', page: { url: servers.site + '/contact.html', title: 'Contact us' } }
    for (let i = 0; i < 3; i++) {
      const res = await fetch(servers.api + '/v1/callbacks', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(lead) })
      expect(res.status).toBe(422)
    }
    await signIn(page, servers, 'demo')
    await expect(page.getByRole('term').filter({ hasText: 'Refused leads' }).locator('xpath=following-sibling::dd')).toHaveText('1')
    await page.getByRole('button', { name: 'Error log' }).click()
    const table = page.getByRole('table', { name: 'Refused leads, latest first' })
    await expect(table.getByRole('row')).toHaveCount(2)
    const row = table.getByRole('row').nth(1)
    await expect(row.getByRole('cell', { name: '+1202•••0143', exact: true })).toBeVisible()
    await expect(row.getByRole('cell', { name: 'Number refused: this business only calls numbers in GB, IE' })).toBeVisible()
    await expect(row.getByRole('cell', { name: 'Contact us Form · ' + servers.site + '/contact.html' })).toBeVisible()
    await expect(row.getByRole('cell', { name: '3', exact: true })).toBeVisible()
    await expect(page.getByText('No rejected requests.')).toBeVisible()
    await expectNoFullNumber(page)
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/2025550143/)

    await onEachDevice(browser, servers, 'refused', async (p) => {
      await p.getByRole('button', { name: 'Error log' }).click()
      await expect(p.getByRole('table', { name: 'Refused leads, latest first' })).toBeVisible()
    })
  })

  test('the webhook: a lead from the demo site’s form reaches a CRM sink that fails, then recovers; the delivery log shows each attempt', async ({
    browser,
    page,
    servers,
    rb
  }) => {
    // Two browsers each take screenshots and run axe: more than the default time on a shared machine.
    test.slow()
    const secret = 'whsec_' + randomUUID().replaceAll('-', '')
    // The CRM asks for an hour's pause: the next automatic attempt cannot come while the test runs, only the owner's Retry now.
    const sink = await startSink({ status: 503, headers: { 'Retry-After': '3600' }, body: 'CRM is down for maintenance' })
    servers.receiver.setWebhook('demo', { url: sink.url, secret })
    try {
      await sendContactForm(page, servers)
      const [stored] = await rb.waitForRequests(1)
      await expect.poll(() => sink.received.length).toBe(1)

      await signIn(page, servers, 'demo')
      await page.getByRole('button', { name: 'Webhook' }).click()
      await expect(page.getByText('Each new lead is sent to')).toContainText(new URL(sink.url).origin + '/…')
      const table = page.getByRole('table', { name: 'Webhook deliveries, newest first' })
      const row = table.getByRole('row').nth(1)
      await expect(row.getByText('+44740•••3456', { exact: true })).toBeVisible()
      await expect(row.getByText(/^Retrying, next attempt/)).toBeVisible()
      await expect(row.getByRole('cell', { name: 'HTTP 503 · CRM is down for maintenance' })).toBeVisible()
      expect(await page.evaluate(() => document.body.innerText)).not.toContain(secret)
      await expectNoFullNumber(page)
      await onEachDevice(browser, servers, 'webhook-retrying', async (p) => {
        await p.getByRole('button', { name: 'Webhook' }).click()
        await expect(p.getByRole('table', { name: 'Webhook deliveries, newest first' })).toBeVisible()
      })

      // The CRM is back: Retry now delivers at once, and the log keeps both attempts.
      sink.always({ status: 204 })
      await row.getByRole('button', { name: 'Retry now the lead from +44740•••3456' }).click()
      await expect(page.getByRole('status').filter({ hasText: 'The lead from +44740•••3456: delivered.' })).toBeVisible()
      await expect(row.getByText(/^Delivered /)).toBeVisible()
      await row.getByText('2 attempts').click()
      await expect(row.getByRole('listitem')).toHaveText([/: HTTP 503 · CRM is down for maintenance \(\d+ ms\)$/, /: HTTP 204 \(\d+ ms\)$/])
      await expect(
        page
          .getByRole('term')
          .filter({ hasText: /^Delivered$/ })
          .locator('xpath=following-sibling::dd')
      ).toHaveText('1')

      // What the CRM received, twice: the same event, signed, with what the visitor typed and the number to call.
      expect(sink.received).toHaveLength(2)
      const [first, second] = sink.received
      expect(second!.body).toBe(first!.body)
      for (const r of sink.received) {
        const [, t, v1] = /^t=(\d+),v1=([0-9a-f]{64})$/.exec(String(r.headers['ringback-signature']))!
        expect(createHmac('sha256', secret).update(`${t}.${r.body}`).digest('hex')).toBe(v1)
      }
      const event = JSON.parse(second!.body)
      expect(event).toMatchObject({
        type: 'lead.created',
        siteId: 'demo',
        data: {
          id: stored!.id,
          channel: 'form',
          phone: '+447400123456',
          contact: { name: 'Sam Taylor', email: 'sam@example.com', message: 'The boiler makes a knocking noise.' }
        }
      })
      expect(second!.headers['ringback-event-id']).toBe(event.id)

      // The request's detail shows its delivery too.
      await page.getByRole('button', { name: 'Requests', exact: true }).click()
      await page.getByRole('button', { name: /^Details of the request from \+44740•••3456/ }).click()
      await expect(page.getByRole('region', { name: 'Webhook' })).toContainText(event.id)
      await expect(page.getByRole('region', { name: 'Webhook' })).toContainText(/Delivered/)

      await onEachDevice(browser, servers, 'webhook', async (p) => {
        await p.getByRole('button', { name: 'Webhook' }).click()
        await p.getByText('2 attempts').click()
        await expect(p.getByRole('listitem').first()).toBeVisible()
      })
    } finally {
      servers.receiver.setWebhook('demo', undefined)
      await sink.close()
    }
  })

  test('is accessible (axe) and works under its CSP, on a desktop and on a phone; screenshots', async ({ browser, servers }) => {
    // Two browsers each take screenshots and run axe: more than the default time on a shared machine.
    test.slow()
    const [gb, ie, direct] = await seed(servers)
    // Call outcomes as the platform's dialler reports them, so that the overview shows real figures.
    const dialler = servers.receiver.console.issue('events', 'demo', 3600000)
    const at = (id: string, seconds: number) => new Date(dueAt.get(id)! + seconds * 1000).toISOString()
    for (const [id, type, seconds] of [
      [gb!.id, 'attempted', 25],
      [gb!.id, 'connected', 31],
      [ie!.id, 'attempted', 48],
      [ie!.id, 'missed', 80],
      [direct!.id, 'attempted', 70],
      [direct!.id, 'connected', 75]
    ] as const) {
      const res = await fetch(`${servers.api}/v1/callbacks/${id}/events`, {
        method: 'POST',
        headers: { Authorization: 'Bearer ' + dialler, 'Content-Type': 'application/json' },
        body: JSON.stringify({ type, at: at(id, seconds) })
      })
      expect(res.status).toBe(201)
    }
    // Two weeks of history for the chart: the API stamps requests with the time they arrive, so these go straight into the store.
    for (let day = 1; day <= 14; day++) {
      for (let i = 0; i < (day * 7) % 5; i++) {
        const request = { ...gb!, id: randomUUID(), channel: i % 2 ? 'form' : 'widget', phone: '+44740012' + String(1000 + day * 10 + i) } as CallbackRequest
        servers.receiver.db.insertOrGet({
          id: request.id,
          siteId: 'demo',
          hash: request.id,
          request,
          response: { id: request.id, status: 'calling', etaSeconds: 30 },
          createdAt: Date.now() - day * 86400000,
          ip: '127.0.0.0'
        })
      }
    }
    mkdirSync('e2e/artifacts', { recursive: true })
    for (const [name, options] of DEVICES) {
      const { context, page, errors } = await watchedPage(browser, options)
      await page.goto(servers.api + '/console')
      await expect(page.getByLabel('Client ID')).toBeVisible()
      expect(await axe(page), name + ' sign-in').toEqual([])
      await page.screenshot({ path: `e2e/artifacts/console-${name}-signin.png` })

      await signIn(page, servers, 'demo')
      await expect(page.getByRole('img', { name: /requests over 30 days/ })).toBeVisible()
      await expect(page.getByText('Median time to first call').locator('xpath=following-sibling::dd')).toHaveText('48 s')
      expect(await axe(page), name + ' overview').toEqual([])
      await page.screenshot({ path: `e2e/artifacts/console-${name}.png`, fullPage: true })

      for (const view of ['Requests', 'Missed calls', 'Error log', 'Webhook', 'Access log', 'Data & privacy']) {
        await page.getByRole('button', { name: view, exact: true }).click()
        await expect(page.getByRole('heading', { level: 1, name: view })).toBeVisible()
        await expect(page.getByText('Loading…')).toHaveCount(0)
        expect(await axe(page), name + ' ' + view).toEqual([])
      }
      await page.getByRole('button', { name: 'Requests', exact: true }).click()
      await expect(page.getByRole('cell', { name: '+44740•••3456', exact: true })).toBeVisible()
      await page.screenshot({ path: `e2e/artifacts/console-${name}-requests.png`, fullPage: true })

      if (name === 'phone') {
        // Nothing wider than the screen: no sideways scrolling on a phone.
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
        expect(overflow).toBeLessThanOrEqual(0)
      }
      expect(await violations(page)).toEqual([])
      expect(errors).toEqual([])
      expect(await context.cookies()).toEqual([])
      await context.close()
    }
  })
})
