import { isIPv4, isIPv6 } from 'node:net'

/**
 * Anonymises a client IP before anything stores or logs it, as Google
 * Analytics does: IPv4 keeps its first three octets (the last is zeroed),
 * IPv6 its first 48 bits (the last 80 are zeroed). IPv4-mapped IPv6
 * addresses (`::ffff:203.0.113.7`, how Node reports IPv4 on a dual-stack
 * socket) are treated as the IPv4 address they carry.
 */
export function anonymizeIp(ip: string | undefined): string {
  if (!ip) return ''
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip)
  if (mapped) ip = mapped[1]!
  if (isIPv4(ip)) return ip.replace(/\.\d+$/, '.0')
  if (!isIPv6(ip)) return ''
  const groups = expandIPv6(ip.replace(/%.*$/, ''))
  return (
    groups
      .slice(0, 3)
      .map((g) => g.replace(/^0+(?=.)/, ''))
      .join(':') + '::'
  )
}

/** The eight 16-bit groups of an IPv6 address, `::` expanded. */
function expandIPv6(ip: string): string[] {
  const [head = '', tail] = ip.split('::')
  const left = head ? head.split(':') : []
  const right = tail !== undefined && tail !== '' ? tail.split(':') : []
  const missing = 8 - left.length - right.length
  return [...left, ...Array<string>(tail !== undefined ? missing : 0).fill('0'), ...right].map((g) => g || '0')
}
