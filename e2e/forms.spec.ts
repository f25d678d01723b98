import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import type { Page, Request } from '@playwright/test'
import { createDemoSite } from '../demo/server/site/createDemoSite'
import { expect, fetched, FORMS_FILE, GB_META, holdBack, test } from './fixtures'

// Form capture end to end: test pages served from the demo site's origin
// (so the receiver's CORS allows them), the built script tag, the real
// receiver; every test asserts what the receiver stored.

// Paths from the repository root, where Playwright runs.
const PAGES = join('e2e', 'pages', 'forms')
const ARTIFACTS = join('e2e', 'artifacts')
let tmp = ''

/**
 * The applications of the npm pages, bundled from `ringback` as published
 * (dist/npm, through the package's exports) with code splitting, as an
 * application's bundler would: tmp/<dir>/, served as /vendor/<dir>/.
 */
const bundleApp = (entry: string, dir: string, options: Parameters<typeof build>[0] = {}) =>
  build({
    entryPoints: [join(PAGES, entry)],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    outdir: join(tmp, dir),
    logLevel: 'silent',
    ...options,
    define: { 'process.env.NODE_ENV': '"production"', ...options.define }
  })

test.beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'ringback-apps-'))
  // React 19 ships no UMD build. Its development build, where StrictMode runs
  // each effect twice (init, destroy, init), as a developer first meets it.
  // (Not with the repository's tsconfig, whose JSX is Preact's.)
  await bundleApp('react-app.jsx', 'react', { tsconfigRaw: {}, jsx: 'automatic', define: { 'process.env.NODE_ENV': '"development"' } })
  // Vue's in-DOM template needs its full build, as Vue's docs say for bundlers.
  await bundleApp('vue-app.js', 'vue', {
    alias: { vue: 'vue/dist/vue.esm-bundler.js' },
    define: { __VUE_OPTIONS_API__: 'true', __VUE_PROD_DEVTOOLS__: 'false', __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false' }
  })
  await bundleApp('headless-app.mjs', 'headless', { alias: { 'ringback/forms': resolve('dist/npm/forms.js') } })
})
test.afterAll(() => tmp && rmSync(tmp, { recursive: true, force: true }))

const VENDOR: Record<string, () => string> = {
  'jquery.min.js': () => readFileSync('node_modules/jquery/dist/jquery.min.js', 'utf8')
}

/**
 * The test pages' own site: the demo site's server (it fills in the script
 * tag, answers POST /contact with a redirect to /thanks.html and POST
 * /api/quote with JSON) on a folder of form pages, on a loopback origin the
 * receiver allows, plus the vendor files.
 */
let formsSite = ''
let closeSite: (() => Promise<void>) | undefined
test.beforeAll(async ({ servers }) => {
  const site = createDemoSite({ apiOrigin: servers.api, root: PAGES })
  formsSite = await site.listen(0)
  closeSite = () => site.close()
  servers.receiver.allowOrigin('demo', formsSite)
})
test.afterAll(async () => closeSite && (await closeSite()))

/** Opens e2e/pages/forms/<name>; the SDK's config request has answered when it resolves. */
async function openForm(page: Page, name: string, query = ''): Promise<void> {
  await page.route(formsSite + '/vendor/**', (route) => {
    const path = new URL(route.request().url()).pathname.slice('/vendor/'.length)
    const body = VENDOR[path] ? VENDOR[path]() : readFileSync(join(tmp, path), 'utf8')
    route.fulfill({ contentType: 'text/javascript; charset=utf-8', body })
  })
  const config = page.waitForResponse((response) => response.url().includes('/config'))
  await page.goto(formsSite + '/' + name + query)
  await config
}

const events = (page: Page) => page.evaluate(() => (window as unknown as { __events: { name: string; payload: Record<string, unknown> }[] }).__events)

test.describe('form capture', () => {
  test('a plain form that posts and navigates away delivers its lead', async ({ page, rb }) => {
    await openForm(page, 'plain.html')
    const ready = fetched(page, FORMS_FILE, GB_META)
    await page.fill('#f-name', 'Sam Taylor')
    await page.fill('#f-email', 'sam@example.com')
    await page.fill('#f-phone', '07400 123456')
    await page.fill('#f-msg', 'A new combi boiler')
    await ready
    await Promise.all([page.waitForURL('**/thanks.html'), page.click('button[type=submit]')])
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({
      siteId: 'demo',
      channel: 'form',
      phone: '+447400123456',
      schedule: { type: 'asap' },
      contact: { name: 'Sam Taylor', email: 'sam@example.com', message: 'A new combi boiler' },
      form: { id: 'quote-form', name: 'quote', action: formsSite + '/contact' },
      page: { url: formsSite + '/plain.html', title: 'Request a quote · Acme Plumbing' }
    })
  })

  test('a form posted with fetch after preventDefault delivers its lead and the site still gets its post', async ({ page, rb }) => {
    await openForm(page, 'fetch.html')
    await page.fill('[name=name]', 'Alex Morgan')
    await page.fill('[name=mobile]', '+353 85 123 4567')
    await page.fill('[name=email]', 'alex@example.ie')
    await page.fill('[name=notes]', 'Mornings are best')
    const hostPost = page.waitForRequest((r) => r.url().endsWith('/api/quote') && r.method() === 'POST')
    await page.click('button')
    expect(JSON.parse((await hostPost).postData()!)).toMatchObject({ name: 'Alex Morgan', mobile: '+353 85 123 4567' })
    await expect(page.locator('#done')).toBeVisible()
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({
      channel: 'form',
      phone: '+353851234567',
      contact: { name: 'Alex Morgan', email: 'alex@example.ie', message: 'Mornings are best' },
      form: { id: 'book' }
    })
    expect(stored!.form!.action).toBeUndefined()
    await expect.poll(async () => (await events(page)).map((e) => e.name)).toEqual(['submit', 'success'])
    expect((await events(page))[1]!.payload).toMatchObject({ id: stored!.id, channel: 'form' })
  })

  test('a jQuery $.ajax form from 2012 (placeholders only) delivers its lead', async ({ page, rb }) => {
    await openForm(page, 'jquery.html')
    await page.fill('[name=contact_name]', 'Pat Kelly')
    await page.fill('[name=contact_tel]', '07400 123456')
    await page.fill('[name=contact_email]', 'pat@example.ie')
    await page.fill('[name=contact_msg]', 'Leaking radiator')
    const hostPost = page.waitForRequest((r) => r.url().endsWith('/api/quote'))
    await page.click('[type=submit]')
    expect((await hostPost).postData()).toContain('contact_tel=07400+123456')
    await expect(page.locator('#result')).toBeVisible()
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({
      channel: 'form',
      phone: '+447400123456',
      contact: { name: 'Pat Kelly', email: 'pat@example.ie', message: 'Leaking radiator' },
      form: { id: 'contact-2012', action: formsSite + '/api/quote' }
    })
  })

  test('a React 19 form with controlled inputs is read at submit, before the app clears and removes it', async ({ page, rb }) => {
    await openForm(page, 'react.html')
    await page.fill('[name=name]', 'Jordan Lee')
    await page.fill('[name=phoneNumber]', '07400 123456')
    await page.fill('[name=email]', 'jordan@example.com')
    await page.click('button[type=submit]')
    await expect(page.locator('#sent')).toBeVisible()
    await expect(page.locator('form')).toHaveCount(0)
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ channel: 'form', phone: '+447400123456', contact: { name: 'Jordan Lee', email: 'jordan@example.com' }, form: { id: 'react-quote' } })
  })

  for (const [stack, name] of [
    ['React component', 'react.html'],
    ['Vue composable', 'vue.html']
  ] as const) {
    test(`the ${stack} of docs/npm.md starts one ringback, and unmounting the app destroys it`, async ({ page }) => {
      await openForm(page, name)
      await expect(page.locator('ringback-widget')).toHaveCount(1)
      await page.evaluate(() => (window as unknown as { __unmount: () => void }).__unmount())
      await expect(page.locator('ringback-widget')).toHaveCount(0)
    })
  }

  test('a Vue 3 form with v-model is read at submit, before the app clears it', async ({ page, rb }) => {
    await openForm(page, 'vue.html')
    await page.fill('[name=name]', 'Niamh Byrne')
    await page.fill('[name=phone]', '+353 85 123 4567')
    await page.fill('[name=message]', 'Call after 5pm')
    await page.click('button')
    await expect(page.locator('#sent')).toBeVisible()
    await expect(page.locator('[name=phone]')).toHaveValue('')
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ channel: 'form', phone: '+353851234567', contact: { name: 'Niamh Byrne', message: 'Call after 5pm' }, form: { id: 'vue-form' } })
    expect(stored!.locale).toBeTruthy()
  })

  test('a form inserted two seconds after load is captured (no observer, no polling)', async ({ page, rb }) => {
    await openForm(page, 'late.html')
    await page.locator('form#late').waitFor()
    const ready = fetched(page, FORMS_FILE, GB_META)
    await page.fill('#late [name=name]', 'Robin Hart')
    await page.fill('#late [name=phone]', '+44 7400 123456')
    await page.fill('#late [name=message]', 'Boiler service')
    await ready
    await Promise.all([page.waitForURL('**/thanks.html'), page.click('#late button')])
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ phone: '+447400123456', contact: { name: 'Robin Hart', message: 'Boiler service' }, form: { id: 'late' } })
  })

  test('a form whose only phone hint is a German <label> is captured', async ({ page, rb }) => {
    await openForm(page, 'german.html')
    const ready = fetched(page, FORMS_FILE, GB_META)
    await page.fill('#feld1', 'Jonas Weber')
    await page.fill('#feld2', '07400 123456')
    await page.fill('#feld3', 'Bitte rufen Sie mich an')
    await ready
    await Promise.all([page.waitForURL('**/thanks.html'), page.click('button')])
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ phone: '+447400123456', contact: { name: 'Jonas Weber', message: 'Bitte rufen Sie mich an' }, form: { id: 'kontakt' } })
  })

  test('password, card, one-time code, hidden and honeypot values appear in no request the SDK makes', async ({ page, servers, rb }) => {
    const sdkBodies: string[] = []
    const record = (request: Request) => {
      if (!request.url().startsWith(servers.api)) return
      // Path and query, not the origin: its random port may hold any digits.
      sdkBodies.push(request.url().slice(servers.api.length) + '\n' + (request.postData() || ''))
    }
    page.on('request', record)
    await openForm(page, 'secrets.html')
    await page.fill('[name=name]', 'Sam')
    await page.fill('[name=phone]', '07400 123456')
    await page.fill('[name=account_password]', 'Sup3r-S3cret-PW')
    await page.fill('[name=cardnumber]', '4242424242424242')
    await page.fill('[name=field_card_2]', '5555555555554444')
    await page.fill('[name=cvc]', '737')
    await page.fill('[name=otp]', '918273')
    await page.fill('[name=hp_phone]', '07700 900123')
    await page.click('button')
    await expect(page.locator('#done')).toBeVisible()
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ phone: '+447400123456', contact: { name: 'Sam' }, signals: { honeypot: true } })
    await page.waitForTimeout(300)
    const posts = sdkBodies.filter((body) => body.includes('/v1/callbacks'))
    expect(posts.length).toBeGreaterThan(0)
    // The CVC's three digits could stand inside a random id or a time by chance: look for it as a value.
    for (const secret of ['Sup3r-S3cret-PW', '4242424242424242', '5555555555554444', '"737"', '918273', 'HIDDEN-CSRF-7731', '7700900999', '7700900123', '07700']) {
      for (const body of sdkBodies) expect(body, secret).not.toContain(secret)
      expect(JSON.stringify(stored)).not.toContain(secret)
    }
  })

  test('a number that is not valid is not sent, the site’s own submit still happens, and error says why', async ({ page, rb }) => {
    await openForm(page, 'fetch.html')
    await page.fill('[name=name]', 'Alex')
    await page.fill('[name=mobile]', '07400 12')
    const hostPost = page.waitForRequest((r) => r.url().endsWith('/api/quote'))
    await page.click('button')
    await hostPost
    await expect(page.locator('#done')).toBeVisible()
    await expect.poll(async () => (await events(page)).map((e) => e.name)).toEqual(['error'])
    expect((await events(page))[0]!.payload).toMatchObject({ code: 'invalid_phone', retry: false, channel: 'form', message: expect.stringMatching(/not sent: \w/) })
    await page.waitForTimeout(500)
    expect(await rb.requests()).toHaveLength(0)
    expect(await rb.attempts()).toHaveLength(0)
  })

  test('a double click, an AJAX double post and a re-submit make one stored request', async ({ page, rb }) => {
    await openForm(page, 'fetch.html')
    await page.fill('[name=name]', 'Sam')
    await page.fill('[name=mobile]', '07400 123456')
    let hostPosts = 0
    page.on('request', (r) => r.url().endsWith('/api/quote') && hostPosts++)
    await page.evaluate(() =>
      document.addEventListener('reset', () => ((window as unknown as { resets: number }).resets = ((window as unknown as { resets?: number }).resets || 0) + 1))
    )
    await page.dblclick('button')
    await expect.poll(() => hostPosts).toBe(2)
    // The page clears the form as each post is answered: fill it again after both, or a late reset empties it.
    await page.waitForFunction(() => (window as unknown as { resets?: number }).resets === 2)
    await page.fill('[name=name]', 'Sam T.')
    await page.fill('[name=mobile]', '+44 7400 123456')
    await page.click('button')
    await expect.poll(() => hostPosts).toBe(3)
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ phone: '+447400123456', contact: { name: 'Sam' } })
    await page.waitForTimeout(800)
    expect(await rb.requests()).toHaveLength(1)
    expect(await rb.attempts()).toHaveLength(1)
  })

  test('ringback("capture", form) covers a form the page submits with a bare form.submit()', async ({ page, rb }) => {
    await openForm(page, 'bare-submit.html')
    const ready = fetched(page, FORMS_FILE, GB_META)
    await page.fill('[name=phone]', '07400 123456')
    await ready
    await Promise.all([page.waitForURL('**/thanks.html'), page.click('#send')])
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ channel: 'form', phone: '+447400123456', form: { id: 'old' } })
  })

  test('forms.confirm shows the platform’s answer in an accessible toast, dismissed with Escape', async ({ page, servers, rb }) => {
    await page.route(servers.api + '/v1/sites/demo/config', async (route) => {
      const response = await route.fetch()
      const config = await response.json()
      await route.fulfill({ response, json: { ...config, forms: { ...config.forms, confirm: true } } })
    })
    await openForm(page, 'fetch.html')
    await page.fill('[name=name]', 'Sam')
    await page.fill('[name=mobile]', '07400 123456')
    await page.click('button')
    const [stored] = await rb.waitForRequests(1)
    const toast = page.locator('ringback-toast [role=status]')
    await expect(toast).toHaveText(/^Thanks! Acme Plumbing (is calling you now|will call you .+ at .+)\.$/)
    const success = (await events(page)).find((e) => e.name === 'success')!.payload
    expect(success).toMatchObject({ id: stored!.id })
    if (success.status === 'calling') await expect(toast).toContainText('calling you now')
    else await expect(toast).toContainText('will call you')
    await page.keyboard.press('Escape')
    await expect(page.locator('ringback-toast')).toHaveCount(0)
  })

  test('the inspector outlines captured forms and mapped fields, and lists skipped forms with reasons', async ({ page }) => {
    await page.setViewportSize({ width: 1100, height: 900 })
    await openForm(page, 'inspect.html', '?ringback-inspect')
    const panel = page.locator('ringback-inspector section')
    await expect(panel).toContainText('Form 2 #contact: captured')
    await expect(panel).toContainText('Form 1 #search: skipped')
    await expect(panel).toContainText('no phone field')
    await expect(panel).toContainText('Form 3 #newsletter: skipped')
    await expect(panel).toContainText('marked data-ringback="ignore"')
    await expect(panel).toContainText('phone: “Phone”')
    await expect(panel).toContainText('email: “Email”')
    await expect(panel).toContainText('never sent: “Password” (password)')
    // Outlines sit on the mapped fields themselves.
    const phoneBox = await page.locator('#contact [name=phone]').boundingBox()
    const outline = page.locator('ringback-inspector .field', { hasText: 'phone' })
    const outlineBox = await outline.boundingBox()
    expect(Math.abs(outlineBox!.x - phoneBox!.x)).toBeLessThan(2)
    expect(Math.abs(outlineBox!.y - phoneBox!.y)).toBeLessThan(2)
    await expect(page.locator('ringback-inspector .form:not(.skip)')).toHaveCount(1)
    mkdirSync(ARTIFACTS, { recursive: true })
    await page.screenshot({ path: join(ARTIFACTS, 'forms-inspector.png'), fullPage: true })
    // The command does the same, replacing the overlay rather than stacking a second one.
    await page.evaluate(() => (window as unknown as { ringback: (c: string) => void }).ringback('inspect'))
    await expect(page.locator('ringback-inspector')).toHaveCount(1)
    await page.locator('ringback-inspector button', { hasText: 'Close' }).click()
    await expect(page.locator('ringback-inspector')).toHaveCount(0)
  })

  test('ringback/forms alone (npm, bundled by the app) captures a form, with no widget on the page or in the bundle', async ({ page, rb }) => {
    const bundle = readdirSync(join(tmp, 'headless'))
      .map((file) => readFileSync(join(tmp, 'headless', file), 'utf8'))
      .join('\n')
    expect(bundle).not.toContain('ringback-widget')
    await openForm(page, 'headless.html')
    const ready = page.waitForResponse(/\/GB-\w+\.js$|\/GB\.js$/)
    await page.fill('[name=name]', 'Sam Taylor')
    await page.fill('[name=phone]', '07400 123456')
    await ready
    await Promise.all([page.waitForURL('**/thanks.html'), page.click('button')])
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ channel: 'form', phone: '+447400123456', contact: { name: 'Sam Taylor' }, form: { id: 'headless' } })
  })

  test('a submit that comes before the forms file is captured when it arrives, with the values of the moment of submit', async ({ page, rb }) => {
    const release = await holdBack(page, FORMS_FILE)
    await openForm(page, 'fetch.html')
    await page.fill('[name=name]', 'Alex Morgan')
    await page.fill('[name=mobile]', '+353 85 123 4567')
    const hostPost = page.waitForRequest((r) => r.url().endsWith('/api/quote') && r.method() === 'POST')
    await page.click('button')
    await hostPost
    // The page changes the form after its submit; the request carries what was submitted.
    await page.fill('[name=name]', 'Someone Else')
    expect(await rb.requests()).toHaveLength(0)
    release()
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ channel: 'form', phone: '+353851234567', contact: { name: 'Alex Morgan' }, form: { id: 'book' } })
  })

  test('submits by Enter and by requestSubmit() are seen as well', async ({ page, rb }) => {
    await openForm(page, 'fetch.html')
    await page.fill('[name=name]', 'Kim')
    await page.fill('[name=mobile]', '07400 123456')
    await page.press('[name=mobile]', 'Enter')
    await rb.waitForRequests(1)
    await page.fill('[name=name]', 'Kim')
    await page.fill('[name=mobile]', '+353 85 123 4567')
    await page.evaluate(() => (document.getElementById('book') as HTMLFormElement).requestSubmit())
    const stored = await rb.waitForRequests(2)
    expect(stored.map((r) => r.phone).sort()).toEqual(['+353851234567', '+447400123456'])
    expect(stored.every((r) => r.channel === 'form' && r.contact?.name === 'Kim')).toBe(true)
  })
})
