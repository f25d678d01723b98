import { readFileSync } from 'node:fs'
import { type Browser, devices, type Locator, type Page } from '@playwright/test'
import { expect, OPEN_IN_LONDON, openDemo, patchConfig, type Servers, test } from './fixtures'

// The panel's views (issue 12, points 1, 2, 3, 4, 8 and 9): real Chromium,
// the real receiver, the built files; outcomes are read from the stored
// requests, the boxes on screen, the page's scroll and the files it saves.

const { defaultBrowserType: _, ...IPHONE_13 } = devices['iPhone 13']
/** Sunday 29 November 2026, 20:00 in New York: London (the business) is closed until Monday 09:00 GMT, 04:00 there. */
const SUNDAY_EVENING = '2026-11-30T01:00:00Z'
const MONDAY_OPENING = '2026-11-30T09:00:00.000Z'

const launcher = (page: Page) => page.locator('ringback-widget [aria-haspopup=dialog]')
const dialog = (page: Page) => page.getByRole('dialog')
// By their groups' ids: the names follow the widget's language.
const times = (page: Page) => dialog(page).locator('[aria-labelledby=rb-times] [role=radio]')
const days = (page: Page) => dialog(page).locator('[aria-labelledby=rb-days] [role=radio]')

async function shot(page: Page, name: string) {
  await page.screenshot({ path: 'e2e/artifacts/panel-' + name + '.png' })
}

/** A context of its own (a phone, a zone, a language), closed by the caller. */
async function contextFor(browser: Browser, options: Parameters<Browser['newContext']>[0]) {
  const context = await browser.newContext(options)
  return { context, page: await context.newPage() }
}

/** Whether the element is on screen and not covered or scrolled away: what is at its centre is it. */
const seen = (locator: Locator) =>
  locator.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = (el.getRootNode() as ShadowRoot).elementFromPoint(r.x + r.width / 2, r.y + r.height / 2)
    return r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight && r.right <= innerWidth && !!hit && (hit === el || el.contains(hit))
  })

/** Every element of the dialog that scrolls (its content taller than its box, and allowed to scroll), by class. */
const scrollers = (page: Page) =>
  dialog(page).evaluate((root) =>
    [root, ...root.querySelectorAll('*')]
      .filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1)
      .map((el) => el.className || el.tagName)
  )

/** Layout boxes (offset*, which scrolling does not change) of the radios of a group. */
const layout = (radios: Locator) =>
  radios.evaluateAll((els) =>
    els.map((el) => [(el as HTMLElement).offsetLeft, (el as HTMLElement).offsetTop, (el as HTMLElement).offsetWidth, (el as HTMLElement).offsetHeight])
  )

test.describe('the scheduling view (1)', () => {
  for (const [name, options] of [
    ['desktop 1280x720', { viewport: { width: 1280, height: 720 } }],
    ['iPhone 13', IPHONE_13]
  ] as const) {
    test(`${name}: one scroll region, even buttons that do not move when chosen, and title, close, the chosen slot and submit in view at once`, async ({
      browser,
      servers,
      rb
    }) => {
      const { context, page } = await contextFor(browser, { ...options, timezoneId: 'Europe/London', locale: 'en-GB' })
      rb.clock(OPEN_IN_LONDON)
      await page.clock.install({ time: new Date(OPEN_IN_LONDON) })
      await openDemo(page, servers)
      await launcher(page).click()
      await dialog(page).getByRole('button', { name: 'Pick a time instead' }).click()
      await expect(times(page).first()).toBeVisible()
      // Every day the same width, every time the same width and height.
      expect(new Set((await layout(days(page))).map((box) => box[2])).size).toBe(1)
      expect(new Set((await layout(times(page))).map((box) => box[2] + 'x' + box[3])).size).toBe(1)
      expect(await times(page).count()).toBeGreaterThan(8)
      const before = await layout(times(page))
      const chosen = times(page).nth(9)
      await chosen.click()
      await expect(chosen).toHaveAttribute('aria-checked', 'true')
      expect(await layout(times(page))).toEqual(before)
      // Only the body scrolls; the page has not moved.
      expect(await scrollers(page)).toEqual(['body'])
      expect(await page.evaluate(() => scrollY)).toBe(0)
      const title = dialog(page).getByRole('heading', { name: 'Request a callback' })
      const close = dialog(page).getByRole('button', { name: 'Close' })
      const submit = dialog(page).getByRole('button', { name: 'Call me at this time' })
      for (const part of [title, close, chosen, submit]) expect(await seen(part), (await part.textContent()) || '').toBe(true)
      await shot(page, 'schedule-' + name.split(' ')[0])
      // Filling the number scrolls the body, not the page: the footer still says which time, beside the button.
      await dialog(page)
        .getByLabel(/phone number/i)
        .fill('07400 123456')
      await dialog(page).getByRole('checkbox').check()
      const at = Number(await chosen.getAttribute('data-key'))
      const summary = dialog(page).locator('.sum')
      await expect(summary).toContainText(new Intl.DateTimeFormat('en-GB', { hour: 'numeric', minute: '2-digit', timeZone: 'Europe/London' }).format(at))
      for (const part of [title, close, summary, submit]) expect(await seen(part)).toBe(true)
      expect(await page.evaluate(() => scrollY)).toBe(0)
      await submit.click()
      const [stored] = await rb.waitForRequests(1)
      expect(stored!.schedule).toEqual({ type: 'slot', at: new Date(at).toISOString() })
      await context.close()
    })
  }

  test('the day strip scrolls sideways with its arrows, and the arrow keys move through the days', async ({ page, servers }) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.clock.install({ time: new Date(OPEN_IN_LONDON) })
    await openDemo(page, servers)
    await page.evaluate(() => (window as any).ringback('open', 'schedule'))
    const strip = dialog(page).getByRole('radiogroup', { name: 'Day' })
    await expect(days(page).first()).toBeVisible()
    expect(await strip.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true)
    await dialog(page).locator('.arr.next').click()
    await expect.poll(() => strip.evaluate((el) => el.scrollLeft)).toBeGreaterThan(0)
    await days(page).first().focus()
    await page.keyboard.press('End')
    await expect(days(page).last()).toHaveAttribute('aria-checked', 'true')
    expect(await seen(days(page).last())).toBe(true)
  })
})

test.describe('the confirmation (2)', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-US' })

  test('"You’re booked" with a tick, a sentence with both times, the full number (events masked), Add to calendar, and Change it', async ({ page, servers, rb }) => {
    rb.clock(SUNDAY_EVENING)
    await page.clock.install({ time: new Date(SUNDAY_EVENING) })
    await openDemo(page, servers)
    await page.evaluate(() => ((window as any).dataLayer = []))
    await launcher(page).click()
    await times(page).first().click()
    await dialog(page)
      .getByLabel(/phone number/i)
      .fill('07400 123456')
    await dialog(page).getByRole('checkbox').check()
    await dialog(page).getByRole('button', { name: 'Call me at this time' }).click()
    const [stored] = await rb.waitForRequests(1)
    expect(stored!.schedule).toEqual({ type: 'slot', at: MONDAY_OPENING })
    await expect(dialog(page).getByRole('heading')).toHaveText('You’re booked')
    await expect(dialog(page)).toHaveAccessibleName('You’re booked')
    await expect(dialog(page).locator('h2 .tick')).toBeVisible()
    await expect(dialog(page).getByRole('status')).toHaveText('We will call you on +44 7400 123456 on Monday, November 30 at 4:00 AM (9:00 AM in London).')
    // What dataLayer (analytics) gets stays masked.
    const layer = await page.evaluate(() => JSON.stringify((window as any).dataLayer))
    expect(layer).toContain('+44740•••3456')
    expect(layer).not.toMatch(/7400 ?123456/)
    await shot(page, 'booked')

    // The calendar file is made in the page: no request, a blob download.
    const requests: string[] = []
    page.on('request', (request) => requests.push(request.url()))
    const download = page.waitForEvent('download')
    await dialog(page).getByRole('button', { name: 'Add to calendar' }).click()
    const file = await download
    expect(file.url()).toMatch(/^blob:/)
    expect(file.suggestedFilename()).toBe('call.ics')
    const ics = readFileSync((await file.path())!, 'utf8')
    expect(ics.split('\r\n')).toEqual(
      expect.arrayContaining(['BEGIN:VEVENT', 'UID:' + stored!.id, 'DTSTART:20261130T090000Z', 'DTEND:20261130T091500Z', 'SUMMARY:Call from Acme Plumbing'])
    )
    // (The SDK's own lazy files may still arrive at idle: scripts are not the calendar.)
    expect(requests.filter((url) => !url.startsWith('blob:') && !url.endsWith('.js'))).toEqual([])

    // Wrong number? The form again, the number in focus; a new request goes to the new one.
    await dialog(page).getByRole('button', { name: 'Change it' }).click()
    const input = dialog(page).getByLabel(/phone number/i)
    await expect(input).toBeFocused()
    await expect(dialog(page).getByRole('heading')).toHaveText('Request a callback')
    await input.fill('+353 85 123 4567')
    await dialog(page).getByRole('button', { name: 'Call me at this time' }).click()
    const both = await rb.waitForRequests(2)
    expect(both.map((r) => r.phone).sort()).toEqual(['+353851234567', '+447400123456'])
    await expect(dialog(page).getByRole('status')).toContainText('+353 85 123 4567')
  })

  test('the sentence is grammatical in German, French and Spanish, and the title says the outcome', async ({ page, servers, rb }) => {
    let locale = 'de'
    await patchConfig(page, servers, (config) => {
      config.widget.locale = locale
    })
    rb.clock(SUNDAY_EVENING)
    await page.clock.install({ time: new Date(SUNDAY_EVENING) })
    const cases: [string, string, RegExp][] = [
      ['de', 'Termin gebucht', /^Wir rufen Sie am Montag, 30\. November um 0?4:00 \(0?9:00 in London\) unter \+44 7400 123456 an\.$/],
      ['fr', 'C’est réservé', /^Nous vous appellerons au \+44 7400 123456 le lundi 30 novembre à 0?4:00 \(0?9:00 à London\)\.$/],
      ['es', 'Cita reservada', /^Le llamaremos al \+44 7400 123456 el lunes, 30 de noviembre a las 0?4:00 \(0?9:00 en London\)\.$/]
    ]
    let count = 0
    for (const [language, title, sentence] of cases) {
      locale = language
      await openDemo(page, servers)
      await launcher(page).click()
      await times(page).first().click()
      await dialog(page).getByRole('textbox').fill('07400 123456')
      await dialog(page).getByRole('checkbox').check()
      await dialog(page).locator('.foot .btn').click()
      await rb.waitForRequests(++count)
      await expect(dialog(page).getByRole('heading')).toHaveText(title)
      await expect(dialog(page).getByRole('status')).toHaveText(sentence)
      if (language === 'de') await shot(page, 'booked-de')
    }
  })
})

test.describe('after the ETA (3)', () => {
  /** Answers every request as the platform does while open: calling, with this ETA. */
  async function callingWithin(page: Page, servers: Servers, etaSeconds: number) {
    await page.route(servers.api + '/v1/callbacks', async (route) => {
      const response = await route.fetch()
      const body = await response.json()
      await route.fulfill({ response, json: { id: body.id, status: 'calling', etaSeconds } })
    })
  }
  async function callNow(page: Page) {
    await dialog(page)
      .getByLabel(/phone number/i)
      .fill('07400 123456')
    await dialog(page).getByRole('checkbox').check()
    await page.clock.pauseAt(new Date(OPEN_IN_LONDON))
    await dialog(page).getByRole('button', { name: 'Call me now' }).click()
    await expect(dialog(page).getByRole('heading')).toHaveText('We’re calling you now')
  }

  test('"Didn’t get a call?" once the ETA has passed; Pick a time instead opens the scheduling view, the number kept', async ({ page, servers, rb }) => {
    await callingWithin(page, servers, 5)
    await page.clock.install({ time: new Date(Date.parse(OPEN_IN_LONDON) - 10 * 60000) })
    await openDemo(page, servers)
    await launcher(page).click()
    await callNow(page)
    await expect(dialog(page).getByText('Didn’t get a call?')).toHaveCount(0)
    await page.clock.runFor(5000)
    await expect(dialog(page).getByText('Didn’t get a call?')).toBeVisible()
    await expect(dialog(page).getByText('Your phone should ring any moment now.')).toBeVisible()
    await shot(page, 'after-eta')
    await dialog(page).getByRole('button', { name: 'Pick a time instead' }).click()
    await expect(times(page).first()).toBeVisible()
    await expect(dialog(page).getByLabel(/phone number/i)).toHaveValue('07400 123456')
    await rb.waitForRequests(1)
  })

  test('Try again sends a new request, within the same-number rule: refused inside its minute, sent after it', async ({ page, servers, rb }) => {
    await callingWithin(page, servers, 5)
    await page.clock.install({ time: new Date(Date.parse(OPEN_IN_LONDON) - 10 * 60000) })
    await openDemo(page, servers)
    await launcher(page).click()
    await callNow(page)
    const [first] = await rb.waitForRequests(1)
    await page.clock.runFor(5000)
    await dialog(page).getByRole('button', { name: 'Try again' }).click()
    await expect(dialog(page).getByRole('alert')).toHaveText(/already have your request for this number/)
    await page.waitForTimeout(300)
    expect(await rb.requests()).toHaveLength(1)
    // A minute after the first: "Call me now" again, and this time it goes.
    await page.clock.runFor(56000)
    await dialog(page).getByRole('button', { name: 'Call me now' }).click()
    await expect(dialog(page).getByRole('heading')).toHaveText('We’re calling you now')
    await page.clock.runFor(5000)
    const stored = await rb.waitForRequests(2)
    expect(stored.map((r) => r.phone)).toEqual(['+447400123456', '+447400123456'])
    expect(stored[1]!.id).not.toBe(first!.id)
    expect(stored[1]!.schedule).toEqual({ type: 'asap' })
    // The ETA of the second has passed too: Try again, a minute after it, sends a third.
    await page.clock.runFor(56000)
    await dialog(page).getByRole('button', { name: 'Try again' }).click()
    await rb.waitForRequests(3)
  })
})

test.describe('the phone sheet (4)', () => {
  test('a backdrop dims the page and closes on tap; the page does not scroll behind; its scroll and styles are exactly as before; the dialog takes focus', async ({
    browser,
    servers
  }) => {
    const { context, page } = await contextFor(browser, IPHONE_13)
    await page.clock.install({ time: new Date(OPEN_IN_LONDON) })
    await openDemo(page, servers)
    // A page with styles of its own on <body> and smooth scrolling.
    await page.evaluate(() => {
      document.body.style.minHeight = '4000px'
      document.documentElement.style.scrollBehavior = 'smooth'
    })
    await page.evaluate(() => window.scrollTo({ top: 1234, behavior: 'instant' }))
    expect(await page.evaluate(() => scrollY)).toBe(1234)
    const styles = () => page.evaluate(() => [document.body.getAttribute('style'), document.documentElement.getAttribute('style')])
    const before = await styles()
    const heading = page.locator('h1').first()
    const headingBox = await heading.boundingBox()
    await launcher(page).tap()
    await expect(dialog(page)).toBeVisible()
    // The dialog has focus, not the field (whose keyboard would cover the sheet).
    expect(await page.evaluate(() => document.querySelector('ringback-widget')!.shadowRoot!.activeElement?.getAttribute('role'))).toBe('dialog')
    const backdrop = page.locator('ringback-widget .bd')
    await expect(backdrop).toBeVisible()
    expect(await backdrop.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgba(0, 0, 0, 0.533)')
    // The page stays where it was on screen, and a swipe on the backdrop does not scroll it.
    expect(await heading.boundingBox()).toEqual(headingBox)
    await page.mouse.wheel(0, 600)
    await page.waitForTimeout(200)
    expect(await heading.boundingBox()).toEqual(headingBox)
    await shot(page, 'sheet')
    // A tap on the dimmed page closes the sheet.
    await page.touchscreen.tap(195, 40)
    await expect(dialog(page)).toHaveCount(0)
    expect(await page.evaluate(() => scrollY)).toBe(1234)
    expect(await styles()).toEqual(before)
    // A tap on the field brings its keyboard: it takes focus then.
    await launcher(page).tap()
    await dialog(page)
      .getByLabel(/phone number/i)
      .tap()
    await expect(dialog(page).getByLabel(/phone number/i)).toBeFocused()
    await context.close()
  })

  test('on a desktop there is no backdrop and the page keeps its scrolling', async ({ page, servers }) => {
    await page.setViewportSize({ width: 1280, height: 720 })
    await page.clock.install({ time: new Date(OPEN_IN_LONDON) })
    await openDemo(page, servers)
    await launcher(page).click()
    await expect(dialog(page)).toBeVisible()
    await expect(page.locator('ringback-widget .bd')).toBeHidden()
    expect(await page.evaluate(() => document.body.getAttribute('style'))).toBeNull()
    await expect(dialog(page).getByLabel(/phone number/i)).toBeFocused()
  })
})

test.describe('times that are odd for the visitor (8)', () => {
  test.use({ timezoneId: 'America/New_York', locale: 'en-US' })

  test('a slot before 08:00 says "early morning for you", in English, German, French and Spanish', async ({ page, servers, rb }) => {
    let locale = 'en'
    await patchConfig(page, servers, (config) => {
      config.widget.locale = locale
    })
    rb.clock(SUNDAY_EVENING)
    await page.clock.install({ time: new Date(SUNDAY_EVENING) })
    for (const [language, early] of [
      ['en', 'early morning for you'],
      ['de', 'frühmorgens für Sie'],
      ['fr', 'tôt le matin pour vous'],
      ['es', 'temprano por la mañana para usted']
    ]) {
      locale = language!
      await openDemo(page, servers)
      await launcher(page).click()
      // Monday 04:00 here (09:00 in London) is early; 08:00 (13:00 in London) is not.
      await expect(times(page).first()).toContainText(early!)
      await expect(times(page).first()).toHaveAccessibleName(new RegExp(early! + '$'))
      const eight = times(page)
        .filter({ hasText: /^0?8:00/ })
        .first()
      await expect(eight).not.toContainText(early!)
      if (language === 'en') await shot(page, 'early')
    }
  })

  test('a slot after 21:00 says "late evening for you"', async ({ browser, servers, rb }) => {
    const { context, page } = await contextFor(browser, { timezoneId: 'Asia/Tokyo', locale: 'en-GB' })
    rb.clock(SUNDAY_EVENING)
    await page.clock.install({ time: new Date(SUNDAY_EVENING) })
    await openDemo(page, servers)
    await launcher(page).click()
    // Monday 09:00 in London is 18:00 in Tokyo: 21:15 there is late, 21:00 is not.
    await expect(times(page).filter({ hasText: /^21:15/ })).toContainText('late evening for you')
    await expect(times(page).filter({ hasText: /^21:00/ })).not.toContainText('late evening for you')
    await context.close()
  })
})

test.describe('motion and layout (9)', () => {
  test('the panel and the backdrop come in under 200 ms, and not at all under reduced motion', async ({ browser, servers }) => {
    for (const reducedMotion of ['no-preference', 'reduce'] as const) {
      const { context, page } = await contextFor(browser, { ...IPHONE_13, reducedMotion })
      await page.clock.install({ time: new Date(OPEN_IN_LONDON) })
      await openDemo(page, servers)
      await launcher(page).tap()
      await expect(dialog(page)).toBeVisible()
      const motion = await page.evaluate(() =>
        ['.p', '.bd'].map((selector) => {
          const style = getComputedStyle(document.querySelector('ringback-widget')!.shadowRoot!.querySelector(selector)!)
          return { name: style.animationName, seconds: parseFloat(style.animationDuration) * (/ms/.test(style.animationDuration) ? 0.001 : 1) }
        })
      )
      for (const { name, seconds } of motion) {
        if (reducedMotion === 'reduce') {
          expect(name).toBe('none')
        } else {
          expect(seconds).toBeGreaterThan(0)
          expect(seconds).toBeLessThan(0.2)
        }
      }
      await context.close()
    }
  })

  test('no layout shift in any view: instant, schedule, calling, after the ETA, error, booked, offline; the panel keeps one box', async ({ page, servers, context }) => {
    // Real frames (no page clock): a business open around the clock, and answers made here.
    await patchConfig(page, servers, (config) => {
      for (const day of ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']) config.hours.weekly[day] = [['00:00', '23:59']]
      config.hours.closed = []
    })
    const answers: ((id: string, body: any) => { status: number; json: unknown })[] = [
      (id) => ({ status: 201, json: { id, status: 'calling', etaSeconds: 1 } }),
      () => ({ status: 409, json: { error: { code: 'idempotency_conflict', message: 'This request clashes with an earlier one.' } } }),
      (id, body) => ({ status: 201, json: { id, status: 'scheduled', scheduledFor: body.schedule.at } })
    ]
    await page.route(servers.api + '/v1/callbacks', async (route) => {
      const body = route.request().postDataJSON()
      const answer = (answers.shift() || answers[0] || ((id: string) => ({ status: 201, json: { id, status: 'calling', etaSeconds: 1 } })))(body.id, body)
      await route.fulfill({ status: answer.status, json: answer.json })
    })
    await page.addInitScript(() => {
      const w = window as unknown as { shifts: { value: number; input: boolean }[] }
      w.shifts = []
      new PerformanceObserver((list) => list.getEntries().forEach((e) => w.shifts.push({ value: (e as any).value, input: (e as any).hadRecentInput }))).observe({
        type: 'layout-shift',
        buffered: true
      })
    })
    // Chromium reports no shift inside an element whose transform animates (the panel's entrance).
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await openDemo(page, servers)
    const boxes: unknown[] = []
    const box = async () => boxes.push(await dialog(page).boundingBox())
    await launcher(page).click()
    await expect(dialog(page).getByRole('combobox', { name: 'Country' })).toContainText('United Kingdom')
    await box()
    await dialog(page).getByRole('button', { name: 'Pick a time instead' }).click()
    await times(page).first().click()
    await box()
    await dialog(page).getByRole('button', { name: 'Call me now instead' }).click()
    await dialog(page)
      .getByLabel(/phone number/i)
      .fill('07400 123456')
    await dialog(page).getByRole('checkbox').check()
    await dialog(page).getByRole('button', { name: 'Call me now' }).click()
    await expect(dialog(page).getByRole('heading')).toHaveText('We’re calling you now')
    await box()
    // The ETA passes (a second, on the real clock): a change no input caused.
    await expect(dialog(page).getByText('Didn’t get a call?')).toBeVisible()
    await box()
    await dialog(page).getByRole('button', { name: 'Pick a time instead' }).click()
    await times(page).nth(1).click()
    // Another number: the same one within the minute would not be sent.
    await dialog(page)
      .getByLabel(/phone number/i)
      .fill('+353 85 123 4567')
    await dialog(page).getByRole('button', { name: 'Call me at this time' }).click()
    // The panel's own words (the platform's English message goes to the event only).
    await expect(dialog(page).getByRole('alert')).toHaveText('Something went wrong. Please try again.')
    await box()
    await dialog(page).getByRole('button', { name: 'Try again' }).click()
    await expect(dialog(page).getByRole('heading')).toHaveText('You’re booked')
    await box()
    await dialog(page).getByRole('button', { name: 'Change it' }).click()
    await page.waitForLoadState('networkidle')
    await context.setOffline(true)
    await dialog(page).getByRole('combobox', { name: 'Country' }).selectOption('GB')
    await dialog(page)
      .getByLabel(/phone number/i)
      .fill('07400 654321')
    await dialog(page).getByRole('button', { name: 'Call me at this time' }).click()
    await expect(dialog(page).getByRole('heading')).toHaveText('Request saved')
    await box()
    await context.setOffline(false)
    await expect(dialog(page).getByRole('heading')).toHaveText(/You’re booked|We’re calling you now/)
    await box()
    expect(boxes).toHaveLength(8)
    expect(new Set(boxes.map((b) => JSON.stringify(b))).size).toBe(1)
    const shifts = await page.evaluate(() => (window as unknown as { shifts: { value: number; input: boolean }[] }).shifts)
    expect(shifts.filter((shift) => !shift.input)).toEqual([])
  })
})
