import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
    environment: 'node',
    // The receiver's tests start real servers and a SQLite file each: keep them apart.
    pool: 'forks'
  }
})
