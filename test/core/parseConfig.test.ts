import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/core/parseConfig'
import { SiteConfig } from '../../src/schema'

const demo = () => JSON.parse(readFileSync('demo/sites.json', 'utf8'))[0].config

describe('parseConfig', () => {
  it('takes a valid config as it is, and reports nothing', () => {
    const reports: string[] = []
    const { config, widgetUsable, problems } = parseConfig(demo(), 'demo', 'US', (_e, code) => reports.push(code))
    expect(config.phone).toEqual({ defaultCountry: 'GB', countries: ['GB', 'IE'] })
    expect(widgetUsable).toBe(true)
    expect(problems).toEqual([])
    expect(reports).toEqual([])
  })

  it('falls back on safe defaults section by section, and reports it once', () => {
    const raw = { ...demo(), widget: { enabled: 'yes', position: 'middle' }, privacy: { consent: 'maybe' }, scheduling: 'soon' }
    const reports: string[] = []
    const report = (error: Error, code: string) => reports.push(code + ': ' + error.message)
    const { config, widgetUsable, problems } = parseConfig(raw, 'demo', 'US', report)
    expect(problems.sort()).toEqual(['privacy', 'scheduling', 'widget'])
    expect(config.privacy).toEqual({ consent: 'required', storage: 'after-consent' })
    expect(config.widget).toMatchObject({ enabled: true, position: 'bottom-right' })
    expect(config.scheduling).toEqual({ slotMinutes: 15, leadMinutes: 10, horizonDays: 7 })
    expect(widgetUsable).toBe(true)
    parseConfig(raw, 'demo', 'US', report)
    expect(reports).toHaveLength(1)
    expect(reports[0]).toMatch(/^config_invalid: .*defaults are used/)
  })

  it('hides the widget when hours or the time zone are unusable, and says so', () => {
    const reports: string[] = []
    const { widgetUsable } = parseConfig({ ...demo(), hours: 'always' }, 'demo', 'US', (e) => reports.push(e.message))
    expect(widgetUsable).toBe(false)
    expect(reports[0]).toMatch(/widget stays hidden/)
    const zone = parseConfig({ ...demo(), business: { name: 'Acme', timeZone: 'Mars/Olympus' } }, 'demo', 'US')
    expect(zone.widgetUsable).toBe(false)
    expect(zone.problems).toContain('business.timeZone')
  })

  it('survives anything that is not an object: defaults, the widget hidden', () => {
    for (const raw of [null, 'config', 42, [], undefined]) {
      const parsed = parseConfig(raw, 'demo', 'GB')
      expect(parsed.widgetUsable).toBe(false)
      expect(parsed.config.phone.defaultCountry).toBe('GB')
    }
  })
})

/**
 * The browser's hand-written check and the contract's zod schema must give
 * the same verdict, and keep the same data, section by section. Every field
 * of both demo configs, and every optional field they leave out, takes each
 * of these values in turn.
 */
describe('parseConfig agrees with the SiteConfig schema', () => {
  // prettier-ignore
  const VALUES: unknown[] = [
    undefined, null, '', 'x', 'x'.repeat(36), 'x'.repeat(101), 'x'.repeat(201), 'x'.repeat(2001), 0, -1, 1, 1.5, 4, 5, 60, 61, 200, 201, 240, 241,
    3600, 3601, 10080, 10081, Number.MAX_SAFE_INTEGER + 2, true, false, 'true', [], {}, ['GB'], ['gb'], ['GB', 'IE'], 'GB', 'gb', 'GBR',
    '#0a7d5a', '#0A7D5A', '#0a7d5', 'red', 'https://acme.example/privacy', ' https://acme.example/p ', 'http://acme.example', 'http://localhost/x',
    'https://127.0.0.1/p', 'ftp://acme.example/p', 'javascript:alert(1)', '//acme.example/p', '09:00', '24:00', '24:01', '9:00', '23:59',
    ['09:00', '17:00'], [['09:00', '17:00']], [['09:00', '17:00', '18:00']], [['09:00']], [['9:00', '17:00']], '2026-12-25', ['2026-12-25'],
    ['25/12/2026'], 'bottom-left', 'bottom-right', 'middle', 'phone', 'chat', 'none', 'auto', 'marked', 'off', 'required', 'notice', 'always',
    'after-consent', 'never', 'Europe/London', 'en', 'de-CH', { x: 0, y: 200 }, { x: 201, y: 0 }, { x: 10 }, { afterSeconds: 0 },
    { afterSeconds: 30, exitIntent: true, scrollPercent: 50 }, { scrollPercent: 101 }, { exitIntent: 'yes' }, { launcher: 'Ring me' },
    { launcher: 5 }, { mon: [['09:00', '17:00']] }, { holiday: [] }, { mon: [] }, { mon: [['09:00', '25:00']] }, ['.a', ''], ['.a', 5]
  ]
  const OPTIONAL: Record<string, string[]> = {
    hours: ['closed'],
    phone: ['countries'],
    widget: ['locale', 'texts', 'offset', 'label', 'icon', 'triggers'],
    forms: ['include', 'exclude', 'confirm'],
    privacy: ['policyUrl', 'consentText']
  }
  const SECTIONS = ['business', 'hours', 'scheduling', 'phone', 'widget', 'forms', 'privacy'] as const

  /** Every path into a section's value, with the optional fields it leaves out. */
  function paths(value: unknown, prefix: string[] = []): string[][] {
    const out: string[][] = [prefix]
    if (value && typeof value === 'object' && !Array.isArray(value)) {
      for (const key of Object.keys(value)) out.push(...paths((value as Record<string, unknown>)[key], [...prefix, key]))
    }
    return out
  }
  function withValue(section: unknown, path: string[], value: unknown): unknown {
    if (!path.length) return value
    const copy = { ...(section as Record<string, unknown>) }
    const [key, ...rest] = path as [string, ...string[]]
    if (!rest.length && value === undefined) delete copy[key]
    else copy[key] = withValue(copy[key], rest, value)
    return copy
  }

  it('on every field of both demo configs, for each of the values above', () => {
    const configs = (JSON.parse(readFileSync('demo/sites.json', 'utf8')) as { config: Record<string, unknown> }[]).map((s) => s.config)
    let cases = 0
    let rejected = 0
    for (const base of configs) {
      for (const name of SECTIONS) {
        const fields = [...paths(base[name]), ...(OPTIONAL[name] || []).map((key) => [key])]
        for (const path of fields) {
          for (const value of VALUES) {
            const section = withValue(base[name], path, value)
            const expected = SiteConfig.shape[name].safeParse(section)
            const { config, problems } = parseConfig({ ...base, [name]: section }, 'demo', 'US')
            const where = `${name}.${path.join('.')} = ${JSON.stringify(value)}`
            expect(problems.includes(name), where).toBe(!expected.success)
            if (expected.success) expect(config[name], where).toEqual(expected.data)
            else rejected++
            cases++
          }
        }
        // Fields the contract does not name are dropped, as zod drops them.
        const extra = { ...(base[name] as object), tracking: 'x' }
        expect(parseConfig({ ...base, [name]: extra }, 'demo', 'US').config[name]).toEqual(SiteConfig.shape[name].parse(extra))
      }
    }
    expect(cases).toBeGreaterThan(5000)
    expect(rejected).toBeGreaterThan(cases / 3)
  })

  it('never copies a __proto__ key, and reads only own properties', () => {
    const raw = JSON.parse(JSON.stringify(demo()).replace('"texts":{}', '"texts":{"__proto__":{"polluted":"yes"},"launcher":"Ring me"}'))
    const { config } = parseConfig(raw, 'demo', 'US')
    expect(config.widget.texts).toEqual({ launcher: 'Ring me' })
    expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    const inherited = Object.create({ privacy: { consent: 'none', storage: 'always' } })
    const { privacy: _, ...rest } = demo()
    expect(parseConfig(Object.assign(inherited, rest), 'demo', 'US').config.privacy).toEqual({ consent: 'required', storage: 'after-consent' })
  })
})
