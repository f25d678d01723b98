import { HEX_COLOUR } from '../contract/formats'
import { pick } from '../core/fetchConfig'
import type { OpenMode } from '../core/events'
import type { Feature, Host } from '../core/host'
import { onIdle } from '../core/onIdle'
import { adoptStyles } from '../ui/adoptStyles'
import { widgetLocale } from './widgetLocale'

/** The lazy file the widget loads, by the name it asks for. */
interface WidgetFiles {
  /** The widget panel (Preact, signals, views, English). */
  panel: typeof import('./panel')
}
type Panel = Awaited<ReturnType<WidgetFiles['panel']['mountPanel']>>

// The launcher as it first paints, complete: the reset at :host carries
// !important to beat a page's `* {… !important}`; sizes in px; offsets and
// accent arrive as custom properties. The text on the accent is black or
// white, whichever contrasts more: CIE L* 49.4 (relative luminance 0.179) is
// where the two tie, so the one chosen always reaches 4.58:1 (browsers
// without relative colours get it from the panel, computed in script by
// `readableOn`). Icons are clip paths (no markup, no URL a CSP could block):
// a handset, a speech bubble for `icon: 'chat'`, or none. The focus ring is
// white and black, visible on any page. Up to 480 px wide (where the panel
// is a bottom sheet) it is a 56 px round button, the handset alone (also
// for `icon: 'none'`): the label stays in the DOM at size 0, so it is still
// the button's name; wider, the pill with the label. While the panel is
// open (it sets `aria-expanded`) the launcher is hidden, and shown again at
// once when it closes, so that focus can return to it. It has no motion:
// none to reduce, and visibility moves nothing on the page. (A fade would
// cost some 50 of the first file's bytes: see docs/widget-launcher.md.)
const CSS =
  ':host{all:initial!important}' +
  '.l{position:fixed;z-index:2147483000;bottom:calc(var(--y) + env(safe-area-inset-bottom,0px));right:var(--x);display:flex;align-items:center;' +
  'height:56px;padding:0 16px;border:0;border-radius:28px;font:600 0 system-ui;color:lch(from var(--a) calc((49.4 - l) * 999) 0 0);background:var(--a);' +
  'box-shadow:0 4px 14px #0004;cursor:pointer}' +
  '.l:focus-visible{outline:0;box-shadow:0 0 0 3px #fff,0 0 0 6px #000}' +
  ".bottom-left{right:auto;left:var(--x)}.l:before{content:'';width:24px;height:24px;background:currentColor;" +
  "clip-path:path('M6 2l4 5-2 3q2 5 6 7l3-2 5 3-1 4Q12 22 7 17T3 4z')}.chat:before{clip-path:path('M3 4h18v13H8l-5 4z')}" +
  '@media (min-width:481px){.l{gap:8px;padding:0 20px;font-size:16px}.none:before{display:none}}[aria-expanded=true]{visibility:hidden}'

/** The launcher's label in each language the widget ships; the panel's own strings are lazy files. */
const LABELS = { en: 'Call me back', de: 'Rückruf anfordern', fr: 'Être rappelé', es: 'Le llamamos' }

/**
 * The callback widget on the page: a launcher button in its own open shadow
 * root (so assistive technology and tests see it), shown once the site
 * config says the widget is on, and the lazy panel behind it, preloaded
 * at idle once the visitor is active on the page and mounted on the first
 * hover, focus or touch of the launcher. Elements with
 * `data-ringback-open` open it too. If a single-page app replaces `<body>`,
 * the launcher goes back in. Kept small: it is part of the first file.
 */
export function startWidget(host: Host<WidgetFiles>): Feature {
  if (!host.options.widget) return {}
  // `undefined` until the config has said whether the widget shows, `null` if it does not.
  let element: HTMLElement | null | undefined
  let root: ShadowRoot
  let button: HTMLButtonElement
  let panel: Promise<Panel> | undefined
  let gone = false

  // The engine's first `Intl` call sets up ICU (tens of ms on a slow phone)
  // and the panel's first render makes one: it runs in a task of its own,
  // while the panel's files are on their way (or at idle, see below).
  let warmed = false
  const warmIntl = () => {
    if (warmed) return
    warmed = true
    Intl.DateTimeFormat().resolvedOptions()
  }
  const loadPanel = () => {
    if (!panel) {
      if (!warmed) {
        const warm = setTimeout(host.guard(warmIntl), 0)
        host.cleanup(() => clearTimeout(warm))
      }
      panel = host.loader.chunk('panel').then((chunk) => chunk.mountPanel(host, root, button))
    }
    return panel
  }
  const preload = () => void loadPanel().catch(host.report)
  // Every command runs once the config has set the widget up (`shown`), in
  // the order they came: those that come before it (the stub's queue,
  // `open()` right after `init()`) wait for it. If the widget turns out off
  // (`enabled: false`, no hours, no config) they do nothing, as they would
  // afterwards: no error, no warning.
  const later = (command: () => unknown) => void shown.then(host.guard(command))
  const open = (mode?: OpenMode | null) => later(() => element && !gone && loadPanel().then((p) => p.open(mode), host.report))

  const shown = host.config.then(
    host.guard((raw) => {
      element = null
      if (gone || !raw || pick(raw, 'widget', 'enabled') === false) return
      // Without business hours and a time zone the widget could only promise
      // calls it cannot place: it stays hidden (form capture goes on). The
      // panel checks the rest, and hides the launcher if they are unusable.
      const weekly = pick(raw, 'hours', 'weekly')
      if (typeof pick(raw, 'business', 'timeZone') !== 'string' || !weekly || typeof weekly !== 'object') {
        return host.report(new Error('The site config has no business hours or time zone; the widget stays hidden.'), 'config_invalid')
      }
      const widget = pick(raw, 'widget')
      const el = (element = document.createElement('ringback-widget'))
      root = el.attachShadow({ mode: 'open' })
      adoptStyles(root, CSS)
      button = document.createElement('button')
      // Classes named after the config's values: `bottom-left`, `chat`, `none`.
      button.className = 'l ' + pick(widget, 'position') + ' ' + pick(widget, 'icon')
      button.setAttribute('aria-haspopup', 'dialog')
      // The config's label, else its `texts.launcher`, else the widget's language's own.
      const locale = (button.lang = widgetLocale(host.options.locale, pick(widget, 'locale')))
      button.append((pick(widget, 'label') || pick(widget, 'texts', 'launcher') || pick(LABELS, locale.split('-')[0]!) || LABELS.en) as string)
      const accent = pick(widget, 'accent') as string
      const offset = pick(widget, 'offset')
      const style = el.style
      style.setProperty('--a', HEX_COLOUR.test(accent) ? accent : '#0a7d5a')
      for (const axis of ['x', 'y']) style.setProperty('--' + axis, Number(pick(offset, axis) ?? 20) + 'px')
      root.appendChild(button)
      host.listen(button, 'click', () => open())
      for (const type of ['pointerenter', 'focus', 'touchstart']) host.listen(button, type, preload, { passive: true })
      // The panel's files are fetched and compiled (not run) at the first
      // idle moment after the visitor first does anything on the page (moves,
      // scrolls, types, touches): a click on the launcher finds them ready,
      // and a page view nobody touches costs no request. A click that comes
      // first loads them itself. Engagement triggers (off unless configured)
      // live in the panel: a site that has them gets it mounted at idle.
      const triggers = pick(widget, 'triggers')
      if (triggers && Object.keys(triggers).length) host.cleanup(onIdle(preload))
      let woken = false
      for (const type of ['pointermove', 'scroll', 'keydown', 'touchstart']) {
        host.listen(
          window,
          type,
          () => {
            if (woken) return
            woken = true
            host.cleanup(
              onIdle(() => {
                host.loader.preload('panel')
                // Then, in an idle slice of its own, the `Intl` set-up.
                host.cleanup(onIdle(warmIntl))
              })
            )
          },
          { capture: true, passive: true, once: true }
        )
      }
      // A single-page app that replaces <body> (Turbo, Astro) takes the launcher with it: put it back.
      const watch = new MutationObserver(
        host.guard(() => {
          const body = document.body
          if (body && !el.isConnected) body.appendChild(el)
          if (body) watch.observe(body, { childList: true })
        })
      )
      watch.observe(document.documentElement, { childList: true })
      watch.observe(document.body, { childList: true })
      host.cleanup(() => watch.disconnect())
      document.body.appendChild(el)
    })
  )

  host.listen(document, 'click', (event) => {
    const trigger = (event.target as Element).closest?.('[data-ringback-open]')
    // Before the config a click waits for it, like a command; where the
    // widget is off a link stays a link (`tel:`, a contact page).
    if (!trigger || element === null) return
    event.preventDefault()
    // The panel reads any value but `schedule` as `now`.
    open(trigger.getAttribute('data-ringback-open') as OpenMode)
  })

  return {
    open,
    close: () => later(() => panel && panel.then((p) => p.close(), host.report)),
    destroy() {
      gone = true
      if (panel)
        panel.then(
          (p) => p.destroy(),
          () => undefined
        )
      element && element.remove()
    }
  }
}
