import { signal } from '@preact/signals'
import { render } from 'preact'
import { useLayoutEffect, useRef } from 'preact/hooks'
import type { OpenMode } from '../core/events'
import type { Host } from '../core/host'
import { isOpenAt } from '../contract/openingHours'
import { parseConfig, regionOf } from '../core/parseConfig'
import { adoptStyles } from '../ui/adoptStyles'
import { createPanelModel } from './createPanelModel'
import { loadTexts } from './loadTexts'
import { lockScroll } from './lockScroll'
import { PANEL_CSS } from './panelCss'
import { readableOn } from './readableOn'
import { FormView } from './views/FormView'
import { QueuedView } from './views/QueuedView'
import { widgetLocale } from './widgetLocale'

/** Where each problem the form reports is fixed: focus goes there. */
const FIELD: Record<string, string> = { phone: '#rb-phone', slot: '[role=radio][tabindex="0"]', consent: '#rb-consent' }

/**
 * The widget panel, mounted into the launcher's shadow root on first use:
 * the lazy file's only export. Everything it needs comes through `host`;
 * its state is the panel model's (`createPanelModel`), its views are files
 * of their own (`views/`); this is the dialog around them: header, focus,
 * keys, the phone sheet's backdrop and scroll lock. `destroy()` removes its
 * elements, listeners and timers.
 */
export async function mountPanel(host: Host, root: ShadowRoot, launcher: HTMLElement) {
  // The scheduling choices and the confirmation are files of their own
  // (what most visitors need first is "call me now"). The choices are
  // fetched at once, alongside the config and the strings (a panel that
  // opens on them waits for them), the confirmation once the panel has painted.
  const views = signal<{ picker?: typeof import('./views/SchedulePicker'); done?: typeof import('./views/DoneView') }>({})
  const loading: Record<string, Promise<void> | undefined> = {}
  const load = (name: 'picker' | 'done') =>
    (loading[name] ||= (name === 'picker' ? import('./views/SchedulePicker') : import('./views/DoneView')).then(
      (m) => {
        adoptStyles(root, 'PICKER_CSS' in m ? m.PICKER_CSS : m.DONE_CSS)
        views.value = { ...views.value, [name]: m }
      },
      (error: unknown) => {
        loading[name] = undefined
        host.report(error)
      }
    ))
  void load('picker')
  const { config, widgetUsable } = parseConfig(await host.config, host.options.site, regionOf(navigator.language), host.report)
  if (!widgetUsable) {
    // Hours or time zone present but unusable (parseConfig has reported it):
    // no widget. The launcher's element stays, empty, so that the first file's
    // watch for a replaced <body> has nothing to put back.
    root.replaceChildren()
    return { open() {}, close() {}, destroy() {} }
  }
  const language = await loadTexts(widgetLocale(host.options.locale, config.widget.locale), config.widget.texts)
  const { locale, texts: t, dir } = language
  const model = createPanelModel(host, config, language)
  const { visible, phase } = model

  // Exact even where CSS relative colours (the launcher's own rule) are missing.
  ;(root.host as HTMLElement).style.setProperty('--on', readableOn(config.widget.accent))

  let settling: (() => void) | undefined
  let focusOnRender = true
  /** A selector to focus at the next view instead of its first choice (`Change it`: the number). */
  let focusNext = ''
  let touched = false
  let unlock: (() => void) | undefined
  const media = (query: string) => !!window.matchMedia && matchMedia(query).matches

  const close = (returnFocus: boolean) => {
    if (!model.close()) return
    launcher.setAttribute('aria-expanded', 'false')
    if (unlock) unlock()
    unlock = undefined
    if (returnFocus) launcher.focus()
  }

  const trapKeys = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation()
      close(true)
      return
    }
    if (event.key !== 'Tab') return
    const dialog = event.currentTarget as HTMLElement
    const items = [...dialog.querySelectorAll<HTMLElement>('button,input,select,a[href]')].filter(
      (el) => el.tabIndex >= 0 && !(el as HTMLButtonElement).disabled && el.getClientRects().length > 0
    )
    const first = items[0]
    const last = items[items.length - 1]
    const active = root.activeElement
    if (event.shiftKey ? active === first || active === dialog : active === last) {
      event.preventDefault()
      ;(event.shiftKey ? last : first)?.focus()
    }
  }

  /**
   * Where focus goes in a view: its message, the first choice to make, or
   * the number; on a touch screen not the number, whose keyboard would
   * cover half the sheet before the visitor has read it: the dialog.
   */
  const focusFirst = (dialog: HTMLElement | null) => {
    if (!dialog) return
    const wanted = focusNext || '[data-focus],[role=radio][tabindex="0"]' + (media('(pointer:coarse)') ? '' : ',#rb-phone')
    focusNext = ''
    ;(dialog.querySelector<HTMLElement>(wanted) || dialog).focus()
  }

  const onProblems = (form: HTMLFormElement, field: string) => {
    const first = field && form.querySelector<HTMLElement>(FIELD[field]!)
    if (first) first.focus()
  }

  const Panel = () => {
    const ref = useRef<HTMLDivElement>(null)
    const answered = phase.value === 'done'
    const view = visible.value ? (phase.value === 'sending' ? 'form' : phase.value) + model.scheduling.value : ''
    useLayoutEffect(() => {
      if (focusOnRender && phase.value !== 'sending') focusFirst(ref.current)
    }, [view])
    if (!visible.value) return null
    const answer = model.answer.value
    const { picker, done } = views.value
    const Done = done && done.DoneView
    if (answered && !Done) void load('done')
    const title = answered ? (answer!.status === 'calling' ? t.callingNow : t.booked) : phase.value === 'queued' ? t.saved : t.title
    return (
      <>
        {/* The phone sheet's backdrop (CSS shows it under 480 px): it dims the page, and a tap on it closes. */}
        <div class="bd" aria-hidden="true" onClick={() => close(true)} />
        <div
          ref={ref}
          class={(config.widget.position === 'bottom-left' ? 'p L' : 'p') + (answered ? ' done' : '')}
          role="dialog"
          aria-modal="true"
          aria-labelledby="rb-title"
          dir={dir}
          lang={locale}
          tabIndex={-1}
          onKeyDown={trapKeys}
        >
          <div class="head">
            <h2 id="rb-title">
              {answered && <span class="tick" aria-hidden="true" />}
              {title}
            </h2>
            <button class="x" type="button" aria-label={t.close} onClick={() => close(true)}>
              ×
            </button>
          </div>
          {answered ? (
            Done && (
              <Done
                model={model}
                onClose={() => close(true)}
                onChangeNumber={() => {
                  // The visitor asked for the field: focus it, on a touch screen too.
                  focusNext = '#rb-phone'
                  model.changeNumber()
                }}
              />
            )
          ) : phase.value === 'queued' ? (
            <QueuedView model={model} onClose={() => close(true)} />
          ) : (
            <FormView model={model} Picker={picker && picker.SchedulePicker} onProblems={onProblems} />
          )}
        </div>
      </>
    )
  }

  const container = document.createElement('div')
  root.appendChild(container)
  adoptStyles(root, PANEL_CSS)
  render(<Panel />, container)

  const open = (next: OpenMode | null | undefined, focus = true, waited = false): unknown => {
    // A panel that opens on the scheduling choices shows them at once: it waits for their file (once).
    if (!waited && !views.value.picker && (next === 'schedule' || !isOpenAt(config, Date.now()))) {
      return load('picker').then(host.guard(() => open(next, focus, true)))
    }
    touched ||= focus
    focusOnRender = focus
    if (!model.open(next)) {
      // Opened by a trigger a moment ago, now by the visitor: take them into it.
      if (focus) focusFirst(root.querySelector('[role=dialog]'))
      return
    }
    if (!model.settled.value && !settling) {
      // After the next paint: a timer set in an animation frame runs once that frame is on screen.
      let timer: ReturnType<typeof setTimeout> | undefined
      const frame = requestAnimationFrame(host.guard(() => (timer = setTimeout(host.guard(() => ((model.settled.value = true), load('picker'), load('done')))))))
      settling = () => {
        cancelAnimationFrame(frame)
        clearTimeout(timer)
      }
    }
    // The phone sheet covers the page: the page does not scroll behind it.
    if (media('(max-width:480px)')) unlock = lockScroll()
    launcher.setAttribute('aria-expanded', 'true')
  }

  // Most sites use no triggers: their code is a file of its own, fetched only when the config has some.
  let stopTriggers: (() => void) | undefined
  let destroyed = false
  const triggers = config.widget.triggers
  if (triggers && Object.keys(triggers).length) {
    import('./startTriggers').then(
      (m) =>
        void (
          destroyed ||
          (stopTriggers = m.startTriggers(
            host,
            triggers,
            () => open('now', false),
            () => touched
          ))
        ),
      host.report
    )
  }

  return {
    /** Opens the panel; any mode but `schedule` (none, an unknown value) is `now`. */
    open: (next?: OpenMode | null) => open(next),
    close: () => close(visible.value && root.activeElement !== null),
    destroy() {
      destroyed = true
      if (stopTriggers) stopTriggers()
      if (unlock) unlock()
      model.destroy()
      if (settling) settling()
      render(null, container)
      container.remove()
    }
  }
}
