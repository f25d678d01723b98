import type { Metrics } from '../buildMetrics'
import type { PresentedRow } from '../presentRow'

export type { Metrics, PresentedRow }

/** GET /console/api/me */
export interface Me {
  siteId: string
  name: string
  timeZone: string
  retentionDays: number
  expiresAt: string
}

/** GET /console/api/requests */
export interface RequestPage {
  page: number
  pageSize: number
  total: number
  rows: PresentedRow[]
}

/** GET /console/api/errors */
export interface ErrorRow {
  code: string
  status: number
  at: string
}
