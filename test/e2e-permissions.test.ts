import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';

// Issue 13, point 4: the leader was offered "Duyệt báo cáo" (no permission) and "Nhắc" buttons (403).
const suite = browserSuite();

describe.skipIf(browserMissing)('what each user is offered, in Chromium', () => {
  it('the leader sees no review queue and no reminders, and typing the queue address shows the no-permission page', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 850 } });
    const errors: string[] = [];
    const refused: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() === 403) refused.push(r.url());
    });
    await logIn(page, suite.base, 'lanhdao');
    const menu = page.getByRole('navigation', { name: 'main' });
    await expect.poll(() => menu.getByRole('link', { name: 'Tình hình gửi báo cáo' }).isVisible()).toBe(true);
    expect(await menu.getByRole('link', { name: 'Duyệt báo cáo' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Cấu hình phản ánh' }).count()).toBe(0);
    expect(await menu.getByRole('link', { name: 'Nhập số liệu' }).count()).toBe(0);

    await menu.getByRole('link', { name: 'Tình hình gửi báo cáo' }).click();
    const table = page.getByTestId('completeness-table');
    await expect.poll(() => table.locator('tbody tr').count()).toBeGreaterThan(0);
    expect(await page.getByRole('button', { name: /^Nhắc/ }).count()).toBe(0);

    await page.goto(`${suite.base}/reports/queue`);
    await expect.poll(() => page.getByTestId('no-permission').isVisible()).toBe(true);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Không có quyền truy cập');
    await page.goto(`${suite.base}/feedback/settings`);
    await expect.poll(() => page.getByTestId('no-permission').isVisible()).toBe(true);
    // The leader exports figures and is not offered the import the server refuses them.
    await page.goto(`${suite.base}/exchange`);
    await expect.poll(() => page.getByRole('heading', { name: 'Xuất số liệu' }).isVisible()).toBe(true);
    expect(await page.getByRole('heading', { name: 'Nhập tệp số liệu' }).count()).toBe(0);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the reviewer is offered the queue and the reminders, and the queue opens', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 850 } });
    await logIn(page, suite.base, 'thamdinh');
    const menu = page.getByRole('navigation', { name: 'main' });
    await expect.poll(() => menu.getByRole('link', { name: 'Duyệt báo cáo' }).isVisible()).toBe(true);
    await menu.getByRole('link', { name: 'Tình hình gửi báo cáo' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Nhắc tất cả' }).count()).toBe(1);
    await menu.getByRole('link', { name: 'Duyệt báo cáo' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).not.toBe('Không có quyền truy cập');
    expect(await page.getByTestId('no-permission').count()).toBe(0);
    await page.close();
  });
});
