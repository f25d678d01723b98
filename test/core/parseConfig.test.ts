import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { parseConfig } from '../../src/core/parseConfig'

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
