import type { RingbackEvents } from '../core/events'
import type { Host } from '../core/host'
import { adoptStyles } from '../ui/adoptStyles'
import { describeAnswer } from './describeAnswer'

const CSS = `:host{all:initial;position:fixed;z-index:2147483646;left:50%;bottom:24px;transform:translateX(-50%);font:15px/1.4 system-ui,sans-serif}
.toast{display:flex;gap:12px;align-items:flex-start;max-width:min(420px,calc(100vw - 32px));box-sizing:border-box;padding:14px 16px;border-radius:10px;background:#1f2933;color:#fff;box-shadow:0 6px 24px rgba(0,0,0,.25)}
p{margin:0;flex:1}
button{all:unset;cursor:pointer;width:24px;height:24px;text-align:center;line-height:24px;border-radius:6px;font-size:20px}
button:focus-visible{outline:2px solid #fff;outline-offset:2px}
@media (prefers-reduced-motion:no-preference){.toast{animation:in .2s ease-out}@keyframes in{from{opacity:0;transform:translateY(8px)}}}`

/** How long the toast stays when the visitor does nothing with it. */
const STAY_MS = 12_000

/**
 * The platform's answer to a form lead in a small toast (config
 * `forms.confirm`), from the SDK's own shadow root: announced politely by
 * screen readers (`role=status`), dismissed with its button or Escape, and
 * kept while the pointer or focus is on it.
 */
export function showToast(host: Host, answer: RingbackEvents['success'], business: string): void {
  const element = document.createElement('ringback-toast')
  const root = element.attachShadow({ mode: 'open' })
  adoptStyles(root, CSS)
  const box = document.createElement('div')
  box.className = 'toast'
  const text = document.createElement('p')
  text.setAttribute('role', 'status')
  const close = document.createElement('button')
  close.type = 'button'
  close.setAttribute('aria-label', 'Dismiss')
  close.textContent = '×'
  box.append(text, close)
  root.append(box)

  let held = false
  const remove = host.guard(() => {
    element.remove()
    document.removeEventListener('keydown', onKey, true)
  })
  const onKey = (event: KeyboardEvent) => event.key === 'Escape' && remove()
  close.addEventListener('click', remove)
  document.addEventListener('keydown', onKey, true)
  for (const [type, value] of [
    ['pointerenter', true],
    ['pointerleave', false],
    ['focusin', true],
    ['focusout', false]
  ] as const) {
    box.addEventListener(type, () => (held = value))
  }
  const timer = setInterval(
    host.guard(() => {
      if (!held) {
        clearInterval(timer)
        remove()
      }
    }),
    STAY_MS
  )
  host.cleanup(() => {
    clearInterval(timer)
    remove()
  })
  document.body.append(element)
  // Screen readers announce changes to a live region that is already there, not a new one.
  setTimeout(
    host.guard(() => void (text.textContent = describeAnswer(answer, business))),
    100
  )
}
