import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // The receiver's tests start real servers and a SQLite file each: keep them apart.
    pool: 'forks',
    // A time limit is not what these tests assert: some do seconds of CPU work
    // (thousands of configs, scrypt), which a loaded machine stretches past
    // vitest's default 5 s. A hung test still fails.
    testTimeout: 60_000,
    hookTimeout: 60_000
  }
})
