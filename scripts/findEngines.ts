// Fails the engine suites early, saying what to install, when Firefox or WebKit is missing.
import { findFirefox, findMiniBrowser, missingEngines } from './engines'

const missing = missingEngines()
if (missing.length) {
  console.error(['The Firefox and WebKit suites need:', ...missing.map((line) => '  ' + line)].join('\n'))
  process.exit(1)
}
console.log(`Engine suites use ${findFirefox()} and ${findMiniBrowser()} (WebKitWebDriver under xvfb-run)`)
