// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { createEmitter } from '../../src/core/createEmitter'
import { createReporter } from '../../src/core/createReporter'
import { parseConfig } from '../../src/core/parseConfig'
import { createPhone } from '../../src/phone/phone'
import type { CallbackRequest } from '../../src/schema'
import { createPanelModel } from '../../src/widget/createPanelModel'
import { loadTexts } from '../../src/widget/loadTexts'
import { EN } from '../../src/widget/texts'

const RAW = {
  siteId: 'demo',
  business: { name: 'Acme Plumbing', timeZone: 'Europe/London' },
  hours: { weekly: { mon: [['09:00', '17:30']], tue: [['09:00', '17:30']], wed: [['09:00', '17:30']], thu: [['09:00', '17:30']], fri: [['09:00', '17:30']] } },
  phone: { defaultCountry: 'GB', countries: ['GB', 'IE'] },
  privacy: { consent: 'required' },
  widget: { enabled: true }
}
/** Tuesday 1 December 2026, 10:00 in London: open. */
const OPEN = Date.parse('2026-12-01T10:00:00Z')
/** Saturday 5 December, 10:00: closed. */
const CLOSED = Date.parse('2026-12-05T10:00:00Z')

/** The host as the first file passes it, with real phone validation (full metadata) and a recorded outbox. */
async function setUp(raw: Record<string, unknown> = RAW, locale = 'en') {
  const errors: unknown[] = []
  const emitter = createEmitter((e) => errors.push(e))
  const { guard, report } = createReporter((code) => errors.push(code))
  const delivered: CallbackRequest[] = []
  const events: string[] = []
  for (const name of ['open', 'close'] as const) emitter.on(name, () => events.push(name))
  const metadata = (await import('libphonenumber-js/metadata.min.json')).default
  const phone = createPhone(async () => metadata)
  const host = {
    options: { site: 'demo', api: 'https://api.example', forms: false, widget: true, redact: [] },
    emit: emitter.emit,
    on: emitter.on,
    off: emitter.off,
    report,
    guard,
    phone: async () => phone,
    deliver: (request: CallbackRequest) => delivered.push(request),
    context: () => ({
      href: 'https://acme.example/',
      title: 'Acme',
      referrer: '',
      at: Date.now(),
      ua: 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      touchPoints: 0,
      locale: 'en-GB',
      timeZone: 'Europe/London',
      redact: []
    })
  } as unknown as Parameters<typeof createPanelModel>[0]
  const { config } = parseConfig(raw, 'demo', 'GB', report)
  const model = createPanelModel(host, config, await loadTexts(locale, undefined))
  // Phone validation arrives after the first render, as in the browser.
  await vi.waitFor(() => expect(model.phone.value).toBeDefined())
  model.settled.value = true
  const answer = (status: 'calling' | 'scheduled', extra: Record<string, unknown> = {}) =>
    emitter.emit('success', { id: delivered[delivered.length - 1]!.id, channel: 'widget', status, ...extra })
  return { model, delivered, events, errors, answer, emit: emitter.emit }
}

describe('the panel model', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    vi.setSystemTime(OPEN)
  })
  afterEach(() => vi.useRealTimers())

  it('opens and closes once each, announcing both, with the mode asked for (anything but schedule is now)', async () => {
    const { model, events } = await setUp()
    expect(model.open('bogus' as 'now')).toBe(true)
    expect(model.open('schedule')).toBe(false)
    expect(model.mode.value).toBe('schedule')
    expect(model.scheduling.value).toBe(true)
    expect(model.close()).toBe(true)
    expect(model.close()).toBe(false)
    expect(events).toEqual(['open', 'close'])
    model.destroy()
  })

  it('submits "call me now": checks the number and consent, sends one request, and confirms with the full number', async () => {
    const { model, delivered, answer } = await setUp()
    model.open('now')
    model.value.value = '0740'
    expect(await model.submit()).toEqual({ phone: 'This number is too short. Please check it.', consent: 'Please tick the box to agree to the call.' })
    expect(delivered).toHaveLength(0)
    model.value.value = '07400 123456'
    model.consented.value = true
    expect(await model.submit()).toEqual({})
    expect(delivered).toHaveLength(1)
    expect(delivered[0]).toMatchObject({
      phone: '+447400123456',
      schedule: { type: 'asap' },
      consent: { granted: true, text: 'I agree to be called back about my request.' }
    })
    expect(model.phase.value).toBe('sending')
    answer('calling', { etaSeconds: 20 })
    expect(model.phase.value).toBe('done')
    expect(model.answer.value).toMatchObject({ status: 'calling', id: delivered[0]!.id, phone: '+44 7400 123456' })
    expect(model.eta.value).toBe(20)
    model.destroy()
  })

  it('choose: a scheduled request carries the chosen slot; choosing another day lets the time go', async () => {
    const { model, delivered, answer } = await setUp()
    model.open('schedule')
    model.value.value = '07400 123456'
    model.consented.value = true
    expect(await model.submit()).toEqual({ slot: 'Please pick a time.' })
    const [first, second] = model.days.value
    model.choose(first!.slots[2]!.at)
    expect(model.slot.value).toBe(first!.slots[2]!.at)
    model.pickDay(second!.key)
    expect(model.slot.value).toBeUndefined()
    model.choose(second!.slots[0]!.at)
    expect(await model.submit()).toEqual({})
    expect(delivered[0]!.schedule).toEqual({ type: 'slot', at: new Date(second!.slots[0]!.at).toISOString() })
    answer('scheduled', { scheduledFor: new Date(second!.slots[0]!.at).toISOString() })
    expect(model.answer.value).toMatchObject({ status: 'scheduled', at: second!.slots[0]!.at })
    model.destroy()
  })

  it('opens on the scheduling choices while the business is closed, whatever the mode', async () => {
    vi.setSystemTime(CLOSED)
    const { model } = await setUp()
    model.open('now')
    expect(model.openNow.value).toBe(false)
    expect(model.scheduling.value).toBe(true)
    expect(model.days.value[0]!.key).toBe('2026-12-07')
    model.destroy()
  })

  it('after the ETA has passed, offers a new request, which the same-number rule refuses within its minute and sends after it', async () => {
    const { model, delivered, answer } = await setUp()
    model.open('now')
    model.value.value = '07400 123456'
    model.consented.value = true
    await model.submit()
    answer('calling', { etaSeconds: 30 })
    vi.advanceTimersByTime(30000)
    expect(model.eta.value).toBe(0)
    expect(await model.tryAgain()).toEqual({ form: 'We already have your request for this number. Please wait a minute before asking again.' })
    expect(model.phase.value).toBe('form')
    expect(delivered).toHaveLength(1)
    vi.advanceTimersByTime(31000)
    expect(await model.tryAgain()).toEqual({})
    expect(delivered).toHaveLength(2)
    expect(delivered[1]!.id).not.toBe(delivered[0]!.id)
    expect(delivered[1]).toMatchObject({ phone: '+447400123456', schedule: { type: 'asap' } })
    model.destroy()
  })

  it('"pick a time instead" and "change it" go back to the form, the number kept', async () => {
    const { model, answer } = await setUp()
    model.open('now')
    model.value.value = '07400 123456'
    model.consented.value = true
    await model.submit()
    answer('calling')
    // No etaSeconds: a minute.
    expect(model.eta.value).toBe(60)
    model.pickTime()
    expect(model.phase.value).toBe('form')
    expect(model.scheduling.value).toBe(true)
    model.changeNumber()
    expect(model.value.value).toBe('07400 123456')
    model.destroy()
  })

  it("a final error goes back to the form with the panel's own words at the right field (never the platform's English); a retryable one says it is queued", async () => {
    const { model, delivered, emit } = await setUp()
    model.open('now')
    model.value.value = '07400 123456'
    model.consented.value = true
    await model.submit()
    emit('error', { id: delivered[0]!.id, code: 'network', message: 'offline', retry: true })
    expect(model.phase.value).toBe('queued')
    emit('error', { id: delivered[0]!.id, code: 'invalid_phone', message: 'Premium-rate numbers cannot be called back.', retry: false })
    expect(model.phase.value).toBe('form')
    expect(model.errors.value).toEqual({ phone: EN.invalid })
    // An error of another request is not this one's.
    emit('error', { id: 'other', code: 'x', message: 'y', retry: false })
    expect(model.errors.value).toEqual({ phone: EN.invalid })
    // A time taken meanwhile is said at the times; any other refusal (or none named) is the panel's `failed`.
    for (const [code, errors] of [
      ['slot_unavailable', { slot: EN.taken }],
      ['idempotency_conflict', { form: EN.failed }],
      ['too_many_tries', { form: EN.failed }]
    ] as const) {
      model.changeNumber()
      model.value.value = code === 'slot_unavailable' ? '07400 234567' : code === 'idempotency_conflict' ? '07400 345678' : '07400 456789'
      await model.submit()
      emit('error', { id: delivered[delivered.length - 1]!.id, code, message: 'The request could not be delivered.', retry: false })
      expect(model.errors.value).toEqual(errors)
    }
    model.destroy()
  })

  it('a filled honeypot looks like success and sends nothing', async () => {
    const { model, delivered } = await setUp()
    model.open('now')
    model.value.value = '07400 123456'
    model.consented.value = true
    expect(await model.submit('https://spam.example')).toEqual({})
    expect(model.phase.value).toBe('done')
    expect(delivered).toHaveLength(0)
    model.destroy()
  })

  it('destroy stops listening: a late answer changes nothing', async () => {
    const { model, answer } = await setUp()
    model.open('now')
    model.value.value = '07400 123456'
    model.consented.value = true
    await model.submit()
    model.destroy()
    answer('calling')
    expect(model.phase.value).toBe('sending')
  })
})
