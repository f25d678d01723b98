import { defineConfig } from '@playwright/test'
import type { EngineName } from './e2e/engines/Tab'

// The visitor's journeys in Firefox and WebKit (e2e/engines/), against the
// same real receiver and pages as the Chromium suite. Playwright runs the
// tests; the browsers are driven by puppeteer-core (Firefox, WebDriver BiDi)
// and selenium-webdriver (WebKitGTK's MiniBrowser, WebDriver classic), as
// Playwright cannot run its own Firefox or WebKit builds here. One worker
// per engine: each starts its browser once and its own servers.
export default defineConfig<{ engineName: EngineName }>({
  testDir: 'e2e/engines',
  outputDir: 'test-results/engines',
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 2,
  retries: 0,
  reporter: [['list']],
  projects: [
    { name: 'firefox', use: { engineName: 'firefox' } },
    { name: 'webkit', use: { engineName: 'webkit' } }
  ]
})
