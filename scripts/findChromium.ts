// Fails the test run early, with a message saying what to do, when there is no browser to test in.
import { findChromium } from './chromium'

const path = findChromium()
if (!path) {
  console.error(
    [
      'No Chromium found for the browser tests.',
      "Playwright's own browser is not installed and there is no system Chromium.",
      'Install one:  apt-get install -y chromium   (Debian/Ubuntu)',
      '          or  npx playwright install chromium   (where downloads work)',
      'or point CHROMIUM_PATH at a Chromium or Chrome binary.'
    ].join('\n')
  )
  process.exit(1)
}
console.log('Browser tests use ' + path)
