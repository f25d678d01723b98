import { availableParallelism } from 'node:os'
import { createAttemptLimit } from './createAttemptLimit'
import { createSemaphore } from './createSemaphore'

const MINUTE = 60000

export interface SigninLimits {
  /** Failed sign-ins per site and network (anonymised IP): guessing a PIN. */
  perSite: { max: number; windowMs: number }
  /** Failed sign-ins per network across all Client IDs: made-up Client IDs each cost a decoy hash. */
  perNetwork: { max: number; windowMs: number }
  /** PIN hashes at once, and in line; past that a sign-in is refused at once (503). */
  hashing: { running: number; waiting: number }
}

export const DEFAULT_SIGNIN_LIMITS: SigninLimits = {
  perSite: { max: 5, windowMs: 15 * MINUTE },
  perNetwork: { max: 20, windowMs: 15 * MINUTE },
  // One core stays free for the event loop; the thread pool keeps threads for file reads.
  hashing: { running: Math.max(1, Math.min(2, availableParallelism() - 1)), waiting: 8 }
}

export type SigninOutcome =
  | { result: 'ok' }
  | { result: 'wrong' }
  /** Too many failures: `wait` seconds. */
  | { result: 'locked'; wait: number }
  /** Too many PIN checks under way: try again in a moment. */
  | { result: 'busy' }

/**
 * What stands between a sign-in and its PIN check: an attempt is reserved
 * under both limits before the slow hash and settled after it, so that
 * parallel guesses cannot all pass a check made before any failure is
 * counted; then the hash waits for its turn among a few at once.
 */
export function createSigninGuard(limits: SigninLimits, now: () => number) {
  const perSite = createAttemptLimit({ ...limits.perSite, forgetFailures: true }, now)
  const perNetwork = createAttemptLimit(limits.perNetwork, now)
  const hashing = createSemaphore(limits.hashing)

  return {
    /** Runs `check` (the PIN hash: true when right) if the limits allow it. */
    async attempt(siteId: string, network: string, check: () => Promise<boolean>): Promise<SigninOutcome> {
      const site = perSite.reserve(siteId + '\n' + network)
      if (typeof site === 'number') return { result: 'locked', wait: site }
      const net = perNetwork.reserve(network)
      if (typeof net === 'number') {
        site.cancel()
        return { result: 'locked', wait: net }
      }
      const turn = hashing.enter()
      if (!turn) {
        site.cancel()
        net.cancel()
        return { result: 'busy' }
      }
      const release = await turn
      let right = false
      try {
        right = await check()
      } finally {
        release()
        for (const attempt of [site, net]) (right ? attempt.succeed : attempt.fail)()
      }
      return { result: right ? 'ok' : 'wrong' }
    },
    reset(): void {
      perSite.reset()
      perNetwork.reset()
    }
  }
}
export type SigninGuard = ReturnType<typeof createSigninGuard>
