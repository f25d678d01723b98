// @vitest-environment happy-dom
import metadata from 'libphonenumber-js/metadata.min.json'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createEmitter } from '../../src/core/createEmitter'
import type { Host } from '../../src/core/host'
import type { RawContext } from '../../src/core/readContext'
import { mayHavePhone } from '../../src/forms/mayHavePhone'
import { processForm } from '../../src/forms/processForm'
import { snapshotForm } from '../../src/forms/snapshotForm'
import { createPhone } from '../../src/phone/phone'
import type { CallbackRequest } from '../../src/schema'

const CONFIG = {
  siteId: 'demo',
  business: { name: 'Acme Plumbing', timeZone: 'Europe/London' },
  hours: { weekly: { mon: [['09:00', '17:30']] } },
  phone: { defaultCountry: 'GB', countries: ['GB', 'IE'] },
  forms: { capture: 'auto', include: [], exclude: [] }
}

const RAW: RawContext = {
  href: 'https://acme.example/contact',
  title: 'Contact',
  referrer: '',
  at: Date.parse('2026-11-26T10:00:00Z'),
  ua: 'Mozilla/5.0',
  touchPoints: 0,
  locale: 'en-GB',
  timeZone: 'Europe/London',
  redact: []
}

/** A host as the first file builds it, recording what reaches the outbox and the events. */
function fakeHost(config: unknown = CONFIG) {
  const delivered: CallbackRequest[] = []
  const errors: unknown[] = []
  const emitter = createEmitter((e) => errors.push(e))
  const phone = createPhone(() => Promise.resolve(metadata))
  const host = {
    options: { site: 'demo', api: 'https://api.example', forms: true, widget: false, redact: [] },
    config: Promise.resolve(config),
    phone: () => Promise.resolve(phone),
    deliver: (request: CallbackRequest) => delivered.push(request),
    emit: emitter.emit,
    on: emitter.on,
    off: emitter.off,
    report: (e: unknown) => errors.push(e),
    guard: (fn: (...a: unknown[]) => unknown) => fn,
    cleanup: () => undefined,
    listen: () => undefined,
    context: () => RAW,
    loader: { chunk: () => Promise.reject(new Error('no chunks')), meta: () => Promise.resolve(metadata) }
  } as unknown as Host
  const events: { name: string; payload: unknown }[] = []
  for (const name of ['error', 'submit', 'success'] as const) emitter.on(name, (payload) => events.push({ name, payload }))
  return { host, delivered, errors, events }
}

const form = (html: string, typed: Record<string, string>) => {
  document.body.innerHTML = html
  for (const [selector, value] of Object.entries(typed)) (document.querySelector(selector) as HTMLInputElement).value = value
  return document.querySelector('form')!
}

const CONTACT = `<form id="contact" name="quote" action="https://acme.example/thanks" method="post"><label>Name <input name="name" required></label>
  <label>Phone <input name="phone" type="tel"></label><label>Email <input name="email" type="email"></label><label>Password <input type="password" name="pw"></label>
  <input type="hidden" name="token" value="hidden-secret"><label>Message <textarea name="message"></textarea></label></form>`

afterEach(() => vi.useRealTimers())

describe('processForm', () => {
  it('makes one form request with the E.164 number, the mapped contact and the form, and nothing else', async () => {
    const { host, delivered } = fakeHost()
    const f = form(CONTACT, {
      '[name=name]': 'Sam',
      '[name=phone]': '07400 123456',
      '[name=email]': 'sam@example.com',
      '[name=pw]': 'hunter2',
      '[name=message]': 'Boiler'
    })
    await processForm(host, snapshotForm(f), RAW)
    expect(delivered).toHaveLength(1)
    expect(delivered[0]).toMatchObject({
      siteId: 'demo',
      channel: 'form',
      phone: '+447400123456',
      schedule: { type: 'asap' },
      contact: { name: 'Sam', email: 'sam@example.com', message: 'Boiler' },
      form: { id: 'contact', name: 'quote', action: 'https://acme.example/thanks' }
    })
    const body = JSON.stringify(delivered[0])
    expect(body).not.toContain('hunter2')
    expect(body).not.toContain('hidden-secret')
    expect(delivered[0]!.signals).toBeUndefined()
  })

  it('reads the values at submit, not later (frameworks reset controlled inputs right after)', async () => {
    const { host, delivered } = fakeHost()
    const f = form(CONTACT, { '[name=name]': 'Sam', '[name=phone]': '07400 123456' })
    const snapshot = snapshotForm(f)
    ;(f.querySelector('[name=phone]') as HTMLInputElement).value = ''
    ;(f.querySelector('[name=name]') as HTMLInputElement).value = ''
    await processForm(host, snapshot, RAW)
    expect(delivered[0]).toMatchObject({ phone: '+447400123456', contact: { name: 'Sam' } })
  })

  it('does not send a number that is not valid for the site, and says why', async () => {
    const { host, delivered, events } = fakeHost()
    await processForm(host, snapshotForm(form(CONTACT, { '[name=name]': 'Sam', '[name=phone]': '07400 12' })), RAW)
    expect(delivered).toHaveLength(0)
    expect(events).toEqual([
      {
        name: 'error',
        payload: expect.objectContaining({ code: 'invalid_phone', retry: false, channel: 'form', message: expect.stringMatching(/not sent: (?:invalid|too short)/) })
      }
    ])
  })

  it('refuses a country the site does not serve', async () => {
    const { host, delivered, events } = fakeHost()
    await processForm(host, snapshotForm(form(CONTACT, { '[name=name]': 'Sam', '[name=phone]': '+33 6 12 34 56 78' })), RAW)
    expect(delivered).toHaveLength(0)
    expect(events[0]).toMatchObject({ name: 'error', payload: { code: 'invalid_phone', message: expect.stringContaining('country not allowed') } })
  })

  it('leaves alone a form whose constraints failed (a novalidate form with an empty required field), and an empty optional phone', async () => {
    const { host, delivered, events } = fakeHost()
    const f = form(CONTACT.replace('<form ', '<form novalidate '), { '[name=phone]': '07400 123456' })
    const snapshot = snapshotForm(f)
    expect(snapshot.valid).toBe(false)
    await processForm(host, snapshot, RAW)
    await processForm(host, snapshotForm(form(CONTACT, { '[name=name]': 'Sam' })), RAW)
    expect(delivered).toHaveLength(0)
    expect(events).toHaveLength(0)
  })

  it('captures what the site hands over explicitly (ringback("capture", form)) even without markup constraints met', async () => {
    const { host, delivered } = fakeHost()
    await processForm(host, snapshotForm(form(CONTACT, { '[name=phone]': '07400 123456' }), true), RAW)
    expect(delivered).toHaveLength(1)
  })

  it('makes one request for a double submit, a re-submit and an AJAX double post with the same number', async () => {
    const { host, delivered } = fakeHost()
    const f = form(CONTACT, { '[name=name]': 'Sam', '[name=phone]': '07400 123456' })
    // Two submits racing through the async phone check, then a re-submit in another format.
    await Promise.all([processForm(host, snapshotForm(f), RAW), processForm(host, snapshotForm(f), RAW)])
    ;(f.querySelector('[name=phone]') as HTMLInputElement).value = '+44 7400 123456'
    await processForm(host, snapshotForm(f), RAW)
    expect(delivered).toHaveLength(1)
    // Another number is another lead.
    ;(f.querySelector('[name=phone]') as HTMLInputElement).value = '+353 85 123 4567'
    await processForm(host, snapshotForm(f), RAW)
    expect(delivered.map((r) => r.phone)).toEqual(['+447400123456', '+353851234567'])
  })

  it('counts the same number again as a new lead after the window', async () => {
    const { host, delivered } = fakeHost()
    const now = Date.now()
    const spy = vi.spyOn(Date, 'now').mockReturnValue(now)
    const f = form(CONTACT, { '[name=name]': 'Sam', '[name=phone]': '07400 123456' })
    await processForm(host, snapshotForm(f), RAW)
    spy.mockReturnValue(now + 6 * 60_000)
    await processForm(host, snapshotForm(f), RAW)
    spy.mockRestore()
    expect(delivered).toHaveLength(2)
  })

  it('flags a filled honeypot in signals', async () => {
    const { host, delivered } = fakeHost()
    const html = `<form><input type="tel" name="phone"><div class="wpforms-field wpforms-field-hp"><label>Phone</label><input name="wpforms[hp]"></div></form>`
    await processForm(host, snapshotForm(form(html, { '[name=phone]': '07400 123456', '[name="wpforms[hp]"]': 'spam' })), RAW)
    expect(delivered[0]!.signals).toEqual({ honeypot: true })
    expect(JSON.stringify(delivered[0])).not.toContain('spam')
  })

  it('follows the site config: off, marked, include and exclude selectors (a bad selector matches nothing)', async () => {
    const html = `<form id="a" class="lead"><input name="x1" data-ringback-field="phone"></form>`
    const run = async (forms: unknown, markup = html) => {
      const { host, delivered } = fakeHost({ ...CONFIG, forms })
      await processForm(host, snapshotForm(form(markup, { '[name=x1]': '07400 123456' })), RAW)
      return delivered.length
    }
    expect(await run({ capture: 'off' })).toBe(0)
    expect(await run({ capture: 'marked' })).toBe(0)
    expect(await run({ capture: 'marked', include: ['form.lead'] })).toBe(1)
    expect(await run({ capture: 'marked' }, html.replace('<form ', '<form data-ringback="capture" '))).toBe(1)
    expect(await run({ capture: 'auto', exclude: ['#a'] })).toBe(0)
    expect(await run({ capture: 'auto', exclude: ['[[bad'], include: ['::nope('] })).toBe(1)
  })

  it('uses a country select beside the number as the region of a national number', async () => {
    const { host, delivered } = fakeHost()
    const html = `<form><div><select name="c"><option value="GB">UK</option><option value="IE">Ireland</option></select><input type="tel" name="phone"></div></form>`
    await processForm(host, snapshotForm(form(html, { '[name=c]': 'IE', '[name=phone]': '085 123 4567' })), RAW)
    expect(delivered[0]!.phone).toBe('+353851234567')
  })
})

describe('the first file pre-check', () => {
  const labels = [
    'Phone',
    'Telephone',
    'Tel.',
    'Mobile',
    'Cell phone',
    'Contact number',
    'Telefon',
    'Telefonnummer',
    'Handy',
    'Rufnummer',
    'Mobilnummer',
    'Téléphone',
    'Portable',
    'Teléfono',
    'Móvil',
    'Celular',
    'Telefone',
    'Cellulare',
    'Numero',
    'Telefoonnummer',
    'Mobiel',
    'GSM',
    'WhatsApp',
    'Puhelin',
    'Τηλέφωνο',
    'Телефон',
    '電話番号',
    '电话',
    '手机',
    '携帯番号',
    '전화번호',
    'هاتف',
    'جوال',
    'טלפון'
  ]
  for (const label of labels) {
    it(`sees "${label}" as a possible phone field, as the lazy detection does`, () => {
      const f = form(`<form><label for="f">${label}</label><input id="f" name="field_1"></form>`, { '#f': '07400 123456' })
      expect(mayHavePhone(f)).toBe(true)
      return import('./formAt').then(({ analyzeSnippet }) =>
        expect(analyzeSnippet(`<form><label for="f">${label}</label><input id="f" name="field_1"></form>`, { '#f': '1' }).fields.phone).toBeDefined()
      )
    })
  }
  it('does not load the lazy file for a search or login form', () => {
    expect(mayHavePhone(form(`<form role="search"><input type="search" name="s" placeholder="Search"></form>`, {}))).toBe(false)
    expect(mayHavePhone(form(`<form><input name="username"><input type="password" name="password"><button>Log in</button></form>`, {}))).toBe(false)
  })
})
