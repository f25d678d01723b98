// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { createEmitter } from '../../src/core/createEmitter'
import { createReporter } from '../../src/core/createReporter'
import { startWidget } from '../../src/widget/startWidget'

const CONFIG = {
  business: { name: 'Acme Plumbing', timeZone: 'Europe/London' },
  hours: { weekly: { mon: [['09:00', '17:30']] } },
  widget: { enabled: true, position: 'bottom-right', accent: '#0a7d5a' }
}

/**
 * The first file's host around the widget, with a config that arrives when
 * the test says and a panel that records what it is asked.
 */
function fakeHost(options: { locale?: string } = {}) {
  let arrive: (config: unknown) => void = () => undefined
  const config = new Promise<unknown>((resolve) => (arrive = resolve))
  const panel: string[] = []
  const errors: unknown[] = []
  const cleanups: (() => void)[] = []
  const emitter = createEmitter((e) => errors.push(e))
  const { guard, report } = createReporter((code) => errors.push(code))
  const host = {
    options: { site: 'demo', api: 'https://api.example', forms: false, widget: true, redact: [], ...options },
    config,
    emit: emitter.emit,
    on: emitter.on,
    off: emitter.off,
    report,
    guard,
    cleanup: (fn: () => void) => cleanups.push(fn),
    listen: (target: EventTarget, type: string, fn: (event: Event) => void) => {
      target.addEventListener(type, fn)
      cleanups.push(() => target.removeEventListener(type, fn))
    },
    loader: {
      preload: () => undefined,
      chunk: () =>
        Promise.resolve({
          mountPanel: async () => ({
            open: (mode?: string) => panel.push('open ' + (mode || 'now')),
            close: () => panel.push('close'),
            destroy: () => panel.push('destroy')
          })
        })
    }
  } as unknown as Parameters<typeof startWidget>[0]
  return { host, arrive, panel, errors, stop: () => cleanups.splice(0).forEach((fn) => fn()) }
}

/** The launcher button in the widget's shadow root. */
const launcher = () => document.querySelector('ringback-widget')?.shadowRoot?.querySelector('button')
/** Lets the config's and the panel's promises settle. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('startWidget', () => {
  let stop = () => {}
  afterEach(() => {
    stop()
    document.body.replaceChildren()
    document.documentElement.lang = ''
  })

  it("labels the launcher in the widget language: the page's, the config's, data-locale; the config's own words first", async () => {
    const cases: [string, { locale?: string }, Record<string, unknown>, string, string][] = [
      ['de', {}, {}, 'Rückruf anfordern', 'de'],
      ['de', {}, { locale: 'fr-CA' }, 'Être rappelé', 'fr-CA'],
      ['de', { locale: 'es' }, { locale: 'fr' }, 'Le llamamos', 'es'],
      ['ja', {}, {}, 'Call me back', 'ja'],
      ['de', {}, { texts: { launcher: 'Jetzt anrufen lassen' } }, 'Jetzt anrufen lassen', 'de'],
      ['de', {}, { label: 'Ring me', texts: { launcher: 'Jetzt anrufen lassen' } }, 'Ring me', 'de']
    ]
    for (const [lang, options, widget, label, locale] of cases) {
      document.documentElement.lang = lang
      const fake = fakeHost(options)
      stop = fake.stop
      startWidget(fake.host)
      fake.arrive({ ...CONFIG, widget: { ...CONFIG.widget, ...widget } })
      await settle()
      expect([launcher()?.textContent, launcher()?.lang]).toEqual([label, locale])
      stop()
      document.body.replaceChildren()
    }
  })

  it('runs the commands that came before the config once it has, in order', async () => {
    const fake = fakeHost()
    stop = fake.stop
    const widget = startWidget(fake.host)
    widget.open!()
    widget.close!()
    widget.open!('schedule')
    await settle()
    expect(fake.panel).toEqual([])
    fake.arrive(CONFIG)
    await settle()
    expect(fake.panel).toEqual(['open now', 'close', 'open schedule'])
    widget.close!()
    await settle()
    expect(fake.panel).toEqual(['open now', 'close', 'open schedule', 'close'])
  })

  it('a click on a data-ringback-open element before the config waits for it too', async () => {
    const fake = fakeHost()
    stop = fake.stop
    startWidget(fake.host)
    const link = document.createElement('a')
    link.href = '#'
    link.setAttribute('data-ringback-open', 'schedule')
    document.body.append(link)
    const click = new MouseEvent('click', { bubbles: true, cancelable: true })
    link.dispatchEvent(click)
    expect(click.defaultPrevented).toBe(true)
    fake.arrive(CONFIG)
    await settle()
    expect(fake.panel).toEqual(['open schedule'])
  })

  it('where the widget turns out off, the commands that waited do nothing, and say nothing', async () => {
    for (const config of [{ ...CONFIG, widget: { ...CONFIG.widget, enabled: false } }, undefined]) {
      const fake = fakeHost()
      stop = fake.stop
      const widget = startWidget(fake.host)
      widget.open!()
      widget.open!('schedule')
      widget.close!()
      fake.arrive(config)
      await settle()
      expect([launcher(), fake.panel, fake.errors]).toEqual([undefined, [], []])
      // A link stays a link (a `tel:` fallback, a contact page).
      const link = document.createElement('a')
      link.setAttribute('data-ringback-open', '')
      document.body.append(link)
      const click = new MouseEvent('click', { bubbles: true, cancelable: true })
      link.dispatchEvent(click)
      expect(click.defaultPrevented).toBe(false)
      stop()
    }
  })

  it('a command after destroy() does nothing', async () => {
    const fake = fakeHost()
    stop = fake.stop
    const widget = startWidget(fake.host)
    widget.open!()
    widget.destroy!()
    fake.arrive(CONFIG)
    await settle()
    expect([launcher(), fake.panel]).toEqual([undefined, []])
  })
})
