import { defineConfig, devices } from '@playwright/test'
import { CHROMIUM_ARGS, findChromium } from './scripts/chromium'

// Each worker starts its own reference receiver and demo site on free
// ports (e2e/fixtures.ts), so workers never share state.
export default defineConfig({
  testDir: 'e2e',
  // Firefox and WebKit: playwright.engines.config.ts.
  testIgnore: /\/e2e\/engines\//,
  outputDir: 'test-results',
  // Time limits only catch a hang: no test asserts how long anything took.
  // Other work on the machine (load 34 on 2 cores) stretched a two-sign-in
  // console journey past 60 s; waits for a state get more room too.
  timeout: 120_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: process.env.CI ? 2 : 2,
  retries: 0,
  reporter: [['list'], ['html', { open: 'never', outputFolder: 'playwright-report' }]],
  use: {
    ...devices['Desktop Chrome'],
    launchOptions: { executablePath: findChromium(), args: CHROMIUM_ARGS },
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure'
  }
})
