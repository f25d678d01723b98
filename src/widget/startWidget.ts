import { pick } from '../core/fetchConfig'
import type { OpenMode } from '../core/events'
import type { Chunks, Feature, Host } from '../core/host'
import { onIdle } from '../core/onIdle'
import { adoptStyles } from './adoptStyles'

type Panel = Awaited<ReturnType<Chunks['panel']['mountPanel']>>

// What the launcher needs at first paint, no more (this is the first file):
// the reset at :host carries !important to beat a page's `* {… !important}`;
// sizes in px; offsets and accent arrive as custom properties. The text on
// the accent is black or white, whichever contrasts more: CIE L* 49.4
// (relative luminance 0.179) is where the two tie, so the one chosen always
// reaches 4.58:1; browsers without relative colours get white. The icon's
// place is kept here; its shape, the shadow and the focus ring come with
// the panel's styles (`launcherCss.ts`), on idle or first interest.
const CSS =
  ':host{all:initial!important}' +
  '.l{position:fixed;z-index:2147483000;bottom:calc(var(--y) + env(safe-area-inset-bottom,0px));right:var(--x);display:flex;align-items:center;gap:8px;' +
  'height:56px;padding:0 20px;border:0;border-radius:28px;font:600 16px system-ui,sans-serif;color:#fff;color:lch(from var(--a) calc((49.4 - l) * 999) 0 0);background:var(--a)}' +
  ".L{right:auto;left:var(--x)}.l:before{content:'';width:24px;height:24px}.n:before{display:none}"

/**
 * The callback widget on the page: a launcher button in its own open shadow
 * root (so assistive technology and tests see it), shown once the site
 * config says the widget is on, and the lazy panel behind it, fetched when
 * the page is idle or on the first hover, focus or touch. Elements with
 * `data-ringback-open` open it too. Kept small: it is part of the first file.
 */
export function startWidget(host: Host): Feature {
  if (!host.options.widget) return {}
  let element: HTMLElement | undefined
  let root: ShadowRoot
  let button: HTMLButtonElement
  let panel: Promise<Panel> | undefined
  let gone = false

  const loadPanel = () => (panel ||= host.loader.chunk('panel').then((chunk) => chunk.mountPanel(host, root, button)))
  const preload = () => void loadPanel().catch(host.report)
  const open = (mode?: OpenMode) => element && !gone && loadPanel().then((p) => p.open(mode || 'now'), host.report)

  host.config.then(
    host.guard((raw) => {
      if (gone || !raw || pick(raw, 'widget', 'enabled') === false) return
      const widget = pick(raw, 'widget')
      const el = (element = document.createElement('ringback-widget'))
      root = el.attachShadow({ mode: 'open' })
      adoptStyles(root, CSS)
      button = document.createElement('button')
      button.className = 'l ' + (pick(widget, 'position') === 'bottom-left' ? 'L ' : '') + String(pick(widget, 'icon') || ' ')[0]
      button.setAttribute('aria-haspopup', 'dialog')
      button.append(String(pick(widget, 'label') || pick(widget, 'texts', 'launcher') || 'Call me back'))
      const accent = pick(widget, 'accent') as string
      const offset = pick(widget, 'offset')
      el.style.setProperty('--a', /^#[\da-f]{6}$/i.test(accent) ? accent : '#0a7d5a')
      el.style.setProperty('--x', Number(pick(offset, 'x') ?? 20) + 'px')
      el.style.setProperty('--y', Number(pick(offset, 'y') ?? 20) + 'px')
      root.appendChild(button)
      host.listen(button, 'click', () => open())
      for (const type of ['pointerenter', 'focus', 'touchstart']) host.listen(button, type, preload, { passive: true })
      host.cleanup(onIdle(preload))
      document.body.appendChild(el)
    })
  )

  host.listen(document, 'click', (event) => {
    const target = event.target as Element | null
    const trigger = target && target.closest ? target.closest('[data-ringback-open]') : null
    if (!trigger || !element) return
    event.preventDefault()
    open(trigger.getAttribute('data-ringback-open') === 'schedule' ? 'schedule' : 'now')
  })

  return {
    open,
    close: () => panel && panel.then((p) => p.close(), host.report),
    destroy() {
      gone = true
      panel && panel.then((p) => p.destroy(), () => undefined)
      element && element.remove()
    }
  }
}
