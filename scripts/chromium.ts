import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { chromium } from '@playwright/test'

/**
 * Flags for headless Chromium as root on machines without internet: no
 * sandbox (root), and none of the background connections that a closed
 * network refuses.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync'
]

/**
 * The Chromium to test with: Playwright's own when it is installed, else the
 * system's (Debian's `chromium` package), else `undefined`.
 */
export function findChromium(): string | undefined {
  const own = chromium.executablePath()
  if (own && existsSync(own)) return own
  for (const candidate of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']) {
    if (candidate && existsSync(candidate)) return candidate
  }
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    try {
      const path = execFileSync('which', [name], { encoding: 'utf8' }).trim()
      if (path) return path
    } catch {
      // Not on the PATH; try the next name.
    }
  }
  return undefined
}
