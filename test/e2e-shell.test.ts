import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';

const suite = browserSuite();

describe.skipIf(browserMissing)('the web shell in Chromium', () => {
  it('log in, see the 11 districts of 2024 on the map, switch to 1 July 2025, switch to English, log out', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 850 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, suite.base, 'admin');
    await expect.poll(() => page.getByText('Dữ liệu mẫu').first().isVisible()).toBe(true);
    // The home page says what waits: reports to send and to review, feedback to handle.
    await expect.poll(() => page.getByTestId('my-work').textContent()).toMatch(/\d+báo cáo cần gửi.*\d+báo cáo chờ duyệt.*\d+phản ánh đang xử lý/);

    await page.getByRole('link', { name: 'Đơn vị hành chính' }).click();
    await page.getByRole('button', { name: '2024', exact: true }).click();
    const map = page.getByTestId('unit-map');
    await expect.poll(() => map.getAttribute('data-regions')).toBe('11');
    await expect.poll(() => page.locator('canvas').count()).toBeGreaterThan(0);
    const tree = page.locator('.tree-card');
    await expect.poll(() => tree.getByRole('button', { name: /^(Huyện|Thị xã|Thành phố Sóc Trăng)/ }).count()).toBe(11);

    await tree.getByRole('button', { name: 'Huyện Kế Sách' }).click();
    const detail = page.getByTestId('unit-detail');
    await expect.poll(() => detail.textContent()).toContain('Đơn vị trực thuộc (13)');

    await page.locator('input[name=asOf]').fill('2025-07-01');
    await expect.poll(() => page.getByTestId('no-boundary').isVisible()).toBe(true);
    await expect.poll(() => tree.getByRole('button', { name: 'Thành phố Cần Thơ' }).isVisible()).toBe(true);
    expect(await tree.getByRole('button', { name: 'Huyện Kế Sách' }).count()).toBe(0);
    await expect.poll(() => tree.textContent()).toContain('104 đơn vị');

    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Administrative units' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Demo data').first().isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Log out' }).click();

    await expect.poll(() => page.getByRole('button', { name: 'Log in' }).isVisible()).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a wrong password shows the server message on the form', async () => {
    const page = await suite.browser.newPage();
    await page.goto(suite.base);
    await page.getByLabel('Tên đăng nhập').fill('admin');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau-1');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Tên đăng nhập hoặc mật khẩu không đúng.');
    await page.close();
  });

  it('an administrator adds a user from the user screen; on a phone the menu opens from its button', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 390, height: 844 } });
    await logIn(page, suite.base, 'admin');
    await page.getByRole('button', { name: 'Menu' }).click();
    await page.getByRole('link', { name: 'Người dùng' }).click();
    await page.getByRole('button', { name: 'Thêm người dùng' }).click();
    const form = page.getByRole('form', { name: 'Thêm người dùng' });
    await form.getByLabel('Tên đăng nhập').fill('lethib');
    await form.getByLabel('Họ tên').fill('Lê Thị B');
    await form.getByLabel('Vai trò').selectOption('reviewer');
    await form.getByLabel('Đơn vị').selectOption({ label: 'Phường Phú Lợi (31510)' });
    await form.getByLabel('Mật khẩu ban đầu').fill('Mat-khau-2026');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => page.getByRole('cell', { name: 'Lê Thị B' }).isVisible()).toBe(true);
    const stored = await suite.t.database.db.selectFrom('app_user').select(['role', 'display_name']).where('username', '=', 'lethib').executeTakeFirst();
    expect(stored).toEqual({ role: 'reviewer', display_name: 'Lê Thị B' });
    await page.close();
  });
});
