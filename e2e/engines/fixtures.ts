import { expect, test as base } from '../fixtures'
import { servePages } from '../pages/hostile/servePages'
import { launchFirefox } from './launchFirefox'
import { launchWebKit } from './launchWebKit'
import { call, inPage } from './queries'
import { recordingProxy } from './recordingProxy'
import type { Engine, EngineName, Handle, Key, Tab } from './Tab'

/** The visitor's zone in both engines: not the business's (London), so that every time shown or sent is converted. */
export const VISITOR_ZONE = 'America/New_York'

/** The sites the journeys visit, each behind a recording proxy: the demo business and the hostile pages. */
export interface Sites {
  demo: string
  hostile: string
}

export const test = base.extend<{ tab: Tab; pageErrors: string[] }, { engineName: EngineName; engine: Engine; sites: Sites }>({
  engineName: ['firefox', { scope: 'worker', option: true }],

  engine: [
    async ({ engineName }, use) => {
      const env = { TZ: VISITOR_ZONE, LANG: 'en_US.UTF-8' }
      const engine = await (engineName === 'firefox' ? launchFirefox(env) : launchWebKit(env))
      await use(engine)
      await engine.close()
    },
    { scope: 'worker', timeout: 120_000 }
  ],

  sites: [
    async ({ servers }, use) => {
      const hostilePages = await servePages(servers)
      const demo = await recordingProxy(servers.site, servers)
      const hostile = await recordingProxy(hostilePages.origin, servers)
      await use({ demo: demo.origin, hostile: hostile.origin })
      await Promise.all([demo.close(), hostile.close(), hostilePages.close()])
    },
    { scope: 'worker' }
  ],

  // The Chromium suite's page-error check needs its `page` (a Chromium): here `tab` checks the same.
  pageErrors: async ({}, use) => use([]),

  tab: async ({ engine }, use, testInfo) => {
    const tab = await engine.newTab()
    try {
      await use(tab)
      if (testInfo.status !== testInfo.expectedStatus) {
        const path = testInfo.outputPath('failed.png')
        await tab.screenshot(path).then(
          () => testInfo.attachments.push({ name: 'screenshot', path, contentType: 'image/png' }),
          () => undefined
        )
      }
      // Every journey fails if the SDK threw into the page or complained in its console.
      testInfo.annotations.push({ type: 'engine', description: engine.version })
      expect(ofSdk(await tab.problems()), 'errors and warnings of the SDK in the page').toEqual([])
    } finally {
      await tab.close()
    }
  }
})

export { expect }

/** The problems the SDK caused: its stack, its file or its name is in them. */
export const ofSdk = (problems: string[]) => problems.filter((problem) => /ringback/i.test(problem))

/** The element with that role and accessible name, once the page shows it (through shadow roots). */
export async function find(tab: Tab, role: string, name: RegExp): Promise<Handle> {
  let found: Handle | null = null
  await expect.poll(async () => !!(found = await tab.handle(inPage(call('find', role, name.source, name.flags)))), { message: `${role} "${name.source}"` }).toBe(true)
  return found!
}

/** Whether the page shows an element with that role and name, now. */
export const shows = async (tab: Tab, role: string, name: RegExp) => !!(await tab.handle(inPage(call('find', role, name.source, name.flags))))

/** The focused element's role and accessible name (through shadow roots), and whether it is in a dialog. */
export const focused = (tab: Tab) => tab.run<{ role: string; name: string; inDialog: boolean } | null>(inPage(call('focused')))

/** The text of the first element shown with that role (a status, an alert), or `null`. */
export const textOf = (tab: Tab, role: string) => tab.run<string | null>(`(${inPage(call('find', role, '', ''))} || { textContent: null }).textContent`)

/**
 * Presses `key` (Tab, Shift+Tab) until the element with that role and name
 * has the focus, as a keyboard user gets there; fails after `most` presses.
 * `inDialog`: every stop on the way must be inside the open dialog (its focus trap).
 */
export async function tabTo(tab: Tab, role: string, name: RegExp, options: { key?: Key; inDialog?: boolean; most?: number } = {}) {
  const stops: string[] = []
  for (let i = 0; i < (options.most || 25); i++) {
    await tab.press(options.key || 'Tab')
    const now = await focused(tab)
    stops.push(now ? `${now.role} "${now.name}"` : 'page')
    if (options.inDialog) expect(now && now.inDialog, 'focus left the dialog: ' + stops.join(' → ')).toBe(true)
    if (now && now.role === role && name.test(now.name)) return now
  }
  throw new Error(`${role} "${name.source}" never had the focus: ${stops.join(' → ')}`)
}

/** Waits until the page has fetched the SDK's files whose names match (as e2e/fixtures.ts's `fetched`). */
export async function fetched(tab: Tab, ...files: RegExp[]) {
  const sources = JSON.stringify(files.map((file) => file.source))
  await expect
    .poll(() =>
      tab.run<boolean>(
        `(() => { const names = performance.getEntriesByType('resource').map((e) => e.name); return ${sources}.every((s) => names.some((n) => new RegExp(s).test(n))) })()`
      )
    )
    .toBe(true)
}

/** The keys the SDK keeps in the page's storage (`ringback:` only), local and session. */
export const kept = (tab: Tab) =>
  tab.run<string[]>(`[localStorage, sessionStorage].flatMap((store) => Object.keys(store)).filter((key) => key.startsWith('ringback:')).sort()`)
