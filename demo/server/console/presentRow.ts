import { maskPhone } from '../../../src/contract/maskPhone'
import type { ConsoleRow } from './openConsoleDb'

/** A request as it leaves the server for the console: the number masked, nothing the list does not show. */
export interface PresentedRow {
  id: string
  receivedAt: string
  channel: string
  phone: string
  status: string
  scheduledFor?: string
  schedule: 'asap' | 'slot'
  medium?: string
  campaign?: string
  referrerHost?: string
  pageUrl: string
  pageTitle?: string
  device?: string
  /** The latest call outcome the platform recorded. */
  outcome?: string
  /** Seconds from receipt to the first recorded attempt. */
  firstAttemptSeconds?: number
}

/** The one place rows are shaped for the outside: the list, the missed calls and the CSV all go through it. */
export function presentRow(row: ConsoleRow): PresentedRow {
  const r = row.request
  const attempt = row.events.find((e) => e.type === 'attempted')
  const device = [r.device?.type, r.device?.os?.name, r.device?.browser?.name].filter(Boolean).join(' · ')
  return {
    id: row.id,
    receivedAt: new Date(row.createdAt).toISOString(),
    channel: r.channel,
    phone: maskPhone(r.phone),
    status: row.response.status,
    ...(row.response.scheduledFor && { scheduledFor: row.response.scheduledFor }),
    schedule: r.schedule.type,
    ...(r.source?.medium && { medium: r.source.medium }),
    ...(r.source?.utm?.campaign && { campaign: r.source.utm.campaign }),
    ...(r.source?.referrerHost && { referrerHost: r.source.referrerHost }),
    pageUrl: r.page.url,
    ...(r.page.title && { pageTitle: r.page.title }),
    ...(device && { device }),
    ...(row.events.length && { outcome: row.events[row.events.length - 1]!.type }),
    ...(attempt && { firstAttemptSeconds: Math.max(0, Math.round((attempt.at - row.createdAt) / 1000)) })
  }
}
