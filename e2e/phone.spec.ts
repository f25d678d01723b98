import type { Locator, Page } from '@playwright/test'
import { expect, OPEN_IN_LONDON, openDemo, patchConfig, test } from './fixtures'

// The phone field (an example number of the selected country as placeholder,
// the countries in the order a visitor looks for theirs) and the same-number
// rule (widget one minute, forms five minutes), against the real receiver:
// every rule is asserted on what it stored.

// English or German (a German config labels it in German).
const launcher = (page: Page) => page.getByRole('button', { name: /^(Call me back|Rückruf anfordern)$/ })

async function openWidget(page: Page): Promise<Locator> {
  await launcher(page).click()
  const panel = page.getByRole('dialog')
  await expect(panel).toBeVisible()
  return panel
}

/** The country list as the visitor sees it, names only (the dialling codes cut off), once the names have come. */
async function countryNames(panel: Locator): Promise<string[]> {
  const options = panel.getByRole('combobox', { name: /country|land/i }).locator('option')
  // The selected country shows first (by its name), the whole list a frame later.
  await expect.poll(() => options.count()).toBeGreaterThan(1)
  // The dialling code comes isolated left to right (U+2066 … U+2069).
  return (await options.allTextContents()).map((text) => text.replace(/ \u2066\+\d+\u2069$/, ''))
}

test.describe('phone field', () => {
  test('the placeholder is an example number of the selected country, and comes with that country’s metadata', async ({ page, servers }) => {
    // Every country: the page loads the world's metadata (which has no examples) and each picked country's own file.
    await patchConfig(page, servers, (config) => {
      config.phone.countries = []
    })
    await openDemo(page, servers)
    const panel = await openWidget(page)
    const field = panel.getByLabel(/phone number/i)
    const country = panel.getByRole('combobox', { name: /country/i })
    await expect(field).toHaveAttribute('placeholder', '07400 123456')
    await country.selectOption('DE')
    await expect(field).toHaveAttribute('placeholder', '01512 3456789')
    await country.selectOption('US')
    await expect(field).toHaveAttribute('placeholder', '(201) 555-0123')
    await country.selectOption('GB')
    await expect(field).toHaveAttribute('placeholder', '07400 123456')
    const files = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name))
    for (const name of ['all', 'GB', 'DE', 'US'])
      expect(
        files.some((file) => new RegExp(`/meta-\\w+/${name}\\.js$`).test(file)),
        name
      ).toBe(true)
    // A number typed replaces the hint; the hint is never sent.
    await field.fill('07400 123456')
    await expect(field).toHaveValue('07400 123456')
  })

  test('with the site’s countries only, each one’s example comes with the metadata the panel loads anyway', async ({ page, servers }) => {
    await patchConfig(page, servers, (config) => {
      config.phone.countries = ['GB', 'DE', 'US']
    })
    await openDemo(page, servers)
    const panel = await openWidget(page)
    const field = panel.getByLabel(/phone number/i)
    await expect(field).toHaveAttribute('placeholder', '07400 123456')
    await panel.getByRole('combobox', { name: /country/i }).selectOption('US')
    await expect(field).toHaveAttribute('placeholder', '(201) 555-0123')
    const files = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name))
    expect(files.filter((file) => /\/meta-\w+\/all\.js$/.test(file))).toEqual([])
  })

  test('the default country comes first, then the rest by name in the widget’s language', async ({ page, servers }) => {
    await patchConfig(page, servers, (config) => {
      config.phone.countries = []
    })
    await openDemo(page, servers)
    const names = await countryNames(await openWidget(page))
    expect(names[0]).toBe('United Kingdom')
    // Å sorts with the A's, not after Z.
    expect(names.slice(1, 4)).toEqual(['Afghanistan', 'Åland Islands', 'Albania'])
    const rest = names.slice(1)
    expect(rest).toEqual([...rest].sort(new Intl.Collator('en').compare))
    expect(names.filter((name) => name === 'United Kingdom')).toHaveLength(1)
    expect(names.length).toBeGreaterThan(200)
  })

  test('in German, Germany first and Österreich beside Oman', async ({ page, servers }) => {
    await patchConfig(page, servers, (config) => {
      config.phone.countries = []
      config.phone.defaultCountry = 'DE'
      config.widget.locale = 'de'
    })
    await openDemo(page, servers)
    const panel = await openWidget(page)
    const names = await countryNames(panel)
    expect(names[0]).toBe('Deutschland')
    expect(names[names.indexOf('Oman') + 1]).toBe('Österreich')
    const rest = names.slice(1)
    expect(rest).toEqual([...rest].sort(new Intl.Collator('de').compare))
    await expect(panel.getByRole('textbox', { name: /telefon/i })).toHaveAttribute('placeholder', '01512 3456789')
  })
})

test.describe('the same number again', () => {
  /** Asks for a call now in the open panel, without moving the page's clock. */
  async function callNow(page: Page, phone: string) {
    const panel = (await page.getByRole('dialog').isVisible()) ? page.getByRole('dialog') : await openWidget(page)
    await panel.getByLabel(/phone number/i).fill(phone)
    const consent = panel.getByRole('checkbox')
    if (await consent.count()) await consent.check()
    await panel.getByRole('button', { name: /call me now/i }).click()
    return panel
  }
  const closePanel = (page: Page) => page.getByRole('dialog').getByRole('button', { name: 'Close' }).first().click()

  test('in the widget: the same number twice within a minute is one stored request; another number, or the same a minute later, is sent', async ({
    page,
    servers,
    rb
  }) => {
    await page.clock.install({ time: new Date(OPEN_IN_LONDON) })
    await openDemo(page, servers)
    let panel = await callNow(page, '07400 123456')
    await expect(panel.getByRole('status')).toBeVisible()
    await rb.waitForRequests(1)
    await closePanel(page)

    // Half a minute later, the same number written another way: refused, and the visitor is told.
    await page.clock.runFor(30_000)
    panel = await callNow(page, '+44 7400 123456')
    await expect(panel.getByRole('alert')).toHaveText(/already have your request for this number/)
    // Another number goes through at once.
    await callNow(page, '+353 85 123 4567')
    await expect(panel.getByRole('status')).toBeVisible()
    expect((await rb.waitForRequests(2)).map((r) => r.phone)).toEqual(['+447400123456', '+353851234567'])
    await closePanel(page)

    // A minute after the first: the same number is a new request.
    await page.clock.runFor(31_000)
    // (The field is on Ireland now: the number comes in full.)
    await callNow(page, '+44 7400 123456')
    await expect(page.getByRole('dialog').getByRole('status')).toBeVisible()
    const stored = await rb.waitForRequests(3)
    expect(stored.map((r) => [r.channel, r.phone])).toEqual([
      ['widget', '+447400123456'],
      ['widget', '+353851234567'],
      ['widget', '+447400123456']
    ])
  })

  test('in a form: submitted twice within five minutes is one stored request; another number, or the same five minutes later, is sent', async ({ page, servers, rb }) => {
    await page.clock.install({ time: new Date(OPEN_IN_LONDON) })
    await openDemo(page, servers, '/quote.html')
    // The quote form posts with fetch and hides itself; a visitor back for more finds it again.
    const submit = async (name: string, mobile: string) => {
      await page.evaluate(() => {
        document.getElementById('quote')!.hidden = false
        document.getElementById('quote-done')!.hidden = true
      })
      await page.fill('#quote [name=name]', name)
      await page.fill('#quote [name=mobile]', mobile)
      await page.click('#quote button[type=submit]')
      await expect(page.locator('#quote-done')).toBeVisible()
    }
    await submit('Sam Taylor', '07400 123456')
    await rb.waitForRequests(1)
    await page.clock.runFor(4 * 60_000)
    await submit('Sam T.', '+44 7400 123456')
    await submit('Alex Morgan', '+353 85 123 4567')
    await rb.waitForRequests(2)
    await page.clock.runFor(61_000)
    await submit('Sam Taylor', '07400 123456')
    const stored = await rb.waitForRequests(3)
    expect(stored.map((r) => [r.channel, r.contact?.name, r.phone])).toEqual([
      ['form', 'Sam Taylor', '+447400123456'],
      ['form', 'Alex Morgan', '+353851234567'],
      ['form', 'Sam Taylor', '+447400123456']
    ])
  })
})
