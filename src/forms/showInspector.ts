import type { Host } from '../core/host'
import { adoptStyles } from '../ui/adoptStyles'
import type { Analysis } from './analyzeForm'
import type { FieldInfo } from './describeField'

const CSS = `:host{all:initial;position:absolute;left:0;top:0;width:0;height:0;z-index:2147483646;font:13px/1.4 system-ui,sans-serif}
.box{position:absolute;left:var(--x);top:var(--y);width:var(--w);height:var(--h);box-sizing:border-box;pointer-events:none;border-radius:4px}
.form{outline:3px solid #0a7d5a;outline-offset:4px}
.form.skip{outline:2px dashed #9aa5b1}
.field{outline:2px solid #2563eb;outline-offset:1px}
.tag{position:absolute;left:0;top:-22px;white-space:nowrap;padding:1px 6px;border-radius:4px;background:#0a7d5a;color:#fff;font-weight:600}
.skip .tag{background:#52606d}
.field .tag{background:#2563eb;top:auto;bottom:100%;left:auto;right:0}
.panel{position:fixed;right:16px;bottom:16px;width:min(380px,calc(100vw - 32px));max-height:60vh;overflow:auto;box-sizing:border-box;padding:12px 14px;background:#fff;color:#1f2933;border:1px solid #cbd2d9;border-radius:10px;box-shadow:0 8px 30px rgba(0,0,0,.2)}
h2{font-size:15px;margin:0 0 8px}
ol{margin:0;padding-left:20px}
li{margin:0 0 8px}
.why{color:#52606d}
.bar{display:flex;gap:8px;margin-top:8px}
button{font:inherit;padding:4px 10px;border-radius:6px;border:1px solid #9aa5b1;background:#f5f7fa;color:inherit;cursor:pointer}`

const describe = (field: FieldInfo) => (field.label ? '“' + field.label.slice(0, 40) + '”' : field.name ? 'name=' + field.name : field.id ? '#' + field.id : field.kind)

const formName = (form: HTMLFormElement, index: number) =>
  'Form ' + (index + 1) + (form.id ? ' #' + form.id : form.getAttribute('name') ? ' “' + form.getAttribute('name') + '”' : '')

/**
 * Draws the inspector over the page: an outline around every form (solid:
 * captured, dashed: skipped), one around each field mapped to phone, name,
 * email or message with its role, and a panel listing every form, what it
 * maps, what it leaves out and why. Everything lives in one shadow root;
 * the page's own elements are only measured. `analyze` runs again on
 * "Refresh" and when the window is resized.
 */
export function showInspector(host: Host, analyze: () => Analysis[], note: string): void {
  document.querySelector('ringback-inspector')?.remove()
  const element = document.createElement('ringback-inspector')
  const root = element.attachShadow({ mode: 'open' })
  adoptStyles(root, CSS)
  const layer = document.createElement('div')
  const panel = document.createElement('section')
  panel.className = 'panel'
  panel.setAttribute('aria-label', 'ringback form inspector')
  root.append(layer, panel)

  const el = (tag: string, className: string, text?: string) => {
    const node = document.createElement(tag)
    if (className) node.className = className
    if (text) node.textContent = text
    return node
  }

  const outline = (target: Element, className: string, tag: string) => {
    const rect = target.getBoundingClientRect()
    if (!rect.width && !rect.height) return
    // Relative to the overlay itself, wherever a positioned <body> puts it; scrolling moves both.
    const origin = element.getBoundingClientRect()
    const box = el('div', 'box ' + className)
    box.style.setProperty('--x', rect.left - origin.left + 'px')
    box.style.setProperty('--y', rect.top - origin.top + 'px')
    box.style.setProperty('--w', rect.width + 'px')
    box.style.setProperty('--h', rect.height + 'px')
    box.append(el('span', 'tag', tag))
    layer.append(box)
  }

  const draw = host.guard(() => {
    layer.replaceChildren()
    panel.replaceChildren(el('h2', '', 'ringback: forms on this page'))
    if (note) panel.append(el('p', 'why', note))
    const results = analyze()
    const list = el('ol', '')
    if (!results.length) panel.append(el('p', 'why', 'No forms on this page.'))
    results.forEach((result, index) => {
      const name = formName(result.form, index)
      const item = el('li', '')
      if (result.skip) {
        outline(result.form, 'form skip', name + ': skipped')
        item.append(el('strong', '', name + ': skipped'), el('div', 'why', result.skip))
      } else {
        outline(result.form, 'form', name + ': captured')
        item.append(el('strong', '', name + ': captured'))
        for (const role of ['phone', 'name', 'email', 'message'] as const) {
          const fields = result.fields[role]
          if (!fields) continue
          for (const field of fields) outline(field.el, 'field', role)
          item.append(el('div', '', role + ': ' + fields.map(describe).join(' + ')))
        }
      }
      for (const { field, reason } of result.excluded) item.append(el('div', 'why', 'never sent: ' + describe(field) + ' (' + reason + ')'))
      list.append(item)
    })
    panel.append(list)
    const bar = el('div', 'bar')
    const refresh = el('button', '', 'Refresh')
    const close = el('button', '', 'Close')
    refresh.addEventListener('click', draw)
    close.addEventListener('click', remove)
    bar.append(refresh, close)
    panel.append(bar)
  })

  const remove = host.guard(() => {
    element.remove()
    removeEventListener('resize', draw)
  })
  addEventListener('resize', draw)
  host.cleanup(remove)
  document.body.append(element)
  draw()
}
