import { signal } from '@preact/signals'
import { render } from 'preact'
import { buildRequest } from '../core/buildRequest'
import type { OpenMode } from '../core/events'
import type { Host } from '../core/host'
import { maskPhone } from '../core/maskPhone'
import { parseConfig } from '../core/parseConfig'
import { adoptStyles } from './adoptStyles'

const CSS =
  '.panel{position:fixed;bottom:88px;right:20px;z-index:2147483001;width:320px;box-sizing:border-box;padding:20px;' +
  'border-radius:12px;background:#fff;color:#1d1d1f;box-shadow:0 10px 40px rgba(0,0,0,.3);' +
  'font:400 16px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}' +
  '.panel input{display:block;width:100%;box-sizing:border-box;margin:8px 0;padding:10px;font:inherit;border:1px solid #767676;border-radius:6px}' +
  '.panel button{font:inherit;padding:10px 16px;border:0;border-radius:6px;color:#fff;background:#0a7d5a;cursor:pointer}'

type View = 'closed' | 'form' | 'sending' | 'done'

/**
 * The widget panel, mounted into the launcher's shadow root on first use.
 * The lazy file's only export; everything it needs comes through `host`.
 */
export function mountPanel(host: Host, root: ShadowRoot) {
  const view = signal<View>('closed')
  const message = signal('')
  const container = document.createElement('div')
  root.appendChild(container)
  adoptStyles(root, CSS)
  let pending = ''

  host.on('success', (event) => {
    if (event.id !== pending) return
    view.value = 'done'
    message.value =
      event.status === 'calling'
        ? 'We are calling you now.'
        : 'We will call you at ' + new Date(event.scheduledFor || Date.now()).toLocaleString() + '.'
  })
  host.on('error', (event) => {
    if (event.id !== pending || event.retry) return
    view.value = 'form'
    message.value = event.message
  })

  const submit = async (event: Event) => {
    event.preventDefault()
    if (view.value === 'sending') return
    const input = (event.currentTarget as HTMLFormElement).elements.namedItem('phone') as HTMLInputElement
    view.value = 'sending'
    const { config } = parseConfig(await host.config, host.options.site, 'US')
    const phone = await host.phone()
    const check = await phone.check(input.value, config.phone.defaultCountry, config.phone.countries)
    if (!check.ok) {
      view.value = 'form'
      message.value = 'Please check the number (' + check.problem.replace(/_/g, ' ') + ').'
      return
    }
    const request = buildRequest(host.options.site, { channel: 'widget', phone: check.e164, schedule: { type: 'asap' } }, host.context())
    pending = request.id
    message.value = 'Calling ' + maskPhone(check.e164) + '…'
    host.deliver(request)
  }

  const Panel = () =>
    view.value === 'closed' ? null : (
      <div class="panel" role="dialog" aria-modal="true" aria-label="Request a callback">
        {view.value === 'done' ? (
          <p role="status">{message}</p>
        ) : (
          <form onSubmit={(e) => void submit(e).catch(host.report)}>
            <label>
              Your phone number
              <input name="phone" type="tel" autocomplete="tel" required />
            </label>
            <p aria-live="polite">{message}</p>
            <button type="submit" disabled={view.value === 'sending'}>
              Call me now
            </button>
          </form>
        )}
      </div>
    )

  render(<Panel />, container)

  return {
    open(_mode: OpenMode) {
      if (view.value === 'closed') view.value = 'form'
      host.emit('open', { mode: _mode })
    },
    close() {
      if (view.value !== 'closed') host.emit('close', {})
      view.value = 'closed'
    },
    destroy() {
      render(null, container)
      container.remove()
    }
  }
}
