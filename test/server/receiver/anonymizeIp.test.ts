import { describe, expect, it } from 'vitest'
import { anonymizeIp } from '../../../demo/server/receiver/anonymizeIp'

describe('anonymizeIp', () => {
  it.each([
    ['203.0.113.195', '203.0.113.0'],
    ['127.0.0.1', '127.0.0.0'],
    ['::ffff:198.51.100.23', '198.51.100.0'],
    ['2001:db8:85a3:8d3:1319:8a2e:370:7348', '2001:db8:85a3::'],
    ['2001:0db8:0000:0000:0000:ff00:0042:8329', '2001:db8:0::'],
    ['2a00:1450:4009:81f::200e', '2a00:1450:4009::'],
    ['::1', '0:0:0::'],
    ['fe80::1%eth0', 'fe80:0:0::'],
    ['not an ip', ''],
    [undefined, '']
  ])('%s → %s', (ip, expected) => {
    expect(anonymizeIp(ip)).toBe(expected)
  })
})
