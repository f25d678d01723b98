import type { CallbackStatus, Schedule } from '../schema'
import type * as z from 'zod/mini'

/** The channel a request came through: the callback widget or a site form. */
export type Channel = 'widget' | 'form'
/** The widget's two views: call me now, or pick a time. */
export type OpenMode = 'now' | 'schedule'

/**
 * Payloads of the events of embedding.md, by name. The same objects reach
 * `on()` listeners and, as `ringback_<event>` with the phone number masked,
 * the page's `window.dataLayer`.
 */
export interface RingbackEvents {
  /** The SDK has started and the site config has loaded. */
  ready: { siteId: string }
  /** The widget panel opened. */
  open: { mode: OpenMode }
  /** The widget panel closed. */
  close: Record<string, never>
  /** A request was made and handed to the outbox; it may not have been delivered yet. */
  submit: { id: string; channel: Channel; phone: string; schedule: Schedule }
  /** The platform acknowledged a request. */
  success: {
    id: string
    channel: Channel
    status: z.infer<typeof CallbackStatus>
    scheduledFor?: string
    etaSeconds?: number
  }
  /**
   * Something went wrong. `retry` says whether the SDK will try again by
   * itself; when false the request (if any) is given up.
   */
  error: { code: string; message: string; retry: boolean; id?: string; channel?: Channel }
}

export type EventName = keyof RingbackEvents
export type Listener<E extends EventName> = (payload: RingbackEvents[E]) => void
