// `npm run bench`: what the SDK costs a page, measured against the same page without it,
// and against the same page with Plausible's tracker (the lightest script in the field).
//
// The demo page is loaded in real Chromium with a phone's viewport, without the SDK, with
// Plausible's tracker and with the SDK, in interleaved rounds (so that drift on a noisy machine hits both alike), once
// unthrottled (where CDP's script time is precise) and once at 4x CPU throttle (where long
// tasks show). It prints medians and the median of the paired differences, and writes
// the table to bench/latest.md, with the measured size of every budgeted file; the notes
// written by hand under NOTES in that file are kept. A benchmark, not a test: it asserts nothing.
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { cpus, tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { type Browser, type CDPSession, chromium, devices, type Page } from '@playwright/test'
import { createReceiver } from '../demo/server/receiver/createReceiver'
import { loadSites, type SiteRecord } from '../demo/server/receiver/loadSites'
import { createDemoSite } from '../demo/server/site/createDemoSite'
import { CHROMIUM_ARGS, findChromium } from './chromium'
import { sizesTable } from './measureSizes'

const ROUNDS = Number(process.env.BENCH_ROUNDS || 9)
/** CPU throttles to run, e.g. BENCH_CPU=4 for a quick look at the throttled figures only. */
const THROTTLES = (process.env.BENCH_CPU || '1,4').split(',').map(Number)
/** Long enough for the SDK's idle work (config, visit, preloads) to have run. */
const SETTLE_MS = 4000

interface Sample {
  bytes: number
  requests: number
  scriptMs: number
  taskMs: number
  longTasks: number
  tbtMs: number
  cls: number
  launcherMs?: number
  heapKb: number
  clickToInputMs?: number
  /** The same for a visitor whose pointer moved about for a second first. */
  movedClickMs?: number
  /** A tap on a phone: from the finger's release (the click) to an interactive phone input. */
  tapMs?: number
}

/**
 * Collected in the page from its first script on: long tasks, layout shifts,
 * the launcher's arrival, the phone input's. Each frame costs every arm the
 * same (one query); the launcher's box is read until it shows and the input
 * is looked for only after the click, so that the watching itself does not
 * add script time to the ringback arm.
 */
const OBSERVE = `
  window.__bench = { longTasks: [], cls: 0, launcher: undefined, clickAt: undefined, releaseAt: undefined, inputAt: undefined }
  new PerformanceObserver((list) => { for (const e of list.getEntries()) __bench.longTasks.push(e.duration) }).observe({ type: 'longtask', buffered: true })
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) __bench.cls += e.value }).observe({ type: 'layout-shift', buffered: true })
  const watch = () => {
    const host = document.querySelector('ringback-widget')
    const root = host && host.shadowRoot
    if (root && __bench.launcher === undefined) {
      const button = root.querySelector('button')
      if (button && button.getBoundingClientRect().width > 0) __bench.launcher = performance.now()
    }
    if (root && __bench.clickAt !== undefined && __bench.inputAt === undefined) {
      const input = root.querySelector('input[type=tel]')
      if (input && input.getBoundingClientRect().width > 0 && !input.disabled) __bench.inputAt = performance.now()
    }
    requestAnimationFrame(watch)
  }
  requestAnimationFrame(watch)
  addEventListener('pointerdown', () => { if (__bench.clickAt === undefined) __bench.clickAt = performance.now() }, true)
  addEventListener('pointerup', () => { if (__bench.releaseAt === undefined) __bench.releaseAt = performance.now() }, true)
`

type Arm = 'without' | 'plausible' | 'with'

/**
 * A fresh context (empty cache) with a phone's viewport, the page loaded and
 * settled under `throttle`, OBSERVE watching from its first script. `prepare`
 * runs on the CDP session before the page loads (metrics, listeners).
 */
async function loadSettled(browser: Browser, url: string, throttle: number, prepare?: (cdp: CDPSession) => Promise<void>) {
  const context = await browser.newContext({ ...devices['Pixel 7'] })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  if (prepare) await prepare(cdp)
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
  await page.addInitScript(OBSERVE)
  await page.goto(url, { waitUntil: 'load' })
  await page.waitForTimeout(SETTLE_MS)
  return { context, page, cdp }
}

/** Ms from the pointer going down (`clickAt`) or up (`releaseAt`) to an interactive phone input (OBSERVE watches). */
async function inputReadyAfter(page: Page, from: 'clickAt' | 'releaseAt'): Promise<number | undefined> {
  type Times = { __bench: Record<'clickAt' | 'releaseAt' | 'inputAt', number | undefined> }
  await page.waitForFunction(() => (window as unknown as Times).__bench.inputAt !== undefined, null, { timeout: 15000 }).catch(() => undefined)
  const t = await page.evaluate(() => (window as unknown as Times).__bench)
  return t[from] !== undefined && t.inputAt !== undefined ? t.inputAt - t[from] : undefined
}

/** Clicks the launcher; ms from the pointer going down to an interactive phone input. */
async function clickToInput(page: Page): Promise<number | undefined> {
  const launcher = page.locator('ringback-widget').locator('button').first()
  if (!(await launcher.count())) return undefined
  await launcher.click()
  return inputReadyAfter(page, 'clickAt')
}

/** How long a quick tap holds the screen: the short end of measured tap durations (80–120 ms). */
const TAP_HOLD_MS = 80

/**
 * A tap on the launcher by a phone's visitor, cold (first thing they do on
 * the page): the finger goes down (`touchstart`, which starts the panel's
 * files), is lifted 80 ms later, and the click follows. Measured from the
 * release, where INP measures a tap from.
 */
async function measureTap(browser: Browser, url: string, throttle: number): Promise<number | undefined> {
  const { context, page, cdp } = await loadSettled(browser, url, throttle)
  const box = await page.locator('ringback-widget').locator('button').first().boundingBox()
  let ms: number | undefined
  if (box) {
    const point = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [point] })
    await page.waitForTimeout(TAP_HOLD_MS)
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] })
    ms = await inputReadyAfter(page, 'releaseAt')
  }
  await context.close()
  return ms
}

/**
 * Click to an interactive phone input for a visitor who has been on the page
 * a moment: the pointer moves about for a second (as it does on the way to
 * any button), then clicks the launcher. The cold click of `measure` is the
 * worst case: pointer moved and clicked at once.
 */
async function measureMovedFirst(browser: Browser, url: string, throttle: number): Promise<number | undefined> {
  const { context, page } = await loadSettled(browser, url, throttle)
  for (let i = 0; i < 10; i++) {
    await page.mouse.move(40 + i * 30, 200 + i * 40)
    await page.waitForTimeout(100)
  }
  const ms = await clickToInput(page)
  await context.close()
  return ms
}

async function measure(browser: Browser, url: string, throttle: number, withSdk: boolean): Promise<Sample> {
  let bytes = 0
  let requests = 0
  const { context, page, cdp } = await loadSettled(browser, url, throttle, async (session) => {
    await session.send('Network.enable')
    await session.send('Performance.enable', { timeDomain: 'timeTicks' })
    session.on('Network.loadingFinished', (event) => {
      bytes += event.encodedDataLength
      requests++
    })
  })
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  await cdp.send('HeapProfiler.collectGarbage')
  const heap = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]))
  const observed = await page.evaluate(() => (window as unknown as { __bench: { longTasks: number[]; cls: number; launcher?: number } }).__bench)
  const sample: Sample = {
    bytes,
    requests,
    scriptMs: (metrics.ScriptDuration ?? 0) * 1000,
    taskMs: (metrics.TaskDuration ?? 0) * 1000,
    longTasks: observed.longTasks.length,
    tbtMs: observed.longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0),
    cls: observed.cls,
    launcherMs: observed.launcher,
    heapKb: (heap.JSHeapUsedSize ?? 0) / 1024
  }
  // The cold click: the pointer moves to the launcher and clicks at once.
  if (withSdk) sample.clickToInputMs = await clickToInput(page)
  await context.close()
  return sample
}

const median = (values: number[]) => {
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b)
  if (!sorted.length) return NaN
  const mid = sorted.length >> 1
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2
}

async function main() {
  const executablePath = findChromium()
  if (!executablePath) throw new Error('No Chromium found: apt-get install -y chromium, or set CHROMIUM_PATH')
  const dir = mkdtempSync(join(tmpdir(), 'ringback-bench-'))
  const receiver = createReceiver({ dbPath: join(dir, 'bench.db'), sites: closedToday(loadSites('demo/sites.json')), distDir: 'dist' })
  const api = await receiver.listen(0)
  const withSite = createDemoSite({ apiOrigin: api })
  const withoutSite = createDemoSite({ apiOrigin: api, sdk: false })
  const plausibleSite = createDemoSite({ apiOrigin: api, sdk: false, root: plausibleRoot(dir) })
  const urls: Record<Arm, string> = {
    with: (await withSite.listen(0)) + '/',
    without: (await withoutSite.listen(0)) + '/',
    plausible: (await plausibleSite.listen(0)) + '/'
  }
  receiver.allowOrigin('demo', new URL(urls.with).origin)
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS })

  const rows: string[] = []
  const line = (cells: (string | number)[]) => '| ' + cells.join(' | ') + ' |'
  const fmt = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—')
  const arms: Arm[] = ['without', 'plausible', 'with']
  for (const throttle of THROTTLES) {
    const rounds: Record<Arm, Sample>[] = []
    for (let round = 0; round < ROUNDS; round++) {
      // Rotate the order, so that warm-up and drift do not favour one side.
      const round_: Partial<Record<Arm, Sample>> = {}
      for (let i = 0; i < arms.length; i++) {
        const arm = arms[(i + round) % arms.length]!
        round_[arm] = await measure(browser, urls[arm], throttle, arm === 'with')
      }
      round_.with!.movedClickMs = await measureMovedFirst(browser, urls.with, throttle)
      round_.with!.tapMs = await measureTap(browser, urls.with, throttle)
      rounds.push(round_ as Record<Arm, Sample>)
      process.stdout.write(`\r${throttle}x throttle: round ${round + 1}/${ROUNDS}`)
    }
    process.stdout.write('\n')
    const metric = (name: string, pick: (s: Sample) => number | undefined, digits = 1, paired = true) => {
      const of = (arm: Arm) => rounds.map((r) => pick(r[arm]) ?? NaN)
      const diff = (arm: Arm, base: Arm = 'without') => rounds.map((r) => (pick(r[arm]) ?? NaN) - (pick(r[base]) ?? NaN))
      rows.push(
        line([
          `${throttle}x`,
          name,
          fmt(median(of('without')), digits),
          fmt(median(of('plausible')), digits),
          fmt(median(of('with')), digits),
          paired ? fmt(median(diff('plausible')), digits) : '—',
          paired ? fmt(median(diff('with')), digits) : '—',
          paired ? fmt(median(diff('with', 'plausible')), digits) : '—'
        ])
      )
    }
    metric('bytes transferred (all responses)', (s) => s.bytes, 0)
    metric('requests', (s) => s.requests, 0)
    metric('script time, ms (CDP ScriptDuration)', (s) => s.scriptMs)
    metric('main-thread task time, ms', (s) => s.taskMs)
    metric('long tasks (> 50 ms)', (s) => s.longTasks, 0)
    metric('total blocking time, ms', (s) => s.tbtMs)
    metric('CLS', (s) => s.cls, 3)
    metric('JS heap after GC, KiB', (s) => s.heapKb)
    metric('launcher visible, ms after navigation start', (s) => s.launcherMs, 0, false)
    metric('click → interactive phone input, cold (pointer moved and clicked at once), ms', (s) => s.clickToInputMs, 0, false)
    metric('click → interactive phone input, pointer moved about for 1 s first, ms', (s) => s.movedClickMs, 0, false)
    metric(`tap (finger down ${TAP_HOLD_MS} ms, cold) → interactive phone input, from the release, ms`, (s) => s.tapMs, 0, false)
  }
  await browser.close()
  await withSite.close()
  await withoutSite.close()
  await plausibleSite.close()
  await receiver.dispose()

  const cpu = cpus()[0]?.model.trim() || 'unknown CPU'
  const header = [
    `# ringback page-cost benchmark`,
    ``,
    `${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpu} · Node ${process.version} · ${executablePath}`,
    `Demo home page, Pixel 7 viewport, a new browser context (empty cache) per load, ${ROUNDS} interleaved rounds per throttle, ${SETTLE_MS} ms settle.`,
    `The business is closed for the day in the demo's config (a holiday), so the panel opens on its heavier view: the next working day's slots.`,
    `Bytes are over plain http on loopback (Chromium asks for gzip, not brotli, without TLS).`,
    ``,
    `Plausible: @plausible-analytics/tracker ${plausibleVersion()} (npm), page views captured, its event endpoint answering 404 on loopback.`,
    `Differences are medians of the per-round (paired) differences: against the page without any script, and ringback against Plausible.`,
    ``,
    line(['CPU', 'metric', 'without (median)', 'Plausible (median)', 'ringback (median)', 'Plausible − without', 'ringback − without', 'ringback − Plausible']),
    line(['---', '---', '---:', '---:', '---:', '---:', '---:', '---:'])
  ]
  const table = [...header, ...rows, ''].join('\n')
  mkdirSync('bench', { recursive: true })
  writeFileSync('bench/latest.md', [table, sizesTable(), keptNotes()].join('\n'))
  console.log('\n' + table)
  console.log('Written to bench/latest.md')
}

/** The heading of the hand-written reading of the figures in bench/latest.md: a run keeps it and all below it. */
const NOTES = '## Reading'

function keptNotes(): string {
  const file = 'bench/latest.md'
  const text = existsSync(file) ? readFileSync(file, 'utf8') : ''
  const at = text.indexOf('\n' + NOTES)
  return at < 0 ? '' : text.slice(at + 1)
}

/**
 * Whatever the hour of the run, the click opens the heavier of the panel's
 * views: today is a holiday in the demo's config, so the business is closed
 * and the panel offers the next working day's slots.
 */
function closedToday(sites: SiteRecord[]): SiteRecord[] {
  return sites.map((site) => {
    const { hours, business } = site.config
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: business.timeZone }).format(new Date())
    return { ...site, config: { ...site.config, hours: { ...hours, closed: [...(hours.closed || []), today] } } }
  })
}

const require = createRequire(import.meta.url)
const plausibleFile = () => require.resolve('@plausible-analytics/tracker')
const plausibleVersion = () => (JSON.parse(readFileSync(join(dirname(plausibleFile()), 'package.json'), 'utf8')) as { version: string }).version

/** The demo site with Plausible's tracker in place of the SDK: the reference for "costs nothing". */
function plausibleRoot(dir: string): string {
  const root = join(dir, 'plausible-site')
  cpSync('demo/site', root, { recursive: true })
  copyFileSync(plausibleFile(), join(root, 'plausible.js'))
  writeFileSync(
    join(root, 'plausible-init.js'),
    "import { init } from './plausible.js'\ninit({ domain: 'acme.example', endpoint: '/api/event', captureOnLocalhost: true, logging: false })\n"
  )
  const index = join(root, 'index.html')
  writeFileSync(index, readFileSync(index, 'utf8').replace('</head>', '  <script type="module" src="/plausible-init.js"></script>\n</head>'))
  return root
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
