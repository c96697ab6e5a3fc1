import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';

const suite = browserSuite();

const ELEMENT = 'PAYMENT_ACCOUNT_15PLUS';
const RENAMED = 'Người từ 15 tuổi có tài khoản thanh toán (đã sửa)';

/** The grid for the element's yearly figures of 2025 in a ward; its row in the grid. */
async function openGrid(page: Page) {
  await page.getByRole('link', { name: 'Nhập số liệu' }).click();
  await page.getByLabel('Năm', { exact: true }).fill('2025');
  await page.getByLabel('Đơn vị').selectOption({ label: 'Phường Sóc Trăng (31507)' });
  return page.getByRole('row').filter({ has: page.getByLabel(`${ELEMENT} default`, { exact: true }) });
}

describe.skipIf(browserMissing)('the catalogue and the data-entry grid share one cache in Chromium', () => {
  it('an administrator renames a data element in /metadata, goes to /data-entry without reloading, and the grid shows the new name', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, suite.base, 'admin');

    // The grid is seen first, so the old name is in the browser's cache when the catalogue changes it.
    const before = await openGrid(page);
    await expect.poll(() => before.textContent()).toContain('Người từ 15 tuổi trở lên có tài khoản thanh toán trực tuyến');

    await page.getByRole('link', { name: 'Danh mục chỉ tiêu' }).click();
    await page.getByRole('tab', { name: 'Chỉ tiêu dữ liệu' }).click();
    const listed = page.getByRole('row').filter({ has: page.getByText(ELEMENT, { exact: true }) });
    await listed.getByRole('button').click();
    const form = page.getByRole('form', { name: `Sửa chỉ tiêu dữ liệu ${ELEMENT}` });
    await form.getByLabel('Tên tiếng Việt').fill(RENAMED);
    // Names are plain text for the server: the seeded English name's "15+" would be refused, so it is written out.
    await form.getByLabel('Tên tiếng Anh').fill('People aged 15 and over with an online payment account');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Đã lưu');
    await expect.poll(() => listed.textContent()).toContain(RENAMED);
    const stored = await suite.t.database.db.selectFrom('data_element').select('name_vi').where('code', '=', ELEMENT).executeTakeFirstOrThrow();
    expect(stored.name_vi).toBe(RENAMED);

    // From here the catalogue is held back on its way to the browser: what the grid shows can only come from the
    // cache the catalogue screen refreshed. Under a key of its own, the grid would show the old name until released.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let answered = false;
    let handled!: () => void;
    const done = new Promise<void>((resolve) => (handled = resolve));
    await page.route('**/api/data-elements', async (route) => {
      await held;
      answered = true;
      await route.continue();
      handled();
    });

    const after = await openGrid(page);
    expect(new URL(page.url()).pathname).toBe('/data-entry');
    await expect.poll(() => after.textContent(), { timeout: 3_000 }).toContain(RENAMED);
    expect(answered).toBe(false);

    release();
    await done;
    await page.unroute('**/api/data-elements');
    expect(await after.textContent()).not.toContain('trở lên có tài khoản thanh toán trực tuyến');
    expect(errors).toEqual([]);
    await page.close();
  });
});
