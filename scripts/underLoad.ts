// Runs a command on a loaded machine: beside it, one busy loop per core,
// each ending by itself after UNDER_LOAD_MINUTES (default 45) and ended as
// soon as the command is. A suite that passes only on an idle machine fails
// in CI the day other work runs beside it.
//
//   npx tsx scripts/underLoad.ts npm test
import { type ChildProcess, spawn } from 'node:child_process'
import { availableParallelism } from 'node:os'

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error('usage: tsx scripts/underLoad.ts <command> [args...]')
  process.exit(2)
}
const ms = Number(process.env.UNDER_LOAD_MINUTES || 45) * 60_000
const hogs: ChildProcess[] = []
for (let i = 0; i < availableParallelism(); i++) {
  hogs.push(spawn(process.execPath, ['-e', `const end = Date.now() + ${ms}; while (Date.now() < end);`], { stdio: 'ignore' }))
}
const stop = () => {
  for (const hog of hogs) hog.kill()
}
console.log(`under load: ${hogs.length} busy loops (at most ${ms / 60_000} min) beside: ${[command, ...args].join(' ')}`)
const run = spawn(command, args, { stdio: 'inherit' })
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => run.kill(signal))
run.on('exit', (code, signal) => {
  stop()
  process.exit(code ?? (signal ? 1 : 0))
})
