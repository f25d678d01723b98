import { describe, expect, it } from 'vitest'
import { redactUrl } from '../../src/core/redactUrl'

describe('redactUrl', () => {
  it.each([
    ['https://a.example/p?token=abc&x=1', 'https://a.example/p?token=redacted&x=1'],
    ['https://a.example/?access_token=1&id_token=2&state=s', 'https://a.example/?access_token=redacted&id_token=redacted&state=s'],
    ['https://a.example/?password=p&pwd=q&passwd=r', 'https://a.example/?password=redacted&pwd=redacted&passwd=redacted'],
    ['https://a.example/?api_key=1&apikey=2&key=3&keyword=shoes', 'https://a.example/?api_key=redacted&apikey=redacted&key=redacted&keyword=shoes'],
    ['https://a.example/?authCode=1&code=2&zipcode=N1', 'https://a.example/?authCode=redacted&code=redacted&zipcode=N1'],
    ['https://a.example/?session-id=9&sid=8&email=a%40b.c', 'https://a.example/?session-id=redacted&sid=redacted&email=redacted'],
    ['https://a.example/cb#access_token=t&expires_in=3600', 'https://a.example/cb#access_token=redacted&expires_in=3600'],
    ['https://a.example/#/pricing', 'https://a.example/#/pricing'],
    ['https://user:pass@a.example/x', 'https://a.example/x'],
    ['https://a.example/?utm_source=google&gclid=abc', 'https://a.example/?utm_source=google&gclid=abc']
  ])('%s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected)
  })

  it('redacts names the site adds, case-insensitively', () => {
    expect(redactUrl('https://a.example/?Customer=42&q=boilers', ['customer'])).toBe(
      'https://a.example/?Customer=redacted&q=boilers'
    )
  })

  it('keeps the encoding of parameters it does not touch', () => {
    expect(redactUrl('https://a.example/?q=a+b%20c&token=x')).toBe('https://a.example/?q=a+b%20c&token=redacted')
  })
})
