// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Host } from '../../src/core/host'
import { analyzeForm } from '../../src/forms/analyzeForm'
import { showInspector } from '../../src/forms/showInspector'
import { showToast } from '../../src/forms/showToast'

const cleanups: (() => void)[] = []
const host = {
  guard: (fn: (...a: unknown[]) => unknown) => fn,
  report: (e: unknown) => {
    throw e
  },
  cleanup: (fn: () => void) => cleanups.push(fn)
} as unknown as Host

afterEach(() => {
  for (const fn of cleanups.splice(0)) fn()
  document.body.replaceChildren()
  vi.useRealTimers()
})

describe('the confirmation toast', () => {
  it('announces the answer in a live region that exists first, and goes with Escape', () => {
    vi.useFakeTimers()
    showToast(host, { id: 'x', channel: 'form', status: 'calling' }, 'Acme Plumbing')
    const root = document.querySelector('ringback-toast')!.shadowRoot!
    const status = root.querySelector('[role=status]')!
    expect(status.textContent).toBe('')
    vi.advanceTimersByTime(150)
    expect(status.textContent).toBe('Thanks! Acme Plumbing is calling you now.')
    expect(root.querySelector('button')!.getAttribute('aria-label')).toBe('Dismiss')
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }))
    expect(document.querySelector('ringback-toast')).toBeNull()
  })

  it('stays while hovered and leaves by itself otherwise', () => {
    vi.useFakeTimers()
    showToast(host, { id: 'x', channel: 'form', status: 'calling' }, '')
    const box = document.querySelector('ringback-toast')!.shadowRoot!.querySelector('.toast')!
    box.dispatchEvent(new Event('pointerenter'))
    vi.advanceTimersByTime(30_000)
    expect(document.querySelector('ringback-toast')).not.toBeNull()
    box.dispatchEvent(new Event('pointerleave'))
    vi.advanceTimersByTime(13_000)
    expect(document.querySelector('ringback-toast')).toBeNull()
  })
})

describe('the inspector', () => {
  it('lists captured and skipped forms with reasons, and replaces itself when opened again', () => {
    const make = (html: string) => {
      const form = document.createElement('form')
      // Test markup only: the SDK never parses strings into DOM.
      form.innerHTML = html
      document.body.append(form)
      return form
    }
    const a = make('<label>Phone <input name="phone" type="tel"></label><label>Password <input type="password" name="pw"></label>')
    a.id = 'contact'
    make('<input type="search" name="s">')
    const analyze = () => Array.from(document.forms, (form) => analyzeForm(form, new Map(), { capture: 'auto' }))
    showInspector(host, analyze, '')
    showInspector(host, analyze, '')
    expect(document.querySelectorAll('ringback-inspector')).toHaveLength(1)
    const text = document.querySelector('ringback-inspector')!.shadowRoot!.querySelector('section')!.textContent
    expect(text).toContain('Form 1 #contact: captured')
    expect(text).toContain('phone: “Phone”')
    expect(text).toContain('never sent: “Password” (password)')
    expect(text).toContain('Form 2: skipped')
    expect(text).toContain('no phone field')
    // Nothing of the page was changed: the forms are as they were.
    expect(a.outerHTML).not.toContain('ringback')
  })
})
