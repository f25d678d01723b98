import { presentRow, type PresentedRow } from './presentRow'
import type { ConsoleRow } from './openConsoleDb'

/** Name and value, in a fixed order: visitor data as a list, never as an object whose keys the visitor chose. */
export type Pair = [string, string]

/** Everything the console shows of one request: the list's row plus what the visitor typed and where they came from. */
export interface LeadDetail extends PresentedRow {
  /** What the visitor typed into the fields mapped to name, email and message. */
  contact: { name?: string; email?: string; message?: string }
  form?: { id?: string; name?: string; action?: string }
  pageReferrer?: string
  utm: Pair[]
  clickIds: Pair[]
  landingPage?: string
  firstSeenAt?: string
  /** Device type, vendor and model, system, browser, as labelled pairs. */
  deviceDetail: Pair[]
  locale?: string
  timeZone?: string
  /** The visitor's clock when they asked. */
  requestedAt: string
  consent?: { granted: boolean; text?: string }
  /** Every call outcome the platform recorded, oldest first. */
  events: { type: string; at: string }[]
}

const UTM_KEYS = ['source', 'medium', 'campaign', 'term', 'content'] as const
const joined = (...parts: (string | undefined)[]) => parts.filter(Boolean).join(' ') || undefined
const pairs = (entries: [string, string | undefined][]): Pair[] => entries.filter((e): e is Pair => typeof e[1] === 'string' && e[1] !== '')

/**
 * A request for its detail view, the number masked as everywhere. Every
 * value goes out as a string in a list of pairs or a fixed field, so that
 * the page renders text and never looks a visitor's key up in an object.
 */
export function presentDetail(row: ConsoleRow): LeadDetail {
  const r = row.request
  const { name, email, message } = r.contact || {}
  const d = r.device
  return {
    ...presentRow(row),
    contact: { ...(name && { name }), ...(email && { email }), ...(message && { message }) },
    ...(r.form && (r.form.id || r.form.name || r.form.action) && { form: { ...r.form } }),
    ...(r.page.referrer && { pageReferrer: r.page.referrer }),
    utm: pairs(UTM_KEYS.map((key) => [key, r.source?.utm?.[key]])),
    clickIds: pairs(Object.entries(r.source?.clickIds || {})),
    ...(r.source?.landingPage && { landingPage: r.source.landingPage }),
    ...(r.source?.firstSeenAt && { firstSeenAt: r.source.firstSeenAt }),
    deviceDetail: pairs([
      ['Type', d?.type],
      ['Model', joined(d?.vendor, d?.model)],
      ['System', joined(d?.os?.name, d?.os?.version)],
      ['Browser', joined(d?.browser?.name, d?.browser?.version)]
    ]),
    ...(r.locale && { locale: r.locale }),
    ...(r.timeZone && { timeZone: r.timeZone }),
    requestedAt: r.requestedAt,
    ...(r.consent && { consent: { granted: r.consent.granted, ...(r.consent.text && { text: r.consent.text }) } }),
    events: row.events.map((e) => ({ type: e.type, at: new Date(e.at).toISOString() }))
  }
}
