import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';
import { quietAfter, settle } from './e2e-pages.js';
import { measure, WIDTH } from './phone-pages.js';

// Issue 16, the back office: an officer registers a producer, the reviewer verifies it; a producer's account is
// offered its traceability pages and its account only.
const s = browserSuite();

describe.skipIf(browserMissing)('the traceability pages in Chromium', () => {
  it('an officer registers a producer of its ward, and the reviewer verifies it', async () => {
    const page = await s.browser.newPage({ viewport: { width: 1366, height: 850 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, s.base, 'canbo');
    const menu = page.getByRole('navigation', { name: 'main' });
    await menu.getByRole('link', { name: 'Truy xuất nguồn gốc' }).click();
    await page.getByRole('heading', { level: 1, name: 'Cơ sở sản xuất' }).waitFor();
    await page.getByRole('button', { name: 'Đăng ký cơ sở' }).click();
    const form = page.getByTestId('producer-form');
    await form.getByLabel('Loại hình').selectOption('household');
    await form.getByLabel('Tên cơ sở').fill('Hộ ông Lâm Văn Tư (thử)');
    await form.getByLabel('Địa chỉ').fill('Ấp 3, phường của cán bộ');
    await form.getByTestId('producer-unit').locator('option').nth(1).waitFor({ state: 'attached' });
    await form.getByTestId('producer-unit').selectOption({ index: 1 });
    await form.getByLabel('Điện thoại').fill('0299 3822 111');
    await form.getByRole('button', { name: 'Đăng ký', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Hộ ông Lâm Văn Tư (thử)' }).waitFor();
    expect(await page.getByTestId('producer-status').getAttribute('data-status')).toBe('pending');
    expect(await page.getByTestId('producer-status').textContent()).toBe('Chờ xác minh');
    // The officer registers and keeps records; verifying is the reviewer's.
    expect(await page.getByTestId('verify-panel').count()).toBe(0);
    await page.getByTestId('integrity-verdict').waitFor();
    expect(await page.getByTestId('integrity-verdict').getAttribute('data-intact')).toBe('true');
    const url = new URL(page.url()).pathname;
    const id = Number(url.split('/').pop());
    expect(id).toBeGreaterThan(0);
    // The list finds it by name and by status.
    await page.goto(`${s.base}/traceability`);
    await page.getByTestId('producer-search').fill('Lâm Văn Tư');
    await expect.poll(() => page.getByTestId('producer-table').locator('tbody tr').count()).toBe(1);
    await page.getByTestId('producer-status-filter').selectOption('verified');
    await expect.poll(() => page.getByTestId('producer-table').count()).toBe(0);
    await page.close();

    const reviewer = await s.browser.newPage({ viewport: { width: 1366, height: 850 } });
    reviewer.on('pageerror', (e) => errors.push(e.message));
    await logIn(reviewer, s.base, 'thamdinh');
    await reviewer.locator('.topbar').waitFor();
    await reviewer.goto(`${s.base}/traceability/producers/${id}`);
    await reviewer.getByTestId('verify-panel').waitFor();
    // The reviewer reads and verifies; it does not register or edit.
    expect(await reviewer.getByRole('button', { name: 'Sửa thông tin' }).count()).toBe(0);
    expect(await reviewer.getByTestId('account-card').count()).toBe(0);
    await reviewer.getByLabel('Ghi chú').fill('Đã kiểm tra hồ sơ tại xã.');
    await reviewer.getByRole('button', { name: 'Xác minh cơ sở' }).click();
    await expect.poll(() => reviewer.getByTestId('producer-status').getAttribute('data-status')).toBe('verified');
    await reviewer.getByRole('button', { name: 'Tạm đình chỉ' }).waitFor();
    expect(await reviewer.getByTestId('producer-profile').textContent()).toContain('Xác minh bởi');
    await reviewer.close();

    const admin = await s.t.login('admin');
    const stored = (await admin.request({ method: 'GET', url: `/api/traceability/producers/${id}` })).json();
    expect(stored).toMatchObject({ name: 'Hộ ông Lâm Văn Tư (thử)', kind: 'household', status: 'verified', phone: '0299 3822 111' });
    expect(errors).toEqual([]);
  });

  it('a certificate with its scanned evidence, and every traceability page fits a 360 px phone', async () => {
    const context = await s.browser.newContext({ viewport: { width: WIDTH, height: 740 } });
    const page = await context.newPage();
    const quiet = quietAfter(page);
    await logIn(page, s.base, 'admin');
    await page.locator('.topbar').waitFor();
    await page.goto(`${s.base}/traceability/producers/1`);
    const card = page.getByTestId('certificates');
    await card.getByRole('button', { name: 'Thêm chứng nhận' }).click();
    await card.getByLabel('Số chứng nhận').fill('VG-THU-0042');
    await card.getByLabel('Đơn vị cấp').fill('Trung tâm chứng nhận (thử)');
    await card.getByLabel('Hiệu lực từ').fill('2026-01-01');
    await card.getByLabel('Hiệu lực đến').fill('2028-12-31');
    await card.locator('input[name="evidence"]').setInputFiles({ name: 'giay-chung-nhan.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n') });
    await card.getByRole('button', { name: 'Lưu' }).click();
    const item = card.locator('li', { hasText: 'VG-THU-0042' });
    await item.waitFor();
    const href = await item.getByRole('link', { name: 'tải bản chụp' }).getAttribute('href');
    expect((await page.request.get(`${s.base}${href}`)).status()).toBe(200);

    const wide: string[] = [];
    for (const path of ['/traceability', '/traceability/products', '/traceability/producers/1', '/traceability/products/1', '/traceability/lots/1', '/traceability/record']) {
      await page.goto(`${s.base}${path}`);
      await page.locator('h1').first().waitFor();
      await settle(page, quiet);
      const fit = await measure(page);
      if (fit.width > WIDTH || fit.headings !== 1) wide.push(`${path}: ${fit.width}px, ${fit.headings} h1 — ${fit.culprits.join('; ')}`);
    }
    expect(wide).toEqual([]);
    await context.close();
  });

  it("a producer's account is offered its traceability pages and its account, and nothing of the staff's", async () => {
    const page = await s.browser.newPage({ viewport: { width: 1366, height: 850 } });
    const errors: string[] = [];
    const refused: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('response', (r) => {
      if (r.status() === 403) refused.push(new URL(r.url()).pathname);
    });
    await logIn(page, s.base, 'htx');
    // The home of a producer is its own page.
    await page.waitForURL(/\/traceability\/producers\/\d+$/);
    await page.getByTestId('producer-profile').waitFor();
    const menu = page.getByRole('navigation', { name: 'main' });
    const links = async () => (await menu.getByRole('link').allTextContents()).map((x) => x.trim());
    await expect.poll(links).toEqual(['Truy xuất nguồn gốc', 'Sản phẩm truy xuất', 'Ghi nhật ký sản xuất', 'Tài khoản']);
    expect(await menu.getByText('Sắp có').count()).toBe(0);
    // It keeps its records but neither verifies nor makes accounts.
    expect(await page.getByTestId('verify-panel').count()).toBe(0);
    expect(await page.getByTestId('account-card').count()).toBe(0);
    await page.getByTestId('products').getByRole('link').first().waitFor();
    // It edits its own profile: only what changed is sent (a verified producer may not touch its unit or tax code).
    await page.getByRole('button', { name: 'Sửa thông tin' }).click();
    await page.getByTestId('producer-form').getByLabel('Giới thiệu').fill('Lúa ST25 canh tác theo VietGAP (thử).');
    await page.getByTestId('producer-form').getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByTestId('producer-profile').textContent()).toContain('Lúa ST25 canh tác theo VietGAP (thử).');
    // A staff page typed in the address bar: no permission, and nothing fetched that the server refuses.
    for (const path of ['/units', '/reports', '/devices', '/feedback']) {
      await page.goto(`${s.base}${path}`);
      await page.getByTestId('no-permission').waitFor();
    }
    await page.goto(`${s.base}/account`);
    expect(await page.getByTestId('no-permission').count()).toBe(0);
    expect(refused).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
