import { describe, expect, it } from 'vitest'
import type { LeadDetail } from '../../../demo/server/console/presentDetail'
import { demoRequest, dentalRequest, startConsole } from './consoleHarness'

const HOSTILE = '<img src=x onerror="alert(1)">'

describe('a request’s detail', () => {
  it('gives what the visitor typed and where they came from, as plain strings, with the number masked', async () => {
    const c = await startConsole()
    const lead = demoRequest({
      channel: 'form',
      contact: { name: 'Alex Morgan', email: 'alex@example.com', message: 'Radiator leaks\nin the hall. ' + HOSTILE },
      form: { id: 'contact', name: 'quote', action: 'https://acme.example/contact' },
      page: { url: 'https://acme.example/contact', title: 'Contact us', referrer: 'https://www.google.com/' },
      source: {
        medium: 'paid',
        referrerHost: 'www.google.com',
        utm: { source: 'google', medium: 'cpc', campaign: '__proto__' },
        clickIds: { gclid: 'EAIaIQobChMI' },
        landingPage: 'https://acme.example/?utm_source=google',
        firstSeenAt: '2026-11-23T09:50:00.000Z'
      },
      device: { type: '__proto__', vendor: 'Apple', model: 'iPhone', os: { name: 'iOS', version: '18.1' }, browser: { name: 'Mobile Safari', version: '18.1' } },
      consent: { granted: true, text: 'I agree that Acme Plumbing may call me about my request.' }
    })
    await c.seed(lead, dentalRequest())
    const token = await c.session('demo')
    await c.call(`/v1/callbacks/${lead.id}/events`, token, { body: { type: 'attempted' } })
    const res = await c.call('/console/api/requests/' + lead.id, token)
    expect(res.status).toBe(200)
    const { detail, deliveries } = (await res.json()) as { detail: LeadDetail; deliveries: unknown[] }
    expect(detail).toMatchObject({
      id: lead.id,
      phone: '+44740•••3456',
      channel: 'form',
      contact: { name: 'Alex Morgan', email: 'alex@example.com', message: 'Radiator leaks\nin the hall. ' + HOSTILE },
      form: { id: 'contact', name: 'quote', action: 'https://acme.example/contact' },
      pageTitle: 'Contact us',
      pageReferrer: 'https://www.google.com/',
      utm: [
        ['source', 'google'],
        ['medium', 'cpc'],
        ['campaign', '__proto__']
      ],
      clickIds: [['gclid', 'EAIaIQobChMI']],
      landingPage: 'https://acme.example/?utm_source=google',
      deviceDetail: [
        ['Type', '__proto__'],
        ['Model', 'Apple iPhone'],
        ['System', 'iOS 18.1'],
        ['Browser', 'Mobile Safari 18.1']
      ],
      consent: { granted: true, text: 'I agree that Acme Plumbing may call me about my request.' },
      events: [{ type: 'attempted', at: new Date(c.clock.now).toISOString() }]
    })
    expect(deliveries).toEqual([])
    expect(JSON.stringify(detail)).not.toContain('7400123456')

    // Another site's id, a made-up one, no session.
    const dental = await c.session('acme-dental')
    expect((await c.call('/console/api/requests/' + lead.id, dental)).status).toBe(404)
    expect((await c.call('/console/api/requests/nope', token)).status).toBe(404)
    expect((await c.call('/console/api/requests/' + lead.id, undefined)).status).toBe(401)
  })

  it('the CSV carries name, email and message, and a message that looks like a formula stays text', async () => {
    const c = await startConsole()
    await c.seed(
      demoRequest({ channel: 'form', contact: { name: 'Alex Morgan', email: 'alex@example.com', message: '=HYPERLINK("http://evil.example","Click")' } }),
      demoRequest({ contact: { name: 'Sam, "the" plumber' } })
    )
    const token = await c.session('demo')
    const csv = await (await c.call('/console/api/requests.csv', token)).text()
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
    expect(lines[0]!.endsWith(',outcome,name,email,message')).toBe(true)
    expect(lines[1]).toMatch(/,"Sam, ""the"" plumber",,$/)
    expect(lines[2]).toMatch(/,Alex Morgan,alex@example\.com,"'=HYPERLINK\(""http:\/\/evil\.example"",""Click""\)"$/)
  })
})
