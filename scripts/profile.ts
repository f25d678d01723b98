// Where the SDK's main-thread time goes: CPU profiles (CDP Profiler) of the demo page at 4x
// throttle, before interaction and from the click to an interactive phone input, summed per
// script URL and per function. A diagnostic for `npm run bench`'s figures, not a test.
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, devices } from '@playwright/test'
import { createReceiver } from '../demo/server/receiver/createReceiver'
import { loadSites } from '../demo/server/receiver/loadSites'
import { createDemoSite } from '../demo/server/site/createDemoSite'
import { CHROMIUM_ARGS, findChromium } from './chromium'

interface Node {
  id: number
  callFrame: { functionName: string; url: string; lineNumber: number }
  children?: number[]
}
interface Profile {
  nodes: Node[]
  samples: number[]
  timeDeltas: number[]
}

function summarise(profile: Profile, label: string, quiet = false): Map<string, number> {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]))
  const self = new Map<number, number>()
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000))
  const byUrl = new Map<string, number>()
  const byFn = new Map<string, number>()
  for (const [id, ms] of self) {
    const f = byId.get(id)!.callFrame
    const url = f.url.replace(/^https?:\/\/[^/]+/, '') || `(${f.functionName || 'native'})`
    byUrl.set(url, (byUrl.get(url) ?? 0) + ms)
    const fn = `${f.functionName || '(anon)'} ${url}:${f.lineNumber}`
    byFn.set(fn, (byFn.get(fn) ?? 0) + ms)
  }
  // Inclusive time: a function's own samples and those of everything it called.
  const parent = new Map<number, number>()
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id)
  const inclusive = new Map<string, number>()
  for (const [id, ms] of self) {
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const f = byId.get(at)!.callFrame
      if (!f.url) continue
      const fn = `${f.functionName || '(anon)'} ${f.url.replace(/^https?:\/\/[^/]+/, '')}:${f.lineNumber}`
      if (seen.has(fn)) continue
      seen.add(fn)
      inclusive.set(fn, (inclusive.get(fn) ?? 0) + ms)
    }
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(1).padStart(7)} ms  ${k}`)
      .join('\n')
  // The call tree of the SDK's own code, where a node and its callees took over 0.4 ms.
  const total = new Map<number, number>()
  const sum = (id: number): number => {
    const n = byId.get(id)!
    const t = (self.get(id) ?? 0) + (n.children ?? []).reduce((a, c) => a + sum(c), 0)
    total.set(id, t)
    return t
  }
  const rootId = profile.nodes[0]!.id
  sum(rootId)
  const tree: string[] = []
  const walk = (id: number, depth: number) => {
    const n = byId.get(id)!
    const f = n.callFrame
    const mine = /ringback|\(program\)/.test(f.url) || depth === 0
    if (depth > 0 && (total.get(id) ?? 0) < 0.4) return
    if (mine && depth > 0 && depth < 40)
      tree.push(`${'  '.repeat(Math.min(depth, 20))}${(total.get(id) ?? 0).toFixed(1)} ${f.functionName || '(anon)'} ${f.url.split('/').pop()}:${f.lineNumber}`)
    for (const c of n.children ?? []) walk(c, depth + 1)
  }
  if (process.env.TREE) walk(rootId, 0)
  if (quiet) return inclusive
  console.log(`\n## ${label}\n${tree.join('\n')}\nby script:\n${top(byUrl, 14)}\nby function (self):\n${top(byFn, 25)}\nby function (inclusive):\n${top(inclusive, 40)}`)
  return inclusive
}

async function main() {
  const throttle = Number(process.env.THROTTLE || 4)
  const dir = mkdtempSync(join(tmpdir(), 'ringback-profile-'))
  const receiver = createReceiver({ dbPath: join(dir, 'p.db'), sites: loadSites('demo/sites.json'), distDir: 'dist' })
  const api = await receiver.listen(0)
  const site = createDemoSite({ apiOrigin: api })
  const url = (await site.listen(0)) + '/'
  receiver.allowOrigin('demo', new URL(url).origin)
  const browser = await chromium.launch({ executablePath: findChromium()!, args: CHROMIUM_ARGS })
  // RUNS=n profiles the page load n times and prints the median inclusive time per function.
  const runs = Number(process.env.RUNS || 1)
  const seen = new Map<string, number[]>()
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ ...devices['Pixel 7'] })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.enable')
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
    await page.goto(url, { waitUntil: 'load' })
    await page.waitForTimeout(4000)
    const load = summarise((await cdp.send('Profiler.stop')).profile as Profile, `load + 4 s settle at ${throttle}x`, runs > 1)
    for (const [fn, ms] of load) seen.set(fn, [...(seen.get(fn) ?? []), ms])
    if (runs === 1) {
      await cdp.send('Profiler.start')
      await page.locator('ringback-widget').locator('button').first().click()
      await page.locator('ringback-widget input[type=tel]').waitFor()
      summarise((await cdp.send('Profiler.stop')).profile as Profile, `click → phone input at ${throttle}x`)
    }
    await context.close()
  }
  if (runs > 1) {
    const median = (values: number[]) => [...values, ...Array(runs - values.length).fill(0)].sort((a, b) => a - b)[runs >> 1]!
    const rows = [...seen].map(([fn, values]) => [fn, median(values)] as const).filter(([, ms]) => ms >= 0.3)
    console.log(
      `## load + 4 s settle at ${throttle}x, median of ${runs} runs, inclusive\n` +
        rows
          .sort((a, b) => b[1] - a[1])
          .slice(0, 50)
          .map(([fn, ms]) => `${ms.toFixed(1).padStart(7)} ms  ${fn}`)
          .join('\n')
    )
  }
  await browser.close()
  await site.close()
  await receiver.dispose()
}

main().catch((e: unknown) => {
  console.error(e)
  process.exit(1)
})
