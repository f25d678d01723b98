import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { build } from 'esbuild'
import { type Browser, devices, type Page } from '@playwright/test'
import { createDemoSite } from '../demo/server/site/createDemoSite'
import { expect, holdBack, OPEN_IN_LONDON, openDemo, patchConfig, recordShifts, test } from './fixtures'

// The launcher (issue 12, points 5, 6 and 9): its label in the widget's
// language from the first paint, a round button on phones, out of the way
// while the panel is open; and commands that come before the site config
// (the stub's queue, `open()` right after `init()`), run once it has come.
// Real Chromium, the real receiver, the built files.

const PAGES = join('e2e', 'pages', 'launcher')
const CONFIG = /\/v1\/sites\/demo\/config$/
const { defaultBrowserType: _, ...IPHONE_13 } = devices['iPhone 13']

let site = ''
let closeSite: (() => Promise<void>) | undefined
let tmp = ''
test.beforeAll(async ({ servers }) => {
  // The test pages' own site on a loopback origin the receiver allows.
  const demo = createDemoSite({ apiOrigin: servers.api, root: PAGES })
  site = await demo.listen(0)
  closeSite = () => demo.close()
  servers.receiver.allowOrigin('demo', site)
  // `ringback` from npm as an application's bundler sees the published package (dist/npm), split into chunks.
  tmp = mkdtempSync(join(tmpdir(), 'ringback-launcher-'))
  await build({
    entryPoints: [join(PAGES, 'npm-app.mjs')],
    bundle: true,
    splitting: true,
    format: 'esm',
    minify: true,
    alias: { ringback: resolve('dist/npm/index.js') },
    outdir: join(tmp, 'npm'),
    logLevel: 'silent'
  })
})
test.afterAll(async () => {
  if (closeSite) await closeSite()
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

/** The launcher button, whatever its label. */
const launcher = (page: Page) => page.locator('ringback-widget [aria-haspopup=dialog]')
const dialog = (page: Page) => page.getByRole('dialog')

/** The config of a site that set no language: the page's decides. */
const noLocale = (config: Record<string, any>) => void delete config.widget.locale

/** Opens e2e/pages/launcher/<name>; unless the config is held back, it has answered when this resolves. */
async function openPage(page: Page, name: string, wait = true) {
  await page.route(site + '/vendor/**', (route) => {
    const path = new URL(route.request().url()).pathname.slice('/vendor/'.length)
    route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: readFileSync(join(tmp, 'npm', path), 'utf8') })
  })
  const config = wait && page.waitForResponse((response) => CONFIG.test(response.url()))
  await page.goto(site + '/' + name)
  if (config) await config
}

/** Waits until ringback.js has run on the page (and drained the stub's queue). */
const scriptRan = (page: Page) => page.waitForFunction(() => (window as unknown as { ringback?: { loaded?: boolean } }).ringback?.loaded === true)

/** What the test pages recorded of the SDK's events. */
const events = (page: Page) => page.evaluate(() => (window as unknown as { __events: string[] }).__events)

/** The longest transition or animation of the launcher, in seconds. */
const longestMotion = (page: Page) =>
  launcher(page).evaluate((el) => {
    const style = getComputedStyle(el)
    const seconds = (list: string) => list.split(',').map((s) => parseFloat(s) * (/ms/.test(s) ? 0.001 : 1))
    return Math.max(...seconds(style.transitionDuration), ...seconds(style.animationDuration))
  })

async function phone(browser: Browser, colorScheme: 'light' | 'dark' = 'light') {
  const context = await browser.newContext({ ...IPHONE_13, colorScheme })
  return { context, page: await context.newPage() }
}

test.describe('the launcher', () => {
  test('on a German page with no language in the config it says "Rückruf anfordern" from its first paint, as the panel does, and moves nothing', async ({
    page,
    servers
  }) => {
    const shifts = await recordShifts(page)
    await page.clock.install({ time: new Date(OPEN_IN_LONDON) })
    await patchConfig(page, servers, noLocale)
    await openPage(page, 'de.html')
    const button = page.getByRole('button', { name: 'Rückruf anfordern', exact: true }).and(launcher(page))
    await expect(button).toBeVisible()
    await expect(button).toHaveAttribute('lang', 'de')
    const before = await button.boundingBox()
    // A hover mounts the panel (it used to relabel the launcher then, under the pointer).
    await button.hover()
    await expect.poll(() => page.evaluate(() => document.querySelector('ringback-widget')!.shadowRoot!.childElementCount)).toBe(2)
    await expect(button).toHaveText('Rückruf anfordern')
    expect(await button.boundingBox()).toEqual(before)
    expect(await shifts()).toEqual([])
    await button.click()
    await expect(dialog(page).getByLabel('Ihre Telefonnummer')).toBeVisible()
    await page.keyboard.press('Escape')
    await expect(button).toBeFocused()
  })

  test('desktop: a pill with its label; hidden while the panel is open, back and focused when it closes; motion short, none when reduced', async ({ page, servers }) => {
    await page.clock.install({ time: new Date(OPEN_IN_LONDON) })
    await openDemo(page, servers)
    const button = page.getByRole('button', { name: 'Call me back', exact: true })
    await expect(button).toBeVisible()
    const box = (await button.boundingBox())!
    const viewport = page.viewportSize()!
    expect([box.height, box.x + box.width, box.y + box.height]).toEqual([56, viewport.width - 20, viewport.height - 20])
    expect(box.width).toBeGreaterThan(120)
    expect(await longestMotion(page)).toBeLessThan(0.2)

    await button.click()
    await expect(dialog(page)).toBeVisible()
    await expect(launcher(page)).toBeHidden()
    await page.keyboard.press('Escape')
    await expect(button).toBeVisible()
    await expect(button).toBeFocused()

    // Opened by the page's own button, closed by the panel's.
    await page.getByRole('link', { name: 'Request a callback' }).click()
    await expect(launcher(page)).toBeHidden()
    await dialog(page).getByRole('button', { name: 'Close' }).click()
    await expect(dialog(page)).toBeHidden()
    await expect(button).toBeVisible()

    await page.emulateMedia({ reducedMotion: 'reduce' })
    expect(await longestMotion(page)).toBe(0)
    await button.click()
    await expect(launcher(page)).toBeHidden()
  })

  test('iPhone 13: a round button that keeps its name, hidden under the open sheet and back when it closes', async ({ browser, servers }) => {
    const { context, page } = await phone(browser)
    await page.clock.install({ time: new Date(OPEN_IN_LONDON) })
    await patchConfig(page, servers, noLocale)
    await openPage(page, 'de.html')
    const button = page.getByRole('button', { name: 'Rückruf anfordern', exact: true }).and(launcher(page))
    await expect(button).toBeVisible()
    const box = (await button.boundingBox())!
    const viewport = page.viewportSize()!
    expect([box.width, box.height, box.x + box.width, box.y + box.height]).toEqual([56, 56, viewport.width - 20, viewport.height - 20])
    expect(await button.evaluate((el) => getComputedStyle(el).borderRadius)).toBe('28px')
    await button.tap()
    await expect(dialog(page)).toBeVisible()
    await expect(launcher(page)).toBeHidden()
    await dialog(page).getByRole('button', { name: 'Schließen' }).first().tap()
    await expect(dialog(page)).toBeHidden()
    await expect(button).toBeVisible()
    await context.close()
  })

  test('screenshots: desktop and iPhone 13, light and dark, German and right-to-left, closed and open', async ({ browser, servers }) => {
    test.setTimeout(180_000)
    for (const device of ['desktop', 'iphone'] as const) {
      for (const colorScheme of ['light', 'dark'] as const) {
        for (const [name, label] of [
          ['de', 'Rückruf anfordern'],
          ['ar', 'اطلب مكالمة']
        ] as const) {
          const context = await browser.newContext(device === 'iphone' ? { ...IPHONE_13, colorScheme } : { viewport: { width: 1280, height: 720 }, colorScheme })
          const page = await context.newPage()
          await page.clock.install({ time: new Date(OPEN_IN_LONDON) })
          await patchConfig(page, servers, (config) => {
            noLocale(config)
            // Arabic is no language the widget ships: the site words it.
            if (name === 'ar') config.widget.texts = { launcher: label }
          })
          await openPage(page, name + '.html')
          await expect(launcher(page)).toHaveAccessibleName(label)
          // The foot of the page: its address and opening hours, where the launcher sits.
          await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight))
          const file = `e2e/artifacts/launcher-${device}-${colorScheme}-${name}`
          await page.screenshot({ path: file + '.png' })
          await launcher(page).click()
          await expect(dialog(page)).toBeVisible()
          await dialog(page).evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)))
          await expect(launcher(page)).toBeHidden()
          await page.screenshot({ path: file + '-open.png' })
          await context.close()
        }
      }
    }
  })
})

test.describe('commands before the widget is ready', () => {
  test("the stub's queue (open, close, open schedule) runs in order once the config has come", async ({ page }) => {
    await page.clock.install({ time: new Date(OPEN_IN_LONDON) })
    const release = await holdBack(page, CONFIG)
    await openPage(page, 'queued.html', false)
    await scriptRan(page)
    expect(await events(page)).toEqual([])
    release()
    await expect(dialog(page).getByRole('radiogroup', { name: 'Time' })).toBeVisible()
    await expect.poll(() => events(page)).toEqual(['ready', 'open:now', 'close', 'open:schedule'])
  })

  test('a click on the page\'s own "data-ringback-open" button before the config opens the widget once it has come', async ({ page, servers }) => {
    await page.clock.install({ time: new Date(OPEN_IN_LONDON) })
    await patchConfig(page, servers, noLocale)
    const release = await holdBack(page, CONFIG)
    await openPage(page, 'de.html', false)
    await scriptRan(page)
    await page.locator('main').getByRole('button', { name: 'Rückruf anfordern' }).click()
    release()
    await expect(dialog(page).getByLabel('Ihre Telefonnummer')).toBeVisible()
  })

  test('npm: open("schedule") right after init() opens the scheduling view once the config has come', async ({ page }) => {
    await page.clock.install({ time: new Date(OPEN_IN_LONDON) })
    const release = await holdBack(page, CONFIG)
    await openPage(page, 'npm.html', false)
    await page.waitForFunction(() => Array.isArray((window as unknown as { __events?: unknown }).__events))
    expect(await events(page)).toEqual([])
    release()
    await expect(dialog(page).getByRole('radiogroup', { name: 'Time' })).toBeVisible()
    await expect.poll(() => events(page)).toEqual(['ready', 'open:schedule'])
  })

  test('where the config turns the widget off, the queued commands do nothing: no error, no warning', async ({ page, servers }) => {
    const warnings: string[] = []
    page.on('console', (message) => {
      if (/ringback/i.test(message.text())) warnings.push(message.type() + ': ' + message.text())
    })
    const panelFiles: string[] = []
    page.on('request', (request) => /ringback-panel-/.test(request.url()) && panelFiles.push(request.url()))
    await patchConfig(page, servers, (config) => void (config.widget.enabled = false))
    const release = await holdBack(page, CONFIG)
    await openPage(page, 'queued.html', false)
    await scriptRan(page)
    release()
    await expect.poll(() => events(page)).toEqual(['ready'])
    // Had anything tried to open it, the panel's file would be on its way.
    await page.waitForLoadState('networkidle')
    expect(await events(page)).toEqual(['ready'])
    expect(panelFiles).toEqual([])
    await expect(page.locator('ringback-widget')).toHaveCount(0)
    expect(warnings).toEqual([])
  })

  test('forms: a form handed over with capture() and the inspector asked for in the queue both wait for the config', async ({ page, rb }) => {
    const release = await holdBack(page, CONFIG)
    await openPage(page, 'queued.html?inspect', false)
    await scriptRan(page)
    await page.getByLabel('Your name').fill('Sam Taylor')
    await page.getByLabel('Phone').fill('07400 123456')
    // The page hands the form over, then clears it (queued.js).
    await page.getByRole('button', { name: 'Send' }).click()
    await expect(page.getByLabel('Phone')).toHaveValue('')
    release()
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ channel: 'form', phone: '+447400123456', contact: { name: 'Sam Taylor' } })
    await expect(page.locator('ringback-inspector section')).toContainText('Form 1 #contact')
  })
})
