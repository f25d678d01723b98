import { PREFIX, type Store } from './safeStorage'
import type { SwitchableStore } from './switchableStore'

const CONSENT_KEY = PREFIX + 'consent'

/**
 * Where the SDK may keep things, as the browser, the site config and the visitor decide.
 *
 * Its fields start with `_`: they never leave the first file, whose build
 * gives them one-letter names (rollup.config.mjs).
 */
export interface Privacy {
  /** Whether the site config's storage mode is known yet. */
  _known(): boolean
  /** The site config's `privacy.storage` (unchecked) has arrived. */
  _mode(storageMode: unknown): void
  /** The visitor's choice on the site's consent banner (`false` too once they asked to be forgotten). */
  _consent(granted: boolean): void
}

/**
 * The privacy state machine. Until the config says otherwise, unsent
 * requests persist (they are the visitor's own request) unless the browser
 * signals GPC, and the visit does not (that needs the site's say). Then: GPC
 * or `never`, nothing persists; `always`, unless the banner said no on this
 * page; `after-consent`, once the banner said yes, remembered as a key.
 */
export function createPrivacy(local: Store, gpc: boolean, outboxStore: SwitchableStore, visitStore: SwitchableStore): Privacy {
  let storageMode: unknown
  let consented: boolean | undefined

  const apply = () => {
    if (storageMode === undefined) return
    if (consented === undefined && local.get(CONSENT_KEY)) consented = true
    const open = !gpc && storageMode !== 'never'
    const persist = open && (storageMode === 'always' ? consented !== false : !!consented)
    if (persist && storageMode !== 'always') local.set(CONSENT_KEY, '1')
    else local.remove(CONSENT_KEY)
    visitStore.persist(persist)
    outboxStore.persist(open)
  }

  return {
    _known: () => storageMode !== undefined,
    _mode(value) {
      storageMode = value
      apply()
    },
    _consent(granted) {
      consented = granted
      apply()
    }
  }
}
