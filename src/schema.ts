/**
 * `ringback/schema`: the zod schemas of Platform API v1 (see the README's
 * "Platform API" link), for backends that receive leads themselves, for the
 * reference receiver and for the SDK's tests. The SDK's browser code does not
 * use them: it checks the site config by hand (src/core/parseConfig.ts, held
 * to the same verdicts by its tests), since zod cannot run on pages that add
 * enumerable properties to `Object.prototype`.
 *
 * Written with `zod/mini` so that a program importing a schema pays a few
 * hundred bytes instead of classic zod's whole method chain. The schemas are
 * ordinary zod v4 schemas: `Schema.parse()`, `safeParse()`, `z.infer` and the
 * classic `zod` API accept them as they are.
 *
 * Field names are fixed by the contract: new fields are added as optional,
 * never renamed.
 */
import * as z from 'zod/mini'
import { CLOCK_TIME, COUNTRY_CODE, HEX_COLOUR, LOCAL_DATE } from './contract/formats'
import { LIMITS } from './contract/limits'
import { WEEKDAYS } from './contract/weekdays'

export { LIMITS } from './contract/limits'
export { WEEKDAYS, type Weekday } from './contract/weekdays'

// Schemas are built through these small factories, marked free of side
// effects, so that bundlers drop the schemas a program does not use (a
// backend that takes requests needs none of the config's): a `.check()` call written
// at the top level would keep every schema alive.

/** A non-empty string of at most `max` characters. */
/* @__NO_SIDE_EFFECTS__ */
function text(max: number) {
  return z.string().check(z.minLength(1), z.maxLength(max))
}
/** A string matching `pattern`. */
/* @__NO_SIDE_EFFECTS__ */
function matching(pattern: RegExp) {
  return z.string().check(z.regex(pattern))
}
/** An integer from `min` to `max`. */
/* @__NO_SIDE_EFFECTS__ */
function between(min: number, max: number) {
  return z.int().check(z.gte(min), z.lte(max))
}
/** A string of at most `max` characters, possibly empty. */
/* @__NO_SIDE_EFFECTS__ */
function upTo(max: number) {
  return z.string().check(z.maxLength(max))
}
/** A number of zero or more. */
/* @__NO_SIDE_EFFECTS__ */
function nonNegative() {
  return z.number().check(z.gte(0))
}
/* @__NO_SIDE_EFFECTS__ */
function opt<T extends z.ZodMiniType>(schema: T) {
  return z.optional(schema)
}
/** An instant in UTC, as `Date.prototype.toISOString()` writes it. */
/* @__NO_SIDE_EFFECTS__ */
function instant() {
  return z.iso.datetime()
}

// ---------------------------------------------------------------------------
// Site config: GET /v1/sites/{siteId}/config

/** A wall-clock time `HH:MM` in the business time zone; `24:00` ends a day. */
export const ClockTime = matching(CLOCK_TIME)
/** One opening range `[from, to]`, e.g. `["09:00", "17:30"]`. */
export const OpeningRange = z.tuple([ClockTime, ClockTime])
/** A local date `YYYY-MM-DD` in the business time zone. */
export const LocalDate = matching(LOCAL_DATE)
/** An ISO 3166-1 alpha-2 region code in upper case (`GB`). */
export const CountryCode = matching(COUNTRY_CODE)

export const WidgetPosition = z.enum(['bottom-right', 'bottom-left'])
export const ConsentMode = z.enum(['required', 'notice', 'none'])
export const StorageMode = z.enum(['always', 'after-consent', 'never'])

export const SiteConfig = z.object({
  siteId: text(LIMITS.id),
  business: z.object({
    name: text(LIMITS.name),
    /** IANA time zone of the business, e.g. `Europe/London`. */
    timeZone: text(LIMITS.timeZone)
  }),
  hours: z.object({
    weekly: z.partialRecord(z.enum(WEEKDAYS), z.array(OpeningRange)),
    closed: opt(z.array(LocalDate))
  }),
  scheduling: z.object({
    slotMinutes: between(5, 240),
    leadMinutes: between(0, 7 * 24 * 60),
    horizonDays: between(1, 60)
  }),
  phone: z.object({
    defaultCountry: CountryCode,
    /** Empty or absent: every country. */
    countries: opt(z.array(CountryCode))
  }),
  widget: z.object({
    enabled: z.boolean(),
    position: WidgetPosition,
    /** CSS hex colour `#rrggbb`; text on it is derived for contrast. */
    accent: matching(HEX_COLOUR),
    locale: opt(text(LIMITS.locale)),
    /** Overrides of the widget's default strings, by key. */
    texts: opt(z.record(z.string(), upTo(LIMITS.text))),
    /** Extension: distance of the launcher from the viewport's corner, px. */
    offset: opt(z.object({ x: between(0, 200), y: between(0, 200) })),
    /** Extension: the launcher's visible label; absent: an icon-only button. */
    label: opt(text(LIMITS.short)),
    /** Extension: the launcher's icon. */
    icon: opt(z.enum(['phone', 'chat', 'none'])),
    /** Extension: engagement triggers, all off when absent. */
    triggers: opt(
      z.object({
        afterSeconds: opt(between(1, 3600)),
        exitIntent: opt(z.boolean()),
        scrollPercent: opt(between(1, 100))
      })
    )
  }),
  forms: z.object({
    capture: z.enum(['auto', 'marked', 'off']),
    /** CSS selectors of forms to capture although detection would skip them. */
    include: opt(z.array(z.string())),
    /** CSS selectors of forms never to capture. */
    exclude: opt(z.array(z.string())),
    /** Extension: show the platform's answer in a small toast after a form lead. */
    confirm: opt(z.boolean())
  }),
  privacy: z.object({
    consent: ConsentMode,
    policyUrl: opt(z.httpUrl()),
    consentText: opt(text(LIMITS.text)),
    storage: StorageMode
  })
})
export type SiteConfig = z.infer<typeof SiteConfig>

// ---------------------------------------------------------------------------
// Callback request: POST /v1/callbacks

export const Channel = z.enum(['widget', 'form'])
export const Medium = z.enum(['direct', 'organic', 'paid', 'social', 'email', 'referral', 'other'])
export type Medium = z.infer<typeof Medium>

export const Schedule = z.discriminatedUnion('type', [z.object({ type: z.literal('asap') }), z.object({ type: z.literal('slot'), at: instant() })])
export type Schedule = z.infer<typeof Schedule>

export const Utm = z.object({
  source: opt(text(LIMITS.utm)),
  medium: opt(text(LIMITS.utm)),
  campaign: opt(text(LIMITS.utm)),
  term: opt(text(LIMITS.utm)),
  content: opt(text(LIMITS.utm))
})
export type Utm = z.infer<typeof Utm>

/** Click ids by parameter name, at most `LIMITS.clickIds` of them. */
/* @__NO_SIDE_EFFECTS__ */
function clickIdRecord() {
  return z.record(matching(/^[a-z][a-z0-9_]{0,31}$/), text(LIMITS.clickId)).check(z.refine((ids) => Object.keys(ids).length <= LIMITS.clickIds))
}

export const Source = z.object({
  medium: Medium,
  referrerHost: opt(text(253)),
  utm: opt(Utm),
  clickIds: opt(clickIdRecord()),
  landingPage: opt(text(LIMITS.url)),
  firstSeenAt: opt(instant())
})
export type Source = z.infer<typeof Source>

const NameVersion = z.object({ name: opt(text(LIMITS.short)), version: opt(text(LIMITS.short)) })

export const Device = z.object({
  type: opt(text(LIMITS.short)),
  vendor: opt(text(LIMITS.short)),
  model: opt(text(LIMITS.short)),
  os: opt(NameVersion),
  browser: opt(NameVersion)
})
export type Device = z.infer<typeof Device>

export const CallbackRequest = z.object({
  /** UUID v4 made once per request by the SDK; the idempotency key. */
  id: z.uuidv4(),
  siteId: text(LIMITS.id),
  channel: Channel,
  /** E.164, validated for its country before sending. */
  phone: z.e164(),
  schedule: Schedule,
  contact: opt(
    z.object({
      name: opt(text(LIMITS.name)),
      email: opt(text(LIMITS.email)),
      message: opt(text(LIMITS.message))
    })
  ),
  form: opt(
    z.object({
      id: opt(text(LIMITS.name)),
      name: opt(text(LIMITS.name)),
      action: opt(text(LIMITS.url))
    })
  ),
  page: z.object({
    url: text(LIMITS.url),
    title: opt(text(LIMITS.title)),
    referrer: opt(text(LIMITS.url))
  }),
  source: opt(Source),
  device: opt(Device),
  locale: opt(text(LIMITS.locale)),
  timeZone: opt(text(LIMITS.timeZone)),
  requestedAt: instant(),
  consent: opt(z.object({ granted: z.boolean(), text: opt(text(LIMITS.text)) })),
  signals: opt(
    z.object({
      fillMs: opt(between(0, 86400000)),
      honeypot: opt(z.boolean())
    })
  )
})
export type CallbackRequest = z.infer<typeof CallbackRequest>

// ---------------------------------------------------------------------------
// Responses

export const CallbackStatus = z.enum(['calling', 'scheduled'])

/** `201` for a new request, `200` with the same body for a replay. */
export const CallbackResponse = z.object({
  id: z.string(),
  status: CallbackStatus,
  scheduledFor: opt(instant()),
  etaSeconds: opt(nonNegative())
})
export type CallbackResponse = z.infer<typeof CallbackResponse>

/** The error codes of the contract; a platform may add others. */
export const ERROR_CODES = [
  'invalid_request',
  'invalid_phone',
  'slot_unavailable',
  'origin_not_allowed',
  'site_not_found',
  'idempotency_conflict',
  'rate_limited',
  'unavailable'
] as const

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: opt(z.record(z.string(), z.string()))
  })
})
export type ErrorBody = z.infer<typeof ErrorBody>

// ---------------------------------------------------------------------------
// Call outcomes: POST /v1/callbacks/{id}/events (an extension of the contract,
// used by the platform's dialler to record what happened to a request)

export const CallEventType = z.enum(['attempted', 'connected', 'missed', 'opted_out'])
export const CallEvent = z.object({
  type: CallEventType,
  /** When it happened; absent: when the platform received it. */
  at: opt(instant())
})
export type CallEvent = z.infer<typeof CallEvent>

export { maskPhone } from './contract/maskPhone'
export { isOpenAt, localDate, nextOpening, openings, slots, wallTimeToUtc } from './contract/openingHours'
export type { HoursConfig, Opening } from './contract/openingHours'
