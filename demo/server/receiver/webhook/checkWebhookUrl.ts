/** Loopback hosts, where plain http is allowed (a sink on the same machine, in development and tests). */
const LOOPBACK = /^(?:localhost|127(?:\.\d{1,3}){3}|\[::1\])$/

/**
 * Why a webhook URL from sites.json cannot be used, or undefined. Only
 * https, or http to a loopback host; no URL fragments. The URL comes from
 * the operator's file only: nothing a visitor sends reaches it.
 */
export function checkWebhookUrl(text: string): string | undefined {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return 'not a URL'
  }
  if (url.protocol === 'https:') return undefined
  if (url.protocol === 'http:' && LOOPBACK.test(url.hostname)) return undefined
  return 'must be https (plain http only to a loopback host)'
}
