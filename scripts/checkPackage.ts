/**
 * The built package as an application meets it (run after `npm run build`,
 * after arethetypeswrong has checked the packed tarball's type resolution):
 *  1. an application's code (test/package/) compiles with `ringback` in its
 *     node_modules under `moduleResolution` node16, nodenext and bundler,
 *     and each misuse it marks fails to compile;
 *  2. importing each entry point in Node, as server-side rendering does,
 *     throws nothing and adds no global (but zod's own registry, which
 *     `ringback/schema` brings with zod).
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(import.meta.dirname, '..')
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc')
const ENTRIES = ['ringback', 'ringback/forms', 'ringback/schema']

/** Each resolution mode with the module kind it goes with, and the files it compiles. */
const MODES = {
  node16: { module: 'node16', files: ['consumer.ts', 'consumer.cts'] },
  nodenext: { module: 'nodenext', files: ['consumer.ts', 'consumer.cts'] },
  bundler: { module: 'esnext', files: ['consumer.ts'] }
}

const app = mkdtempSync(join(tmpdir(), 'ringback-consumer-'))
let failed = false
try {
  writeFileSync(join(app, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  mkdirSync(join(app, 'node_modules'))
  symlinkSync(ROOT, join(app, 'node_modules', 'ringback'), 'dir')
  for (const file of ['consumer.ts', 'consumer.cts']) copyFileSync(join(ROOT, 'test', 'package', file), join(app, file))

  for (const [resolution, { module, files }] of Object.entries(MODES)) {
    const config = `tsconfig.${resolution}.json`
    const compilerOptions = {
      module,
      moduleResolution: resolution,
      target: 'es2022',
      lib: ['es2022', 'dom'],
      types: [],
      strict: true,
      noEmit: true,
      // Our declaration files are checked too, not taken on trust.
      skipLibCheck: false
    }
    writeFileSync(join(app, config), JSON.stringify({ compilerOptions, files }))
    try {
      execFileSync(process.execPath, [TSC, '-p', config], { cwd: app, encoding: 'utf8', stdio: 'pipe' })
      console.log(`✔ types under moduleResolution ${resolution}`)
    } catch (error) {
      failed = true
      console.error(`✘ types under moduleResolution ${resolution}:\n${(error as { stdout?: string }).stdout || error}`)
    }
  }

  const ssr = `
    const before = new Set(Object.getOwnPropertyNames(globalThis))
    for (const name of ${JSON.stringify(ENTRIES)}) await import(name)
    const added = Object.getOwnPropertyNames(globalThis).filter((key) => !before.has(key) && !key.startsWith('__zod_'))
    if (added.length) throw new Error('importing added globals: ' + added.join(', '))`
  try {
    execFileSync(process.execPath, ['--input-type=module', '-e', ssr], { cwd: app, encoding: 'utf8', stdio: 'pipe' })
    console.log(`✔ ${ENTRIES.join(', ')} import in Node without a side effect`)
  } catch (error) {
    failed = true
    console.error(`✘ importing in Node:\n${(error as { stderr?: string }).stderr || error}`)
  }
} finally {
  rmSync(app, { recursive: true, force: true })
}
process.exit(failed ? 1 : 0)
