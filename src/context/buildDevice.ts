import type { Device } from '../schema'
import type { RawContext } from '../core/readContext'
import { compact } from '../core/clip'

/**
 * The contract's `device` from what the page can tell without the parser:
 * client hints where the browser has them; ua-parser-js's reading (loaded
 * at idle) fills in what hints do not say.
 */
export function buildDevice(raw: RawContext): Device | undefined {
  const { hints, parsed } = raw
  const type = hints && hints.mobile ? 'mobile' : parsed && parsed.type ? parsed.type : hints && hints.mobile === false ? 'desktop' : undefined
  return compact({
    type,
    vendor: parsed && parsed.vendor,
    model: (hints && hints.model) || (parsed && parsed.model),
    os: parsed && parsed.os,
    browser: parsed && parsed.browser
  }) as Device | undefined
}
