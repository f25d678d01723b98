import { writeFileSync } from 'node:fs'
import puppeteer, { type ElementHandle, type KeyInput, type Page } from 'puppeteer-core'
import { findFirefox, missingEngines } from '../../scripts/engines'
import type { Engine, Handle, Key, Tab } from './Tab'

const KEYS: Record<Exclude<Key, 'Shift+Tab'>, KeyInput> = {
  Tab: 'Tab',
  Enter: 'Enter',
  Space: ' ',
  Escape: 'Escape',
  ArrowDown: 'ArrowDown'
}

/**
 * Firefox over WebDriver BiDi with puppeteer-core, which speaks it to
 * Firefox's own remote agent (no geckodriver, which would be a download).
 * Each tab lives in a browser context of its own: its own storage.
 */
export async function launchFirefox(env: Record<string, string>): Promise<Engine> {
  const executablePath = findFirefox()
  if (!executablePath) throw new Error(missingEngines().join('; '))
  // The window's own size, not page.setViewport: puppeteer sets a viewport with a screen orientation
  // too, a BiDi command Firefox ESR 140 (what Debian's firefox-esr may be) does not know.
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    defaultViewport: null,
    args: ['--width=1280', '--height=800'],
    env: { ...process.env, ...env }
  })
  return {
    name: 'firefox',
    version: await browser.version(),
    async newTab() {
      const context = await browser.createBrowserContext()
      const page = await context.newPage()
      return firefoxTab(page, () => context.close())
    },
    close: () => browser.close()
  }
}

function firefoxTab(page: Page, close: () => Promise<void>): Tab {
  // The engine's own console and uncaught errors, across navigations.
  const heard: string[] = []
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warn') heard.push(`console.${message.type()}: ${message.text()} (${message.location().url || ''})`)
  })
  page.on('pageerror', (error) => heard.push('pageerror: ' + String((error as Error).stack || error)))
  const element = (handle: Handle) => handle as unknown as ElementHandle<Element>
  return {
    async goto(url) {
      await page.goto(url, { waitUntil: 'load' })
    },
    url: async () => page.url(),
    run: (expression) => page.evaluate(expression) as Promise<never>,
    async handle(expression) {
      const handle = await page.evaluateHandle(expression)
      const found = handle.asElement()
      if (!found) await handle.dispose()
      return found as unknown as Handle | null
    },
    click: (handle) => element(handle).click(),
    type: (text) => page.keyboard.type(text),
    async press(key) {
      if (key !== 'Shift+Tab') return page.keyboard.press(KEYS[key])
      await page.keyboard.down('Shift')
      await page.keyboard.press('Tab')
      await page.keyboard.up('Shift')
    },
    async screenshot(path) {
      writeFileSync(path, await page.screenshot())
    },
    async problems() {
      const recorded = await page.evaluate('window.__enginesLog ? window.__enginesLog() : []').catch(() => [])
      return [...(recorded as string[]), ...heard.splice(0)]
    },
    close
  }
}
