import { describe, expect, it } from 'vitest'
import { periodStart } from '../../../demo/server/console/periodStart'
import { startConsole } from './consoleHarness'

describe('the console page', () => {
  it('is served with a strict CSP, no inline code or style, no cookie', async () => {
    const { origin } = await startConsole()
    const page = await fetch(origin + '/console')
    expect(page.status).toBe(200)
    const csp = page.headers.get('content-security-policy')!
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("script-src 'self'")
    expect(csp).toContain("style-src 'self'")
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).not.toMatch(/unsafe-|\*/)
    expect(page.headers.get('referrer-policy')).toBe('no-referrer')
    expect(page.headers.get('cache-control')).toBe('no-store')
    expect(page.headers.get('set-cookie')).toBeNull()
    const html = await page.text()
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)/)
    expect(html).not.toMatch(/<style|style=|\bon\w+=/)
    const [js, css] = [/src="([^"]+)"/.exec(html)![1]!, /href="([^"]+\.css[^"]*)"/.exec(html)![1]!]
    const script = await fetch(origin + js)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    const code = await script.text()
    expect(code.length).toBeGreaterThan(1000)
    // Preact keeps an innerHTML path for dangerouslySetInnerHTML, which the console never uses; Trusted Types would refuse it.
    expect(code).not.toMatch(/\beval\(|new Function\(|document\.cookie/)
    expect(code).not.toContain('dangerouslySetInnerHTML:')
    expect((await fetch(origin + css)).headers.get('content-type')).toBe('text/css; charset=utf-8')
  })

  it('answers bad paths and methods with 4xx, never 500', async () => {
    const { call, session } = await startConsole()
    const token = await session('demo')
    // A path that is not valid percent-encoding is the client's error (400), not a route that does not exist.
    expect((await call('/console/api/requests/%E0%A4%A', token, { method: 'DELETE' })).status).toBe(400)
    expect((await call('/v1/callbacks/%E0%A4%A/events', token, { body: { type: 'missed' } })).status).toBe(400)
    // A page number no list has is a 400 too (it was a 500: an OFFSET SQLite could not bind).
    for (const page of ['1e308', '0', '-1', '1.5', 'x', '10000001']) expect((await call('/console/api/requests?page=' + page, token)).status, page).toBe(400)
    expect((await call('/console/api/requests?page=2', token)).status).toBe(200)
    expect((await call('/console/api/nothing', token)).status).toBe(404)
    expect((await call('/console/api/requests', token, { method: 'PUT' })).status).toBe(404)
    expect((await call('/console/api/signin', undefined, { body: 'x'.repeat(20000) })).status).toBe(401)
  })
})

describe('periods', () => {
  it('are local dates ending today, from local midnight, across a DST change', () => {
    // 1 Nov 2026, 12:00 in New York: clocks went back at 02:00 that night.
    const now = Date.parse('2026-11-01T17:00:00Z')
    expect(periodStart(now, 'America/New_York', 3)).toEqual({
      since: Date.parse('2026-10-30T04:00:00Z'), // midnight EDT
      dates: ['2026-10-30', '2026-10-31', '2026-11-01']
    })
    expect(periodStart(now, 'Europe/London', 1)).toEqual({ since: Date.parse('2026-11-01T00:00:00Z'), dates: ['2026-11-01'] })
    // 30 Mar 2026, London: the day after the spring change.
    expect(periodStart(Date.parse('2026-03-30T08:00:00Z'), 'Europe/London', 2).since).toBe(Date.parse('2026-03-29T00:00:00Z'))
  })
})
