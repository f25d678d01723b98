import UAParser from 'ua-parser-js'
import type { Device } from '../schema'
import { compact } from '../core/clip'

/** Device, OS and browser from a user-agent string, with ua-parser-js 1.x (MIT; 2.x is AGPL). */
export function parseDevice(ua: string): Device {
  const result = new UAParser(ua).getResult()
  return compact({
    type: result.device.type || 'desktop',
    vendor: result.device.vendor,
    model: result.device.model,
    os: compact({ name: result.os.name, version: result.os.version }),
    browser: compact({ name: result.browser.name, version: result.browser.version })
  }) as Device
}
