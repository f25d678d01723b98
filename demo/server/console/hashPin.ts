import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto'

/**
 * scrypt with N = 2^15: about a tenth of a second and 32 MiB per guess, so that a
 * leaked sites file cannot be brute-forced over the small space of PINs at
 * GPU speed. The parameters are fixed here; a stored hash is
 * `scrypt$<salt>$<hash>` in base64url.
 */
const PARAMS = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
const KEY_LENGTH = 32

const derive = (pin: string, salt: Buffer) =>
  new Promise<Buffer>((resolve, reject) => scrypt(pin.normalize('NFKC'), salt, KEY_LENGTH, PARAMS, (error, key) => (error ? reject(error) : resolve(key))))

/** Hashes an access PIN for the sites file. */
export async function hashPin(pin: string): Promise<string> {
  const salt = randomBytes(16)
  return `scrypt$${salt.toString('base64url')}$${(await derive(pin, salt)).toString('base64url')}`
}

/** A hash of nothing anyone can type: checked when the site is unknown, so that both answers take as long. */
const DECOY = `scrypt$${Buffer.alloc(16).toString('base64url')}$${Buffer.alloc(KEY_LENGTH).toString('base64url')}`

/** True when `pin` matches `stored` (compared in constant time); false for a missing or malformed hash. */
export async function verifyPin(pin: string, stored: string | undefined): Promise<boolean> {
  const [scheme, salt, hash] = (stored || DECOY).split('$')
  const expected = Buffer.from(hash || '', 'base64url')
  if (scheme !== 'scrypt' || !salt || expected.length !== KEY_LENGTH) {
    await derive(pin, Buffer.alloc(16))
    return false
  }
  const actual = await derive(pin, Buffer.from(salt, 'base64url'))
  return timingSafeEqual(actual, expected) && stored !== undefined
}
