import type { BrowserContext, Page } from '@playwright/test'
import { EN, fill, type Texts } from '../../src/widget/texts'
import DE from '../../src/widget/i18n/de'
import { expect, type ReceiverControl } from '../fixtures'
import { AR } from './arabic'

/**
 * The widget's views in the order one visit walks through them. After the
 * panel's split (src/widget/panel.tsx into one file per view), adapt the
 * steps below: the spec only names views.
 */
export const VIEWS = ['launcher', 'instant', 'schedule', 'success-now', 'after-eta', 'success-scheduled', 'error', 'offline'] as const
export type View = (typeof VIEWS)[number]

export type LangCode = 'en' | 'de' | 'ar'

/** A language as a site in it is set up: the widget's locale, the strings the panel shows, the site's own consent sentence. */
export interface Lang {
  code: LangCode
  /** The browser's language (the context's `locale`): times follow it. */
  browser: string
  /** The strings the panel shows (built in, or the config's `widget.texts`). */
  texts: Texts
  /** What the site config says (the receiver's demo site is English). */
  config: { locale: string; texts?: Partial<Texts>; consentText: string }
}

export const LANGS: Record<LangCode, Lang> = {
  en: {
    code: 'en',
    browser: 'en-GB',
    texts: EN,
    config: { locale: 'en', consentText: 'I agree that Acme Plumbing may call me about my request.' }
  },
  de: {
    code: 'de',
    browser: 'de-DE',
    texts: { ...EN, ...DE },
    config: { locale: 'de', consentText: 'Ich bin einverstanden, dass Acme Plumbing mich wegen meiner Anfrage anruft.' }
  },
  // The SDK ships no Arabic strings: an Arabic site gives them in its config, as here.
  ar: {
    code: 'ar',
    browser: 'ar',
    texts: { ...EN, ...AR },
    config: { locale: 'ar', texts: AR, consentText: 'أوافق على أن تتصل بي شركة Acme Plumbing بخصوص طلبي.' }
  }
}

/** A Tuesday, 10:00 in London (the demo business is open): the page's and the receiver's clocks start here and stand still. */
export const AT = '2026-12-01T10:00:00Z'
/** The visitor's zone: not the business's (London), so slots show both times. */
export const ZONE = 'Europe/Berlin'

/** Real UK mobile numbers, one per request (the widget does not send one number twice within a minute). */
export const PHONES = { now: '07400 123456', scheduled: '07400 234567', failing: '07400 345678' }

/** What a walk needs: the page, its context (offline), the receiver and the language's strings. */
export interface Walk {
  page: Page
  context: BrowserContext
  rb: ReceiverControl
  lang: Lang
}

const dialog = (w: Walk) => w.page.getByRole('dialog')
const launcher = (w: Walk) => w.page.getByRole('button', { name: w.lang.texts.launcher })
const button = (w: Walk, name: string) => dialog(w).getByRole('button', { name, exact: true })

/**
 * Lets the page's clock (installed and paused at `AT`) move a little: the
 * panel shows its slots and country names a frame after it opens, and a
 * frame needs time to pass.
 */
async function frames(w: Walk) {
  await w.page.clock.runFor(200)
}

async function openPanel(w: Walk) {
  await launcher(w).click()
  await expect(dialog(w)).toBeVisible()
  await frames(w)
  // Settled: the country list has its names in the widget's language.
  const country = new Intl.DisplayNames([w.lang.code], { type: 'region' }).of('GB')!
  await expect(dialog(w).getByRole('combobox', { name: w.lang.texts.country })).toContainText(country)
}

/** Closes the panel as a keyboard user does. */
async function closePanel(w: Walk) {
  await w.page.keyboard.press('Escape')
  await expect(dialog(w)).toHaveCount(0)
}

async function fillForm(w: Walk, phone: string) {
  const t = w.lang.texts
  await dialog(w).getByRole('textbox', { name: t.phone }).fill(phone)
  await dialog(w).getByRole('checkbox', { name: w.lang.config.consentText }).check()
}

/**
 * Each step goes from the view before it (in `VIEWS`) to its own, and waits
 * until that view is complete on screen.
 */
export const steps: Record<View, (w: Walk) => Promise<void>> = {
  async launcher(w) {
    await expect(launcher(w)).toBeVisible()
  },
  async instant(w) {
    await openPanel(w)
    await expect(dialog(w).getByText(w.lang.texts.intro)).toBeVisible()
  },
  async schedule(w) {
    const t = w.lang.texts
    await button(w, t.later).click()
    await frames(w)
    await expect(dialog(w).getByRole('radiogroup', { name: t.time }).getByRole('radio').first()).toBeVisible()
    await expect(button(w, t.slot)).toBeVisible()
  },
  async 'success-now'(w) {
    const t = w.lang.texts
    await button(w, t.instead).click()
    await expect(dialog(w).getByText(t.intro)).toBeVisible()
    await fillForm(w, PHONES.now)
    await button(w, t.now).click()
    // The visitor's own number in full (events and dataLayer get it masked), under the outcome as the title.
    await expect(dialog(w).getByRole('heading', { name: t.callingNow })).toBeVisible()
    await expect(dialog(w).getByRole('status')).toHaveText(fill(t.calling, { phone: '+44 7400 123456' }))
    // The receiver's answer has etaSeconds 30; the clock stands, so the countdown shows all of it.
    await expect(dialog(w).getByText(fill(t.eta, { seconds: 30 }))).toBeVisible()
    const [stored] = await w.rb.waitForRequests(1)
    expect(stored).toMatchObject({ channel: 'widget', phone: '+447400123456', schedule: { type: 'asap' } })
  },
  async 'after-eta'(w) {
    // Second by second, as the visitor sees it count down (frames come between the ticks).
    for (let second = 0; second < 30; second++) await w.page.clock.runFor(1000)
    const t = w.lang.texts
    await expect(dialog(w).getByText(t.soon)).toBeVisible()
    // "Didn't get a call?" and the ways on.
    await expect(dialog(w).getByText(t.noCall)).toBeVisible()
    await expect(button(w, t.later)).toBeVisible()
    await expect(button(w, t.retry)).toBeVisible()
  },
  async 'success-scheduled'(w) {
    const t = w.lang.texts
    await closePanel(w)
    await openPanel(w)
    await button(w, t.later).click()
    await frames(w)
    const first = dialog(w).getByRole('radiogroup', { name: t.time }).getByRole('radio').first()
    await first.click()
    await expect(first).toHaveAttribute('aria-checked', 'true')
    await fillForm(w, PHONES.scheduled)
    await button(w, t.slot).click()
    await expect(dialog(w).getByRole('heading', { name: t.booked })).toBeVisible()
    await expect(dialog(w).getByRole('status')).toContainText('+44 7400 234567')
    await expect(button(w, t.calendar)).toBeVisible()
    const stored = await w.rb.waitForRequests(2)
    // The first slot: 10 minutes' lead after 10:00:30, rounded up to the quarter.
    expect(stored[1]).toMatchObject({ phone: '+447400234567', schedule: { type: 'slot', at: '2026-12-01T10:15:00.000Z' } })
  },
  async error(w) {
    const t = w.lang.texts
    await closePanel(w)
    await w.rb.faults({
      callbacks: { count: 1, status: 409, body: JSON.stringify({ error: { code: 'idempotency_conflict', message: 'This request clashes with an earlier one.' } }) }
    })
    await openPanel(w)
    await fillForm(w, PHONES.failing)
    await button(w, t.now).click()
    // The panel's own words in its language (the platform's English message is for developers, in the event).
    await expect(dialog(w).getByRole('alert')).toHaveText(t.failed)
    // One button, named for what it does now.
    await expect(button(w, t.retry)).toBeVisible()
    await expect(button(w, t.now)).toHaveCount(0)
  },
  async offline(w) {
    const t = w.lang.texts
    await w.context.setOffline(true)
    await button(w, t.retry).click()
    await expect(dialog(w).getByRole('status')).toHaveText(t.queued)
    await expect(dialog(w).getByRole('heading', { name: t.saved })).toBeVisible()
  }
}

/** Walks from a freshly loaded page through `VIEWS` up to `view`, calling `at` at each. */
export async function walkTo(w: Walk, view: View, at: (view: View) => Promise<void> = async () => {}): Promise<void> {
  for (const step of VIEWS) {
    await steps[step](w)
    await at(step)
    if (step === view) return
  }
}
