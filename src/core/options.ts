/** Options of `init()`; the script tag's `data-*` attributes map onto the same names. */
export interface RingbackOptions {
  /** The site id ("Client ID") the platform knows the site by. Required. */
  site: string
  /**
   * Platform API base URL. HTTPS, except loopback hosts in development.
   * Default: the origin the script was loaded from (npm: the page's origin).
   */
  api?: string
  /** Widget language (`en`, `de`, `es-MX`…). Default: site config, the page's `lang`, the browser. */
  locale?: string
  /** `false` hides the callback widget (form capture only). Default `true`. */
  widget?: boolean
  /** `false` disables form capture. Default `true` (the site config decides which forms). */
  forms?: boolean
  /** More query parameter names to redact from URLs sent to the platform. */
  redact?: string[]
}

/** Options once defaults are applied and checked. */
export interface ResolvedOptions {
  site: string
  /** API base without a trailing slash. */
  api: string
  locale?: string
  widget: boolean
  forms: boolean
  redact: string[]
}

const SITE = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/

/**
 * Checks options and applies defaults. Returns a message instead of options
 * when they cannot work: the script tag warns with it, `init()` throws it.
 */
export function resolveOptions(options: RingbackOptions, defaultApi: string): ResolvedOptions | string {
  if (!options || typeof options.site !== 'string' || !SITE.test(options.site)) {
    return 'site id missing or malformed'
  }
  let api: URL
  try {
    api = new URL(options.api || defaultApi)
  } catch {
    return 'bad API URL'
  }
  if (api.protocol !== 'https:' && !(api.protocol === 'http:' && LOOPBACK.test(api.hostname))) {
    return 'API URL must be https'
  }
  return {
    site: options.site,
    api: api.href.replace(/\/+$/, ''),
    locale: options.locale,
    widget: options.widget !== false,
    forms: options.forms !== false,
    redact: Array.isArray(options.redact) ? options.redact.filter((name) => typeof name === 'string') : []
  }
}
