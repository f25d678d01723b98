import { pick } from '../core/fetchConfig'
import type { OpenMode } from '../core/events'
import type { Chunks, Feature, Host } from '../core/host'
import { adoptStyles } from './adoptStyles'

type Panel = ReturnType<Chunks['panel']['mountPanel']>

const CSS =
  ':host{all:initial}' +
  '.launcher{position:fixed;bottom:20px;right:20px;z-index:2147483000;display:flex;align-items:center;gap:8px;' +
  'height:56px;min-width:56px;padding:0 18px;border:0;border-radius:28px;cursor:pointer;' +
  'font:600 16px/1 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#fff;background:var(--rb-accent,#0a7d5a);' +
  'box-shadow:0 4px 14px rgba(0,0,0,.25)}' +
  '.launcher:focus-visible{outline:3px solid #1a5fb4;outline-offset:3px}'

/**
 * The callback widget on the page: a launcher button in its own shadow
 * root (open, so assistive technology and tests see it), shown once the
 * site config says the widget is on, and the lazy panel behind it, fetched
 * on the first sign of interest (hover, focus, touch) or when the page is
 * idle. Elements with `data-ringback-open` open it too.
 */
export function startWidget(host: Host): Feature {
  if (!host.options.widget) return {}
  let element: HTMLElement | undefined
  let root: ShadowRoot | undefined
  let panel: Promise<Panel> | undefined
  let enabled = false

  const loadPanel = () =>
    (panel ||= host.loader.chunk('panel').then((chunk) => chunk.mountPanel(host, root!)))

  const open = (mode?: OpenMode) => {
    if (!enabled || !root) return
    loadPanel().then((p) => p.open(mode || 'now'), host.report)
  }

  host.config.then(
    host.guard((raw) => {
      if (!raw || pick(raw, 'widget', 'enabled') === false) return
      enabled = true
      element = document.createElement('ringback-widget')
      root = element.attachShadow({ mode: 'open' })
      adoptStyles(root, CSS)
      const button = document.createElement('button')
      button.className = 'launcher'
      button.type = 'button'
      button.setAttribute('aria-haspopup', 'dialog')
      button.textContent = String(pick(raw, 'widget', 'label') || 'Call me back')
      const accent = pick(raw, 'widget', 'accent')
      if (typeof accent === 'string' && /^#[0-9a-f]{6}$/i.test(accent)) element.style.setProperty('--rb-accent', accent)
      root.appendChild(button)
      host.listen(button, 'click', () => open('now'))
      for (const type of ['pointerenter', 'focus', 'touchstart']) host.listen(button, type, () => void loadPanel().catch(host.report), { passive: true })
      document.body.appendChild(element)
    })
  )

  host.listen(document, 'click', (event) => {
    const target = event.target as Element | null
    const trigger = target && target.closest ? target.closest('[data-ringback-open]') : null
    if (!trigger || !enabled) return
    event.preventDefault()
    open(trigger.getAttribute('data-ringback-open') === 'schedule' ? 'schedule' : 'now')
  })

  return {
    open,
    close: () => panel && panel.then((p) => p.close(), host.report),
    destroy() {
      panel && panel.then((p) => p.destroy(), () => undefined)
      element && element.remove()
    }
  }
}
