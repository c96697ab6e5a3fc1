import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite } from '../browser.js';

const suite = browserSuite();

describe.skipIf(browserMissing)('citizen feedback in Chromium', () => {
  it('installs as an app and keeps a report written offline until the connection returns', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${suite.base}/cong-dan`);
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel=manifest]')!.getAttribute('href')!;
      return (await fetch(href)).json();
    });
    expect(manifest).toMatchObject({ start_url: '/cong-dan', display: 'standalone', icons: expect.arrayContaining([expect.objectContaining({ sizes: '512x512' })]) });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await expect.poll(() => page.getByRole('form', { name: 'Gửi phản ánh' }).getByLabel('Lĩnh vực').locator('option').count()).toBeGreaterThan(10);

    await context.setOffline(true);
    await page.reload();
    const form = page.getByRole('form', { name: 'Gửi phản ánh' });
    await expect.poll(() => form.getByLabel('Lĩnh vực').locator('option').count()).toBeGreaterThan(10);
    await form.getByLabel('Lĩnh vực').selectOption({ label: 'Điện chiếu sáng công cộng' });
    await form.getByLabel('Nội dung').fill('Đèn đường trước trường tiểu học bị tắt ba đêm nay.');
    await form.getByLabel('Xã, phường nơi xảy ra').selectOption({ label: 'Phường Sóc Trăng' });
    await form.getByLabel('Họ tên').fill('Lê Văn Nam');
    await form.getByLabel(/Tôi đồng ý/).check();
    await form.getByRole('button', { name: 'Gửi', exact: true }).click();
    await expect.poll(() => page.getByTestId('queued').textContent()).toContain('Đã lưu trên máy');
    const count = async () => Number((await suite.t.database.db.selectFrom('case_record').select((eb) => eb.fn.countAll<string>().as('n')).where('description', 'like', 'Đèn đường trước trường%').executeTakeFirstOrThrow()).n);
    expect(await count()).toBe(0);

    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('sent').textContent(), { timeout: 10_000 }).toContain('Phường Sóc Trăng xử lý');
    expect(await count()).toBe(1);
    // Sent once: going offline and online again does not send it twice.
    await context.setOffline(true);
    await context.setOffline(false);
    await page.waitForTimeout(500);
    expect(await count()).toBe(1);
    await context.close();
  });
});
