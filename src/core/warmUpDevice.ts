import type { Device } from '../schema'
import type { Reporter } from './createReporter'
import type { CoreFiles, Loader } from './host'
import { ignore } from './ignore'
import { onIdle } from './onIdle'
import type { UaHints } from './readContext'

/**
 * What a request can tell of the device beyond the UA string, filled in as it arrives.
 *
 * Its fields start with `_`: they never leave the first file, whose build
 * gives them one-letter names (rollup.config.mjs).
 */
export interface DeviceReading {
  /** High-entropy client hints (Windows 11, device model). */
  _hints?: UaHints
  /** ua-parser-js's reading of the user agent. */
  _parsed?: Device
}

/**
 * Starts reading the device, once a visitor reaches for a feature: the
 * high-entropy client hints take a moment, so they are asked for now and
 * used at submit; ua-parser-js comes a second later, at idle, when the
 * visitor is typing. A request sent sooner goes out with what the UA string
 * and the hints give.
 */
export function warmUpDevice(reading: DeviceReading, loader: Loader<CoreFiles>, guard: Reporter['guard'], cleanup: (fn: () => void) => void): void {
  const later = setTimeout(
    () =>
      cleanup(
        onIdle(
          () =>
            void loader.chunk('device').then(
              guard((chunk) => void (reading._parsed = chunk.parseDevice(navigator.userAgent))),
              ignore
            )
        )
      ),
    1000
  )
  ;(navigator as Navigator & { userAgentData?: NavigatorUAData }).userAgentData?.getHighEntropyValues(['platformVersion', 'model', 'fullVersionList']).then(
    guard((values: UaHints) => void (reading._hints = values)),
    ignore
  )
  cleanup(() => clearTimeout(later))
}

/** The subset of `navigator.userAgentData` the SDK reads (not in TypeScript's DOM types yet). */
interface NavigatorUAData {
  brands?: { brand: string; version: string }[]
  mobile?: boolean
  platform?: string
  getHighEntropyValues(hints: string[]): Promise<UaHints>
}
