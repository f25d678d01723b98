import { readFileSync } from 'node:fs'
import { devices, type Page } from '@playwright/test'
import { expect, openDemo, type Servers, test } from './fixtures'

/** A Tuesday, 10:00 in London (open), and the Sunday-evening clock of the scheduling test. */
const TUESDAY_OPEN = '2026-12-01T10:00:00Z'

const launcher = (page: Page) => page.getByRole('button', { name: 'Call me back' })
const dialog = (page: Page) => page.getByRole('dialog')

async function openWidget(page: Page) {
  await launcher(page).click()
  await expect(dialog(page)).toBeVisible()
  return dialog(page)
}

/** Serves a test page of e2e/pages/widget/ on the demo site's origin (so the receiver allows it). */
async function servePage(page: Page, servers: Servers, name: string, headers: Record<string, string> = {}) {
  const html = readFileSync(new URL('./pages/widget/' + name, import.meta.url), 'utf8')
    .replaceAll('%RINGBACK_SRC%', servers.api + '/ringback.js')
    .replaceAll('%SITE_ID%', 'demo')
  await page.route(servers.site + '/widget/' + name, (route) =>
    route.fulfill({ status: 200, contentType: 'text/html', headers, body: html })
  )
  const config = page.waitForResponse((response) => response.url().includes('/config'))
  await page.goto(servers.site + '/widget/' + name)
  await config
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: 'e2e/artifacts/widget-' + name + '.png' })
}

test.describe('the callback widget', () => {
  test('instant flow: a visitor asks to be called now and sees the platform answer', async ({ page, servers, rb }) => {
    await page.clock.install({ time: new Date(TUESDAY_OPEN) })
    await openDemo(page, servers)
    const panel = await openWidget(page)
    await shot(page, 'light')
    await panel.getByLabel(/phone number/i).fill('07400 123456')
    await panel.getByRole('checkbox').check()
    await panel.getByRole('button', { name: /call me now/i }).click()
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ channel: 'widget', phone: '+447400123456', schedule: { type: 'asap' }, consent: { granted: true } })
    expect(stored!.signals!.honeypot).toBe(false)
    expect(typeof stored!.signals!.fillMs).toBe('number')
    const status = panel.getByRole('status')
    // The receiver answers by its own clock: calling (open) or the next opening (closed).
    await expect(status).toHaveText(/We are calling you now on \+44740•••3456|We will call you on \+44740•••3456 at/)
    await shot(page, 'success')
  })
})
