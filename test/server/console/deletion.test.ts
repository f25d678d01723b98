import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { demoRequest, startConsole } from './consoleHarness'

const DAY = 24 * 3600000

/** Every byte SQLite keeps on disk for the database: the file, its write-ahead log and the shared-memory index. */
function bytesOnDisk(dbPath: string): Buffer {
  return Buffer.concat(['', '-wal', '-shm', '-journal'].map((suffix) => (existsSync(dbPath + suffix) ? readFileSync(dbPath + suffix) : Buffer.alloc(0))))
}

/** A lead whose number and page title can be looked for in the raw bytes. */
const lead = (phone: string, marker: string) => demoRequest({ phone, page: { url: 'https://acme.example/boilers?ref=' + marker, title: 'Boiler service ' + marker } })

describe('deleted data leaves the database file', () => {
  it('erase by number, delete one, delete all and the retention purge leave neither the number nor the payload in the db or -wal file', async () => {
    const c = await startConsole()
    const token = await c.session('demo')
    const erased = lead('+447400300001', 'Quercus-erased-1')
    const deletedOne = lead('+447400300002', 'Quercus-deleted-2')
    const expired = lead('+447400300003', 'Quercus-expired-3')
    const kept = lead('+447400300004', 'Quercus-kept-4')
    await c.seed(erased, deletedOne, kept)
    c.store(expired, c.clock.now - 100 * DAY)
    const has = (text: string) => bytesOnDisk(c.dbPath).includes(Buffer.from(text))
    for (const text of ['447400300001', 'Quercus-erased-1', '447400300002', 'Quercus-deleted-2', 'Quercus-expired-3', 'Quercus-kept-4']) {
      expect(has(text), text + ' is stored').toBe(true)
    }

    const erase = await c.call('/console/api/erase', token, { body: { phone: '07400 300001' } })
    expect(await erase.json()).toEqual({ deleted: 1 })
    expect(has('447400300001')).toBe(false)
    expect(has('Quercus-erased-1')).toBe(false)

    expect((await c.call('/console/api/requests/' + deletedOne.id, token, { method: 'DELETE' })).status).toBe(200)
    expect(has('447400300002')).toBe(false)
    expect(has('Quercus-deleted-2')).toBe(false)

    expect(c.receiver.console.purge()).toBe(1)
    expect(has('447400300003')).toBe(false)
    expect(has('Quercus-expired-3')).toBe(false)

    // What was not deleted is still there.
    expect(has('447400300004')).toBe(true)
    expect(has('Quercus-kept-4')).toBe(true)
    expect((await c.call('/console/api/data?confirm=demo', token, { method: 'DELETE' })).status).toBe(200)
    expect(has('447400300004')).toBe(false)
    expect(has('Quercus-kept-4')).toBe(false)
  })
})
