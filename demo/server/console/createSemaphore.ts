/**
 * At most `running` tasks at once and `waiting` more in line; past that,
 * `enter` refuses at once (undefined) instead of queueing without bound.
 * The PIN hash uses it: scrypt runs on libuv's few worker threads, the same
 * threads that read the SDK's files from disk, so a flood of sign-ins must
 * never hold them all.
 */
export function createSemaphore(limit: { running: number; waiting: number }) {
  let running = 0
  const line: (() => void)[] = []
  const release = () => {
    const next = line.shift()
    if (next) next()
    else running--
  }
  return {
    /** Resolves with a release function once the task may run; undefined when the line is full. */
    enter(): Promise<() => void> | undefined {
      let released = false
      const once = () => {
        if (released) return
        released = true
        release()
      }
      if (running < limit.running) {
        running++
        return Promise.resolve(once)
      }
      if (line.length >= limit.waiting) return undefined
      return new Promise((resolve) => line.push(() => resolve(once)))
    }
  }
}
