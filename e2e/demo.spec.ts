import { expect, fetched, FORMS_FILE, GB_META, openDemo, test } from './fixtures'

test.describe('the demo site, end to end', () => {
  test('a plain contact form that posts and navigates delivers a form lead', async ({ page, servers, rb }) => {
    await openDemo(page, servers)
    const form = page.locator('form[action="/contact"]')
    await form.locator('[name=name]').fill('Sam Taylor')
    await form.locator('[name=email]').fill('sam@example.com')
    await form.locator('[name=phone]').fill('07400 123456')
    await form.locator('[name=message]').fill('The boiler makes a knocking noise.')
    await fetched(page, FORMS_FILE, GB_META)
    await Promise.all([page.waitForURL('**/thanks.html'), form.locator('[type=submit]').click()])

    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({
      siteId: 'demo',
      channel: 'form',
      phone: '+447400123456',
      schedule: { type: 'asap' },
      contact: { name: 'Sam Taylor', email: 'sam@example.com', message: 'The boiler makes a knocking noise.' },
      page: { url: servers.site + '/' }
    })
    expect(stored!.form?.action).toBe(servers.site + '/contact')
    expect(Date.parse(stored!.requestedAt)).toBeGreaterThan(Date.now() - 60_000)
    // Delivered once, whatever the thank-you page re-sent.
    await page.waitForTimeout(500)
    expect(await rb.requests()).toHaveLength(1)
  })

  test('a form submitted with fetch after preventDefault delivers a form lead, and the page still gets its answer', async ({ page, servers, rb }) => {
    await openDemo(page, servers, '/quote.html')
    const form = page.locator('form').first()
    await form.locator('[name=name]').fill('Alex Morgan')
    await form.locator('input[type=tel]').fill('+353 85 123 4567')
    await form.locator('[type=submit]').click()
    const [stored] = await rb.waitForRequests(1)
    expect(stored).toMatchObject({ channel: 'form', phone: '+353851234567', contact: { name: 'Alex Morgan' } })
    expect(stored!.page.url).toBe(servers.site + '/quote.html')
    await expect(page.getByText(/thank/i).first()).toBeVisible()
  })

  test('a number that is not valid is not sent, and the host form still submits', async ({ page, servers, rb }) => {
    await openDemo(page, servers)
    const form = page.locator('form[action="/contact"]')
    await form.locator('[name=name]').fill('Sam')
    await form.locator('[name=email]').fill('sam@example.com')
    await form.locator('[name=phone]').fill('07400 12')
    await form.locator('[name=message]').fill('Hello')
    await Promise.all([page.waitForURL('**/thanks.html'), form.locator('[type=submit]').click()])
    await page.waitForTimeout(500)
    expect(await rb.requests()).toHaveLength(0)
    expect((await rb.attempts()).length).toBe(0)
  })
})
