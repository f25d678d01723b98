import type { Host } from '../core/host'
import { PREFIX, safeStorage } from '../core/safeStorage'
import type { SiteConfig } from '../schema'

type Triggers = NonNullable<SiteConfig['widget']['triggers']>

const KEY = PREFIX + 'auto'

/** Whether the visitor is typing in one of the page's own fields. */
const typingInPage = () => {
  const el = document.activeElement as HTMLElement | null
  return !!el && (/^(?:INPUT|TEXTAREA|SELECT)$/.test(el.tagName) || el.isContentEditable)
}

/**
 * Opens the widget by itself when the site config asks (all off by
 * default): after some seconds on the page, on exit intent (a mouse
 * leaving through the top of the window: desktops only), or after a share
 * of the page was scrolled. At most once per visit (the tab's session),
 * never while the visitor types into a page form (it waits until they
 * stop), never after they opened or closed it themselves. Returns the
 * function that removes its timers and listeners.
 */
export function startTriggers(host: Host, triggers: Triggers | undefined, open: () => void, touched: () => boolean): () => void {
  if (!triggers) return () => undefined
  const session = safeStorage('sessionStorage')
  const timers: ReturnType<typeof setTimeout>[] = []
  let done = false
  const off: (() => void)[] = []
  const stop = () => {
    done = true
    for (const timer of timers.splice(0)) clearTimeout(timer)
    for (const fn of off.splice(0)) fn()
  }
  const fire = () => {
    if (done || touched() || session.get(KEY)) return stop()
    // Typing in a page form: try again once they have moved on.
    if (typingInPage()) return void timers.push(setTimeout(host.guard(fire), 2000))
    session.set(KEY, '1')
    stop()
    open()
  }
  const listen = (target: EventTarget, type: string, fn: (event: Event) => void) => {
    const wrapped = host.guard(fn)
    target.addEventListener(type, wrapped, { passive: true })
    off.push(() => target.removeEventListener(type, wrapped))
  }
  if (session.get(KEY)) return stop
  if (triggers.afterSeconds) timers.push(setTimeout(host.guard(fire), triggers.afterSeconds * 1000))
  if (triggers.exitIntent && matchMedia('(pointer:fine)').matches) {
    listen(document, 'mouseout', (event) => {
      const e = event as MouseEvent
      if (!e.relatedTarget && e.clientY <= 0) fire()
    })
  }
  const percent = triggers.scrollPercent
  if (percent) {
    listen(window, 'scroll', () => {
      const root = document.documentElement
      const scrollable = root.scrollHeight - innerHeight
      if (scrollable > 0 && (scrollY / scrollable) * 100 >= percent) fire()
    })
  }
  return stop
}
