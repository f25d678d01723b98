import { readFileSync } from 'node:fs'
import { WEEKDAYS } from '../../src/contract/weekdays'
import { DELIVERY_FILE, FORMS_FILE, GB_META, type ReceiverControl, type Stored } from '../fixtures'
import { expect, fetched, find, focused, kept, ofSdk, shows, tabTo, test, textOf, VISITOR_ZONE } from './fixtures'
import { callOf, type Tab } from './Tab'

// The visitor's journeys in Firefox and WebKit (one project each, see
// playwright.engines.config.ts): the built script tag on the demo site and
// the hostile pages, the real receiver, and what it stored. Elements are
// found by role and accessible name, and used with real clicks and keys.
//
// These engines' clocks cannot be moved from the test, so the business is
// made open (or closed) by the config the page receives: open around the
// clock for "call me now", closed today and tomorrow for a scheduled call,
// whose slots then lie in the receiver's own opening hours too.

const GB = '07400 123456'
const GB_E164 = '+447400123456'
// The confirmation shows the visitor their own number in full (events and dataLayer stay masked).
const FULL = '+44 7400 123456'
const SITE = JSON.parse(readFileSync('demo/sites.json', 'utf8'))[0].config

const openAllDay = { ...SITE, hours: { weekly: Object.fromEntries(WEEKDAYS.map((day) => [day, [['00:00', '24:00']]])), closed: [] } }
const londonDate = (daysAhead: number) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(Date.now() + daysAhead * 86_400_000)
const closedTwoDays = () => ({ ...SITE, hours: { ...SITE.hours, closed: [...SITE.hours.closed, londonDate(0), londonDate(1)] } })

const LAUNCHER = /^call me back$/i
const shot = (tab: Tab, engine: string, name: string) => tab.screenshot(`e2e/artifacts/engines-${engine}-${name}.png`)

/** Calls a command of the SDK as the site's own script would (a consent banner). */
const command = (tab: Tab, ...args: unknown[]) =>
  tab.run(callOf((list: unknown[]) => (window as unknown as { ringback: (...a: unknown[]) => void }).ringback(...list), args))

/**
 * The request arrived and nothing more will come: it is stored, the page's
 * outbox has let it go (acknowledged: no retry is left to run), and every
 * attempt the receiver saw carried its id.
 */
async function deliveredOnce(tab: Tab, rb: ReceiverControl, attemptsBefore = 0): Promise<Stored> {
  const [stored] = await rb.waitForRequests(1)
  await expect.poll(async () => (await kept(tab)).filter((key) => key.startsWith('ringback:o:'))).toEqual([])
  expect(await rb.requests()).toHaveLength(1)
  expect(new Set((await rb.attempts()).slice(attemptsBefore).map((attempt) => attempt.id))).toEqual(new Set([stored!.id]))
  return stored!
}

/** Fills the hostile pages' contact form by pointer and keys, then sends it (the page stays). */
async function submitContact(tab: Tab, name: string) {
  await tab.click(await find(tab, 'textbox', /^name$/i))
  await tab.type(name)
  await tab.click(await find(tab, 'textbox', /^phone$/i))
  await tab.type(GB)
  await tab.click(await find(tab, 'button', /^send$/i))
}

/** The widget's launcher, drawn: its look as the stylesheet in its shadow root makes it. */
const launcherLook = (tab: Tab) =>
  tab.run<{ sheets: number; styleElements: number; position: string; background: string; color: string; right: number; bottom: number }>(
    callOf(() => {
      const root = document.querySelector('ringback-widget')!.shadowRoot!
      const button = root.querySelector('button')!
      const style = getComputedStyle(button)
      const box = button.getBoundingClientRect()
      // Engines give a relative colour back as `lch(…)`: paint it to read it as RGB.
      const rgb = (colour: string) => {
        const context = document.createElement('canvas').getContext('2d')!
        context.fillStyle = colour
        context.fillRect(0, 0, 1, 1)
        return 'rgb(' + [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)].join(', ') + ')'
      }
      return {
        sheets: root.adoptedStyleSheets.length,
        styleElements: root.querySelectorAll('style').length,
        position: style.position,
        background: rgb(style.backgroundColor),
        color: rgb(style.color),
        right: Math.round(document.documentElement.clientWidth - box.right),
        bottom: Math.round(document.documentElement.clientHeight - box.bottom)
      }
    })
  )

/** Minutes past midnight of every clock time (`4:00 AM`, `16:00`) in a text. */
const clockTimes = (text: string) =>
  [...text.matchAll(/(\d{1,2}):(\d{2})\s*([AP]M)?/gi)].map(
    ([, h, m, half]) => ((Number(h) % 12) + (/p/i.test(half || '') ? 12 : half ? 0 : Number(h) >= 12 ? 12 : 0)) * 60 + Number(m)
  )
/** Minutes past midnight of an instant on the wall clock of `timeZone`. */
const wallMinutes = (at: string, timeZone: string) => {
  const [h, m] = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(at)).split(':').map(Number)
  return h! * 60 + m!
}

test.describe('the visitor in Firefox and WebKit', () => {
  test('the script tag loads with no error, and the launcher is drawn by its constructable stylesheet', async ({ tab, sites, engine }) => {
    await tab.goto(sites.demo + '/')
    await find(tab, 'button', LAUNCHER)
    // Styled from the first paint: accent, readable text (relative colours), its corner.
    expect(await launcherLook(tab)).toEqual({
      sheets: 1,
      styleElements: 0,
      position: 'fixed',
      background: 'rgb(10, 125, 90)',
      color: 'rgb(255, 255, 255)',
      right: 20,
      bottom: 20
    })
    await shot(tab, engine.name, 'launcher')
    // The tab's own check (fixtures.ts) finds no error or warning of the SDK in the page.
  })

  test("the page's record hears the SDK: a tag without data-site gives its one warning (which would fail any other journey)", async ({ tab, sites }) => {
    await tab.goto(sites.hostile + '/nosite.html')
    let heard: string[] = []
    await expect.poll(async () => ofSdk((heard = heard.concat(await tab.problems()))).some((problem) => problem.includes('[ringback]'))).toBe(true)
  })

  test('call me now, by pointer: the stored request carries the number in E.164, the visitor\'s zone and "asap"', async ({ tab, sites, rb, engine }) => {
    await rb.faults({ config: { body: openAllDay } })
    await tab.goto(sites.demo + '/')
    await tab.click(await find(tab, 'button', LAUNCHER))
    await find(tab, 'dialog', /request a callback/i)
    await tab.click(await find(tab, 'textbox', /phone number/i))
    await tab.type(GB)
    await tab.click(await find(tab, 'checkbox', /agree/i))
    await shot(tab, engine.name, 'panel')
    await tab.click(await find(tab, 'button', /^call me now$/i))
    await expect.poll(() => textOf(tab, 'status')).toContain(FULL)
    const stored = await deliveredOnce(tab, rb)
    expect(stored).toMatchObject({
      channel: 'widget',
      phone: GB_E164,
      schedule: { type: 'asap' },
      timeZone: VISITOR_ZONE,
      consent: { granted: true, text: SITE.privacy.consentText },
      page: { url: sites.demo + '/' }
    })
    expect(stored.device!.browser!.name).toMatch(engine.name === 'firefox' ? /firefox/i : /safari|webkit/i)
  })

  test('a scheduled call, by keyboard: Tab reaches the launcher, focus stays in the panel, Escape gives it back, the slot arrives in UTC', async ({
    tab,
    sites,
    rb,
    engine
  }) => {
    await rb.faults({ config: { body: closedTwoDays() } })
    await tab.goto(sites.demo + '/')
    await find(tab, 'button', LAUNCHER)
    await tabTo(tab, 'button', LAUNCHER, { most: 40 })
    await tab.press('Enter')
    await find(tab, 'dialog', /request a callback/i)
    // Focus went into the panel, to the first choice to make; Escape closes it and gives focus back.
    expect(await focused(tab)).toMatchObject({ role: 'radio', inDialog: true })
    await tab.press('Escape')
    await expect.poll(() => shows(tab, 'dialog', /request a callback/i)).toBe(false)
    expect(await focused(tab)).toMatchObject({ role: 'button', name: expect.stringMatching(LAUNCHER) })
    // Again, this time to the end, every stop inside the panel.
    await tab.press('Enter')
    await find(tab, 'dialog', /request a callback/i)
    const slot = await tabTo(tab, 'radio', /your time/i, { inDialog: true })
    await tab.press('Space')
    await tabTo(tab, 'textbox', /phone number/i, { inDialog: true })
    await tab.type(GB)
    await tabTo(tab, 'checkbox', /agree/i, { inDialog: true })
    await tab.press('Space')
    await shot(tab, engine.name, 'schedule')
    await tabTo(tab, 'button', /^call me at this time$/i, { inDialog: true })
    await tab.press('Enter')
    await expect.poll(() => textOf(tab, 'status')).toContain(FULL)
    const stored = await deliveredOnce(tab, rb)
    expect(stored).toMatchObject({ channel: 'widget', phone: GB_E164, timeZone: VISITOR_ZONE, schedule: { type: 'slot' } })
    // `at` is UTC, and it is the slot the visitor chose: "4:00 AM your time, 9:00 AM in London".
    const at = (stored.schedule as { at: string }).at
    expect(at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\.000Z$/)
    expect(clockTimes(slot.name)).toEqual([wallMinutes(at, VISITOR_ZONE), wallMinutes(at, 'Europe/London')])
    // The answer has the focus; Escape closes the panel and focus is back on the launcher.
    await tab.press('Escape')
    await expect.poll(() => focused(tab)).toMatchObject({ role: 'button', name: expect.stringMatching(LAUNCHER) })
  })

  test('a form that stays on its page is captured once', async ({ tab, sites, rb }) => {
    await tab.goto(sites.hostile + '/form.html')
    await submitContact(tab, 'Sam Taylor')
    // The page's own handler ran as before.
    await expect.poll(() => tab.run(`document.getElementById('done').textContent`)).toBe('Thanks, Sam Taylor')
    const stored = await deliveredOnce(tab, rb)
    expect(stored).toMatchObject({ channel: 'form', phone: GB_E164, contact: { name: 'Sam Taylor' }, timeZone: VISITOR_ZONE, form: { id: 'contact' } })
    expect(await rb.attempts()).toHaveLength(1)
  })

  test('a form that navigates away is captured once', async ({ tab, sites, rb }) => {
    await tab.goto(sites.demo + '/')
    await tab.click(await find(tab, 'textbox', /^your name$/i))
    await tab.type('Sam Taylor')
    await tab.click(await find(tab, 'textbox', /^email$/i))
    await tab.type('sam@example.com')
    await tab.click(await find(tab, 'textbox', /^phone$/i))
    await tab.type(GB)
    // What the first focus fetched is there, as a person's typing gives it time to be.
    await fetched(tab, FORMS_FILE, GB_META, DELIVERY_FILE)
    await tab.click(await find(tab, 'button', /^send$/i))
    await expect.poll(() => tab.url()).toBe(sites.demo + '/thanks.html')
    const stored = await deliveredOnce(tab, rb)
    expect(stored).toMatchObject({
      channel: 'form',
      phone: GB_E164,
      contact: { name: 'Sam Taylor', email: 'sam@example.com' },
      form: { action: sites.demo + '/contact' },
      page: { url: sites.demo + '/' }
    })
  })

  test('the receiver down, then up: delivered once, with the same id', async ({ tab, sites, rb }) => {
    await rb.faults({ callbacks: { count: 2, drop: true } })
    await tab.goto(sites.hostile + '/form.html')
    await submitContact(tab, 'Sam Taylor')
    const stored = await deliveredOnce(tab, rb)
    const attempts = await rb.attempts()
    expect(attempts).toHaveLength(3)
    expect(attempts.at(-1)!.status).toBe(201)
    expect(stored.phone).toBe(GB_E164)
  })

  test('a page with a strict CSP (no unsafe-inline, Trusted Types): the widget shows and works, no violation', async ({ tab, sites, rb }) => {
    await rb.faults({ config: { body: openAllDay } })
    await tab.goto(sites.hostile + '/csp.html')
    const launcher = await find(tab, 'button', LAUNCHER)
    expect(await launcherLook(tab)).toMatchObject({ sheets: 1, styleElements: 0, background: 'rgb(10, 125, 90)', color: 'rgb(255, 255, 255)' })
    await tab.click(launcher)
    await find(tab, 'dialog', /request a callback/i)
    // The panel is styled too, by sheets of its own (the panel's, then those of the view files as they
    // arrive: the scheduling choices at once, the confirmation after the first paint): a box over the page,
    // not unstyled text.
    const panel = await tab.run<{ position: string; width: number; sheets: number }>(
      callOf(() => {
        const root = document.querySelector('ringback-widget')!.shadowRoot!
        const dialog = root.querySelector('[role=dialog]')!
        return { position: getComputedStyle(dialog).position, width: Math.round(dialog.getBoundingClientRect().width), sheets: root.adoptedStyleSheets.length }
      })
    )
    expect(panel).toMatchObject({ position: 'fixed', width: 380 })
    expect(panel.sheets).toBeGreaterThanOrEqual(2)
    await tab.click(await find(tab, 'textbox', /phone number/i))
    await tab.type(GB)
    await tab.click(await find(tab, 'checkbox', /agree/i))
    await tab.click(await find(tab, 'button', /^call me now$/i))
    await expect.poll(() => textOf(tab, 'status')).toContain(FULL)
    expect((await deliveredOnce(tab, rb)).channel).toBe('widget')
    const problems = await tab.problems()
    expect(problems.filter((problem) => problem.startsWith('csp:'))).toEqual([])
    expect(ofSdk(problems)).toEqual([])
  })

  test('forget removes what the SDK kept: the visit, the consent and an unsent request', async ({ tab, sites, rb }) => {
    await rb.faults({ callbacks: { forMs: 120_000, drop: true } })
    await tab.goto(sites.hostile + '/form.html')
    await find(tab, 'button', LAUNCHER)
    await command(tab, 'consent', { storage: true })
    await submitContact(tab, 'Sam Taylor')
    await expect.poll(() => kept(tab)).toEqual(['ringback:consent', expect.stringMatching(/^ringback:o:/), 'ringback:visit'])
    await command(tab, 'forget')
    await expect.poll(() => kept(tab)).toEqual([])
    // The receiver is back and the page loads again: the forgotten request is
    // not sent. A new one is, alone, and nothing is kept once it is answered.
    await rb.faults({ callbacks: null })
    const attemptsWhileDown = (await rb.attempts()).length
    await tab.goto(sites.hostile + '/form.html')
    await submitContact(tab, 'Alex Morgan')
    expect((await deliveredOnce(tab, rb, attemptsWhileDown)).contact).toEqual({ name: 'Alex Morgan' })
    expect(await kept(tab)).toEqual([])
  })

  test("a page whose fetch never settles (a broken polyfill): the widget's request arrives once, over XHR", async ({ tab, sites, rb }) => {
    await rb.faults({ config: { body: openAllDay } })
    await tab.goto(sites.hostile + '/brokenfetch.html')
    await tab.click(await find(tab, 'button', LAUNCHER))
    await tab.click(await find(tab, 'textbox', /phone number/i))
    await tab.type(GB)
    await tab.click(await find(tab, 'checkbox', /agree/i))
    await tab.click(await find(tab, 'button', /^call me now$/i))
    // The visitor is answered, well within 20 s (the fallback starts after 5).
    await expect.poll(() => textOf(tab, 'status'), { timeout: 20_000 }).toContain(FULL)
    expect((await deliveredOnce(tab, rb)).phone).toBe(GB_E164)
    expect((await rb.attempts()).map((attempt) => attempt.contentType)).toEqual([expect.stringMatching(/^application\/json/)])
  })

  test('a page that breaks fetch, then XHR (neither ever settles): the request goes as a beacon', async ({ tab, sites, rb }) => {
    await tab.goto(sites.hostile + '/brokenfetch.html')
    await find(tab, 'button', LAUNCHER)
    // After the config came (over XHR), a script of the page breaks XHR too: it sends nothing, ever.
    await tab.run('void (XMLHttpRequest.prototype.send = () => undefined)')
    await submitContact(tab, 'Sam Taylor')
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ channel: 'form', phone: GB_E164 })
    expect((await rb.attempts())[0]).toMatchObject({ id: stored!.id, status: 201, contentType: expect.stringMatching(/^text\/plain/) })
  })

  test('a request waiting for a retry goes as a beacon when the visitor leaves the page', async ({ tab, sites, rb }) => {
    // The platform asks for a minute's patience; the visitor does not wait.
    await rb.faults({ callbacks: { count: 1, status: 503, retryAfter: 60 } })
    await tab.goto(sites.hostile + '/form.html')
    await submitContact(tab, 'Sam Taylor')
    await expect.poll(async () => (await rb.attempts()).map((attempt) => attempt.status)).toEqual([503])
    await tab.goto('about:blank')
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ channel: 'form', phone: GB_E164 })
    expect((await rb.attempts()).map((attempt) => [attempt.id, attempt.status, attempt.contentType.split(';')[0]])).toEqual([
      [stored!.id, 503, 'application/json'],
      [stored!.id, 201, 'text/plain']
    ])
  })
})
