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
    ['https://a.example/?utm_source=google&gclid=abc', 'https://a.example/?utm_source=google&gclid=abc'],
    ['https://a.example/?client_secret=z&secret=y', 'https://a.example/?client_secret=redacted&secret=redacted'],
    ['https://a.example/?auth=1&authorization=Bearer%20x&credentials=c', 'https://a.example/?auth=redacted&authorization=redacted&credentials=redacted'],
    ['https://a.example/?sessionid=1&PHPSESSID=2', 'https://a.example/?sessionid=redacted&PHPSESSID=redacted'],
    ['https://a.example/cart;jsessionid=0A1B?item=3', 'https://a.example/cart;jsessionid=redacted?item=3'],
    ['https://a.example/?E-Mail=x&user.email=y', 'https://a.example/?E-Mail=redacted&user.email=redacted'],
    ['https://a.example/?u=sam%40example.com&to=sam@example.co.uk', 'https://a.example/?u=redacted&to=redacted'],
    ['https://a.example/?reset%5Btoken%5D=abc', 'https://a.example/?reset%5Btoken%5D=redacted'],
    ['https://a.example/?q=boiler+repair&page=2&sort=price', 'https://a.example/?q=boiler+repair&page=2&sort=price'],
    ['https://a.example/?postcode=N1&barcode=123&keyboard=uk', 'https://a.example/?postcode=N1&barcode=123&keyboard=uk'],
    ['https://a.example/?code=', 'https://a.example/?code=redacted'],
    ['', '']
  ])('%s', (input, expected) => {
    expect(redactUrl(input)).toBe(expected)
  })

  it('redacts names the site adds, case-insensitively', () => {
    expect(redactUrl('https://a.example/?Customer=42&q=boilers', ['customer'])).toBe('https://a.example/?Customer=redacted&q=boilers')
  })

  it('keeps the encoding of parameters it does not touch', () => {
    expect(redactUrl('https://a.example/?q=a+b%20c&token=x')).toBe('https://a.example/?q=a+b%20c&token=redacted')
  })
})
