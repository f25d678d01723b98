import { type ChildProcess, spawn } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { Builder, Key as Keys, type WebDriver, type WebElement } from 'selenium-webdriver'
import { findMiniBrowser, missingEngines } from '../../scripts/engines'
import type { Engine, Handle, Key, Tab } from './Tab'

const KEYS: Record<Exclude<Key, 'Shift+Tab'>, string> = {
  Tab: Keys.TAB,
  Enter: Keys.ENTER,
  Space: Keys.SPACE,
  Escape: Keys.ESCAPE,
  ArrowDown: Keys.ARROW_DOWN
}

/** A port free a moment ago (WebKitWebDriver cannot pick its own). */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number }
      server.close(() => resolve(port))
    })
  })

/** Waits for the driver to answer `/status`, or for it to have died. */
async function ready(url: string, driver: ChildProcess): Promise<boolean> {
  for (let i = 0; i < 300 && driver.exitCode === null; i++) {
    try {
      const status = (await (await fetch(url + '/status')).json()) as { value?: { ready?: boolean } }
      if (status.value && status.value.ready) return true
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return false
}

/**
 * WebKitGTK's MiniBrowser, driven by WebKitWebDriver (W3C WebDriver classic)
 * with selenium-webdriver, under xvfb-run: a real display, so focus and key
 * presses behave as on a desktop. One driver per worker; each tab is a new
 * session, a new MiniBrowser with its own (ephemeral) storage.
 */
export async function launchWebKit(env: Record<string, string>): Promise<Engine> {
  const missing = missingEngines().filter((line) => !line.startsWith('Firefox'))
  if (missing.length) throw new Error(missing.join('; '))
  const binary = findMiniBrowser()
  let driver: ChildProcess | undefined
  let url = ''
  const start = async () => {
    if (driver) kill(driver)
    url = ''
    // Another process may take the free port before the driver does: try again on another.
    for (let attempt = 0; attempt < 3 && !url; attempt++) {
      const port = await freePort()
      // Its own process group, so that closing ends xvfb-run, Xvfb, the driver and MiniBrowser together.
      driver = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', '--port=' + port], {
        detached: true,
        stdio: 'ignore',
        env: { ...process.env, ...env }
      })
      if (await ready('http://127.0.0.1:' + port, driver)) url = 'http://127.0.0.1:' + port
      else kill(driver)
    }
    if (!url) throw new Error('WebKitWebDriver did not start under xvfb-run.')
  }
  await start()
  const capabilities = {
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary, args: ['--automation'] }
  }
  let version = 'MiniBrowser'
  return {
    name: 'webkit',
    get version() {
      return version
    },
    async newTab() {
      // On a loaded machine a new session now and then never answers (the
      // driver waits on a MiniBrowser that did not come up): give it a
      // bounded time, then start the driver afresh and try once more.
      for (let attempt = 1; ; attempt++) {
        const opening = new Builder().usingServer(url).withCapabilities(capabilities).build()
        let timer: ReturnType<typeof setTimeout> | undefined
        const timeout = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('WebKitWebDriver did not open a session in 45 s')), 45_000)
        })
        try {
          const session = await Promise.race([opening, timeout])
          version = 'WebKitGTK ' + (await session.getCapabilities()).getBrowserVersion()
          await session.manage().window().setRect({ width: 1280, height: 800 })
          return webkitTab(session)
        } catch (error) {
          // The abandoned session dies with its driver.
          Promise.resolve(opening).catch(() => undefined)
          if (attempt >= 2) throw error
          await start()
        } finally {
          clearTimeout(timer)
        }
      }
    },
    async close() {
      kill(driver!)
    }
  }
}

function kill(process_: ChildProcess) {
  try {
    process.kill(-process_.pid!, 'SIGTERM')
  } catch {
    // Gone already.
  }
}

function webkitTab(driver: WebDriver): Tab {
  const element = (handle: Handle) => handle as unknown as WebElement
  return {
    goto: (url) => driver.get(url),
    url: () => driver.getCurrentUrl(),
    // WebDriver waits for a promise the script returns to settle.
    run: (expression) => driver.executeScript(`return ${expression}`),
    handle: (expression) => driver.executeScript(`return ${expression}`) as Promise<Handle | null>,
    async click(handle) {
      // WebKitWebDriver's element click neither scrolls a scrolling box in
      // a shadow root (the panel) nor accepts that the hit test finds the
      // shadow host: scroll the element to the middle, as a person would,
      // then press the pointer there.
      await driver.executeScript("arguments[0].scrollIntoView({ block: 'center' })", element(handle))
      await driver
        .actions()
        .move({ origin: element(handle) })
        .click()
        .perform()
    },
    type: (text) => driver.actions().sendKeys(text).perform(),
    press: (key) =>
      key === 'Shift+Tab' ? driver.actions().keyDown(Keys.SHIFT).sendKeys(Keys.TAB).keyUp(Keys.SHIFT).perform() : driver.actions().sendKeys(KEYS[key]).perform(),
    async screenshot(path) {
      // After two frames, so that what the DOM holds is painted.
      await driver.executeScript('return new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))')
      writeFileSync(path, Buffer.from(await driver.takeScreenshot(), 'base64'))
    },
    // WebDriver classic has no console log for WebKit: the recorder's entries are all there is.
    problems: () => driver.executeScript('return window.__enginesLog ? window.__enginesLog() : []'),
    close: () => driver.quit()
  }
}
