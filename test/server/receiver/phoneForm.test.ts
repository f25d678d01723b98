import { describe, expect, it } from 'vitest'
import { request, startEachTest } from './startReceiver'

const start = startEachTest()

describe('numbers are stored as libphonenumber-js formats them', () => {
  it('a stray national 0 is stored, limited, erased and shown as the one E.164 number it is', async () => {
    const r = await start({ limits: { perNumber: 3, perIp: 100, perSite: 100 } })
    const first = request({ phone: '+4407400300001' })
    expect((await r.post(first)).status).toBe(201)
    expect(r.receiver.db.get(first.id)!.request.phone).toBe('+447400300001')
    expect((r.receiver.db.db.prepare('SELECT phone FROM requests WHERE id = ?').get(first.id) as { phone: string }).phone).toBe('+447400300001')
    // The same line in either form: three calls in all, not three more.
    expect((await r.post(request({ phone: '+447400300001' }))).status).toBe(201)
    expect((await r.post(request({ phone: '+4407400300001' }))).status).toBe(201)
    const limited = await r.post(request({ phone: '+4407400300001' }))
    expect(limited.status).toBe(429)
    expect((await r.post(request({ phone: '+447400300001' }))).status).toBe(429)

    const signin = await fetch(r.origin + '/console/api/signin', { method: 'POST', body: JSON.stringify({ siteId: 'demo', pin: '482913' }) })
    const token = ((await signin.json()) as { token: string }).token
    const auth = { Authorization: 'Bearer ' + token, 'Content-Type': 'application/json' }
    const list = (await (await fetch(r.origin + '/console/api/requests', { headers: auth })).json()) as { rows: { phone: string }[] }
    expect(list.rows.map((row) => row.phone)).toEqual(['+44740•••0001', '+44740•••0001', '+44740•••0001'])
    // What the owner types, in national form, erases every one of them.
    const erased = await fetch(r.origin + '/console/api/erase', { method: 'POST', headers: auth, body: JSON.stringify({ phone: '07400 300001' }) })
    expect(await erased.json()).toEqual({ deleted: 3 })
    expect(r.receiver.db.listBySite('demo')).toEqual([])
  })

  it('a replay in the other form of the same number is the same request', async () => {
    const r = await start()
    const body = request({ phone: '+3530851234567' })
    expect((await r.post(body)).status).toBe(201)
    expect((await r.post({ ...body, phone: '+353851234567' })).status).toBe(200)
    expect(r.receiver.db.get(body.id)!.request.phone).toBe('+353851234567')
  })

  it('rows stored before are normalised when the database is opened', async () => {
    const a = await start()
    const old = request({ phone: '+4407400300001' })
    a.receiver.db.db
      .prepare(
        "INSERT INTO requests (id, site_id, hash, body, response, phone, channel, status, created_at, ip) VALUES (?, 'demo', 'h', ?, '{}', ?, 'widget', 'calling', ?, '')"
      )
      .run(old.id, JSON.stringify(old), old.phone, a.clock.now)
    a.receiver.db.db.pragma('user_version = 0')
    await a.receiver.close()
    const b = await start({ dbPath: a.dbPath })
    expect(b.receiver.db.get(old.id)!.request.phone).toBe('+447400300001')
    expect((b.receiver.db.db.prepare('SELECT phone FROM requests WHERE id = ?').get(old.id) as { phone: string }).phone).toBe('+447400300001')
  })
})
