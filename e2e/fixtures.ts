import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { test as base, expect, type Page } from '@playwright/test'
import { createReceiver, type Receiver } from '../demo/server/receiver/createReceiver'
import { loadSites } from '../demo/server/receiver/loadSites'
import { createDemoSite } from '../demo/server/site/createDemoSite'
import type { CallbackRequest } from '../src/schema'

/** The real servers of one Playwright worker: the reference receiver (API + CDN) and the demo site. */
export interface Servers {
  /** Origin of the receiver, which also serves dist/ as the CDN. */
  api: string
  /** Origin of the demo business site. */
  site: string
  receiver: Receiver
}

/** A stored request as the receiver's test endpoint returns it. */
export type Stored = CallbackRequest

/** One POST /v1/callbacks the receiver saw, faulted or not. */
export interface Attempt {
  id: string
  status: number
  contentType: string
  at: string
}

/** What tests ask of the receiver (test-only endpoints, enabled by its fault switch). */
export interface ReceiverControl {
  requests(siteId?: string): Promise<Stored[]>
  /** Waits until `count` requests are stored (polling the receiver, no fixed sleeps), then returns them. */
  waitForRequests(count: number, siteId?: string): Promise<Stored[]>
  attempts(): Promise<Attempt[]>
  faults(faults: Record<string, unknown>): Promise<void>
  /**
   * Moves the receiver's clock to `at` (it keeps running from there), so that
   * opening hours agree with a page whose clock a test has moved
   * (`page.clock.install({ time: at })`). Reset after each test.
   */
  clock(at: Date | string | number): void
}

/** The receiver's clock, as an offset from the machine's: one per worker, like the receiver. */
let clockOffset = 0

/** A Tuesday, 10:00 in London: the demo business is open (for tests that need it open whatever the day). */
export const OPEN_IN_LONDON = '2026-12-01T10:00:00Z'

export const test = base.extend<{ rb: ReceiverControl; pageErrors: string[] }, { servers: Servers }>({
  servers: [
    async ({}, use) => {
      const dir = mkdtempSync(join(tmpdir(), 'ringback-e2e-'))
      const receiver = createReceiver({
        dbPath: join(dir, 'ringback.db'),
        sites: loadSites('demo/sites.json'),
        distDir: 'dist',
        faults: true,
        // e2e runs make many requests from one IP and one number; the limits have their own tests.
        limits: { perNumber: 1000, perIp: 10000, perSite: 10000 },
        now: () => Date.now() + clockOffset
      })
      const api = await receiver.listen(0)
      const demo = createDemoSite({ apiOrigin: api })
      const site = await demo.listen(0)
      receiver.allowOrigin('demo', site)
      receiver.allowOrigin('demo', site.replace('127.0.0.1', 'localhost'))
      await use({ api, site, receiver })
      await demo.close()
      await receiver.dispose()
      rmSync(dir, { recursive: true, force: true })
    },
    { scope: 'worker' }
  ],

  rb: async ({ servers }, use) => {
    const call = async (path: string, body?: unknown) => {
      const response = await fetch(servers.api + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body)
      })
      if (!response.ok) throw new Error(`${path}: ${response.status}`)
      return response.json()
    }
    await call('/__test/reset', {})
    const control: ReceiverControl = {
      requests: (siteId = 'demo') => call('/__test/requests?siteId=' + encodeURIComponent(siteId)),
      async waitForRequests(count, siteId = 'demo') {
        let found: Stored[] = []
        await expect.poll(async () => (found = await control.requests(siteId)).length, { timeout: 15_000 }).toBeGreaterThanOrEqual(count)
        return found
      },
      attempts: () => call('/__test/attempts'),
      faults: (faults) => call('/__test/faults', faults).then(() => undefined),
      clock: (at) => void (clockOffset = new Date(at).getTime() - Date.now())
    }
    await use(control)
    clockOffset = 0
  },

  // Every test fails if the SDK throws into a page: the host must never see our errors.
  pageErrors: [
    async ({ page }, use) => {
      const errors: string[] = []
      page.on('pageerror', (error) => errors.push(String(error.stack || error.message)))
      await use(errors)
      expect(
        errors.filter((stack) => /ringback/.test(stack)),
        'errors thrown into the page by the SDK'
      ).toEqual([])
    },
    { auto: true }
  ]
})

export { expect }

/** Opens a demo page; the SDK's config request has answered when it resolves. */
export async function openDemo(page: Page, servers: Servers, path = '/'): Promise<void> {
  const config = page.waitForResponse((response) => response.url().includes('/config'))
  await page.goto(servers.site + path)
  await config
}

/**
 * Waits until the page has fetched the SDK's files whose names match (the
 * forms file, the GB phone metadata, the delivery file: what the first focus
 * in a form starts). A person typing gives them seconds to arrive before a
 * submit; Playwright's fill gives them none, so tests of a form that
 * navigates away wait for them, as the visitor's typing would.
 */
export async function fetched(page: Page, ...files: RegExp[]): Promise<void> {
  await page.waitForFunction(
    (sources) => {
      const names = performance.getEntriesByType('resource').map((entry) => entry.name)
      return sources.every((source) => names.some((name) => new RegExp(source).test(name)))
    },
    files.map((file) => file.source)
  )
}
export const FORMS_FILE = /\/ringback-forms-[\w-]+\.js$/
export const GB_META = /\/meta-\w+\/GB\.js$/
export const DELIVERY_FILE = /\/ringback-delivery-[\w-]+\.js$/
export const PHONE_FILES = /\/ringback-phone-[\w-]+\.js$/

/** Changes the site config the page receives (the receiver's own copy stays as it is). */
export async function patchConfig(page: Page, servers: Servers, patch: (config: Record<string, any>) => void) {
  await page.route(servers.api + '/v1/sites/demo/config', async (route) => {
    const response = await route.fetch()
    const config = await response.json()
    patch(config)
    await route.fulfill({ response, json: config })
  })
}

/**
 * Records the page's layout shifts from its first paint (call before it
 * loads); the returned function reads their values so far.
 */
export async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: number[] }
    w.shifts = []
    new PerformanceObserver((list) => list.getEntries().forEach((e) => w.shifts.push((e as unknown as { value: number }).value))).observe({
      type: 'layout-shift',
      buffered: true
    })
  })
  return () => page.evaluate(() => (window as unknown as { shifts: number[] }).shifts)
}

/**
 * Holds back the SDK's files whose names match (a file still on its way, a
 * slow CDN, a site config that has not come yet) until the returned function
 * is called; then a route added before this one (a patched config) answers.
 */
export async function holdBack(page: Page, files: RegExp): Promise<() => void> {
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  await page.route(files, async (route) => {
    await held
    // The page that asked may have gone meanwhile.
    await route.fallback().catch(() => undefined)
  })
  return release
}

/**
 * The widget as a visitor uses it: launcher, phone number, consent where the
 * panel asks for it, "call me now". The business must be open for that
 * button: the page's clock is moved to a Tuesday, 10:00 in London.
 */
export async function callMeNow(page: Page, phone = '07400 123456', click: 'click' | 'dblclick' = 'click'): Promise<void> {
  await page.clock.setSystemTime(new Date(OPEN_IN_LONDON))
  await page.getByRole('button', { name: /call me back/i }).click()
  const panel = page.getByRole('dialog')
  await panel.getByLabel(/phone number/i).fill(phone)
  const consent = panel.getByRole('checkbox')
  if (await consent.count()) await consent.check()
  await panel.getByRole('button', { name: /call me now/i })[click]()
}
