import { devices, type Page } from '@playwright/test'
import { expect, openDemo, patchConfig, test } from './fixtures'
import { AT, LANGS, type LangCode, walkTo, ZONE } from './views/walkTo'

/**
 * Every view of the widget, pictured (`toHaveScreenshot`) in light and dark,
 * on a desktop and an iPhone 13, in English, German and Arabic, on a clock
 * that stands still: one page per combination walks through all the views.
 * The pictures are e2e/views.spec.ts-snapshots/<view>-<theme>-<device>-<lang>-linux.png;
 * after an intended change: `npx playwright test e2e/views.spec.ts --update-snapshots`.
 * A failing comparison leaves the actual picture and the diff in
 * test-results/ and in the html report (playwright-report/).
 */

// iPhone 13 as Playwright describes it (viewport, scale, touch, mobile, Safari's UA), in Chromium.
const { defaultBrowserType: _, ...iPhone13 } = devices['iPhone 13']
const DEVICES = {
  desktop: { viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1, isMobile: false, hasTouch: false },
  iphone13: iPhone13
}
/**
 * On the desktop the widget lives in the right-hand 560 px (the launcher and
 * the panel sit at the bottom right, 380 px wide): the rest of the page is
 * left out of the pictures (its gradient alone made 10 MB of them). On the
 * phone the whole screen is the view.
 */
const CLIPS = {
  desktop: { clip: { x: 1280 - 560, y: 0, width: 560, height: 720 } },
  iphone13: {}
}
const THEMES = ['light', 'dark'] as const

type Shift = { value: number; input: boolean; view: string; rects: string }

/**
 * Layout shifts from the page's first paint: how much, whether the
 * visitor's own input came just before (a shift then is theirs, and is not
 * counted), in which view, and which boxes moved where.
 */
async function recordShifts(page: Page) {
  await page.addInitScript(() => {
    const w = window as unknown as { shifts: Shift[]; view: string }
    w.shifts = []
    w.view = 'loading'
    const box = (r: DOMRectReadOnly) => [r.x, r.y, r.width, r.height].map(Math.round).join(',')
    new PerformanceObserver((list) =>
      list.getEntries().forEach((entry) => {
        const shift = entry as unknown as { value: number; hadRecentInput: boolean; sources?: { previousRect: DOMRectReadOnly; currentRect: DOMRectReadOnly }[] }
        const rects = (shift.sources || []).map((s) => box(s.previousRect) + ' -> ' + box(s.currentRect)).join('; ')
        w.shifts.push({ value: shift.value, input: shift.hadRecentInput, view: w.view, rects })
      })
    ).observe({ type: 'layout-shift', buffered: true })
  })
  return {
    /** Every shift so far, the visitor's included. */
    all: () => page.evaluate(() => (window as unknown as { shifts: Shift[] }).shifts),
    /** Marks the shifts that follow as the view's. */
    at: (view: string) => page.evaluate((view) => void ((window as unknown as { view: string }).view = view), view)
  }
}

for (const device of Object.keys(DEVICES) as (keyof typeof DEVICES)[]) {
  for (const theme of THEMES) {
    for (const code of Object.keys(LANGS) as LangCode[]) {
      const lang = LANGS[code]
      test.describe(`${device} ${theme} ${code}`, () => {
        test.use({
          ...DEVICES[device],
          colorScheme: theme,
          reducedMotion: 'reduce',
          locale: lang.browser,
          timezoneId: ZONE
        })

        test(`every view: ${device}, ${theme}, ${code}`, async ({ page, context, servers, rb }) => {
          const shifts = await recordShifts(page)
          await patchConfig(page, servers, (config) => {
            config.widget.locale = lang.config.locale
            if (lang.config.texts) config.widget.texts = lang.config.texts
            config.privacy.consentText = lang.config.consentText
          })
          // The receiver decides "calling now" or "scheduled" by its own clock: the same Tuesday morning.
          rb.clock(AT)
          await page.clock.install({ time: new Date(AT) })
          await page.clock.pauseAt(new Date(AT))
          await openDemo(page, servers)

          await walkTo({ page, context, rb, lang }, 'offline', async (view) => {
            await shifts.at('after ' + view)
            // Every control's name says what it does: no two buttons share one (the × and "Done"; "Try again" and "Call me now").
            const names = await page
              .getByRole('dialog')
              .getByRole('button')
              .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('aria-label') || b.textContent))
            expect(names.filter((name, i) => names.indexOf(name) !== i)).toEqual([])
            await expect(page).toHaveScreenshot(`${view}-${theme}-${device}-${code}.png`, {
              animations: 'disabled',
              caret: 'hide',
              // CSS pixels: the phone's pictures at 390×664, not 3× that (small files, same layout).
              scale: 'css',
              // Pixels compared all but exactly (Playwright's default, 0.2, lets a text colour move by
              // some 15 levels unseen: a contrast regression); the pictures come out the same every run.
              threshold: 0.02,
              ...CLIPS[device]
            })
          })
          await context.setOffline(false)

          // No view moved anything on its own (a shift just after a click or a key is the visitor's doing).
          expect((await shifts.all()).filter((shift) => !shift.input)).toEqual([])
          // The observer sees shifts (a check that could not fail would prove nothing): the page moves its own content.
          const seen = (await shifts.all()).length
          await page.evaluate(() => {
            const spacer = document.createElement('div')
            spacer.style.height = '80px'
            document.body.prepend(spacer)
          })
          await expect.poll(async () => (await shifts.all()).length).toBeGreaterThan(seen)
        })
      })
    }
  }
}
