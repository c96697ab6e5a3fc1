import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { browserMissing, browserSuite, logIn } from './browser.js';
import { nextLoopback } from './helpers.js';
import { measure, WIDTH } from './phone-pages.js';

const NAME = 'Bẫy đèn Phường Sóc Trăng số 1';

/** Issue 15, point 6: the back office's device screens, as an administrator and an officer use them on a phone. */
describe.skipIf(browserMissing)('the devices in the browser', () => {
  const s = browserSuite();
  const post = (token: string, payload: unknown) =>
    s.t.app.inject({ method: 'POST', url: `/api/v1/${token}/telemetry`, payload: payload as object, remoteAddress: nextLoopback() });
  const fits = async (page: Page) => {
    const fit = await measure(page);
    expect(fit.culprits).toEqual([]);
    expect(fit.width).toBeLessThanOrEqual(WIDTH);
  };
  let deviceId = 0;

  it('an administrator registers a light trap on a 360 px phone, copies its token shown once, and sees its readings, chart, status and refusals', async () => {
    const context = await s.browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: s.base });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, s.base, 'admin');
    await expect.poll(async () => (await context.cookies()).some((c) => c.name === 'tinhso_sid')).toBe(true);
    await page.goto(`${s.base}/devices`);
    await page.getByRole('heading', { level: 1, name: 'Thiết bị hiện trường' }).waitFor();
    await page.getByTestId('count-online').waitFor();

    await page.getByRole('button', { name: 'Đăng ký thiết bị' }).click();
    const form = page.getByRole('form', { name: 'Đăng ký thiết bị mới' });
    await form.getByLabel('Loại thiết bị').selectOption({ label: 'Bẫy đèn thông minh' });
    await form.getByLabel('Tên thiết bị').fill(NAME);
    await form.getByLabel('Vĩ độ').fill('9.6');
    await form.getByLabel('Kinh độ').fill('105.97');
    await form.getByLabel('Đơn vị quản lý').selectOption({ label: 'Phường Sóc Trăng' });
    await fits(page);
    await form.getByRole('button', { name: 'Đăng ký', exact: true }).click();

    // The token, once, with the ThingsBoard-style hints to connect with it.
    const shown = page.getByRole('region', { name: 'Mã truy cập của thiết bị' });
    await shown.waitFor();
    const token = (await shown.getByTestId('token-value').textContent())!.trim();
    expect(token.length).toBeGreaterThan(16);
    const hints = (await shown.textContent())!;
    expect(hints).toContain('v1/devices/me/telemetry');
    expect(hints).toContain(`${s.base}/api/v1/${token}/telemetry`);
    expect(hints).toMatch(/Tên đăng nhập \(username\):\s*\S+/);
    await shown.getByRole('button', { name: 'Sao chép mã' }).click();
    await shown.getByRole('status').filter({ hasText: 'Đã sao chép' }).waitFor();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);
    await fits(page);
    await shown.getByRole('button', { name: 'Tôi đã lưu mã' }).click();
    await shown.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(token);
    const row = page.getByRole('listitem', { name: NAME });
    expect(await row.textContent()).toContain('Chưa kết nối');

    // The trap reports over HTTP (an earlier reading too), then sends a key its kind does not have.
    expect((await post(token, [{ ts: Date.now() - 7_200_000, values: { BPH: 30 } }])).statusCode).toBe(200);
    expect((await post(token, { BPH: 42, WBPH: 7, temperature: 28.5, humidity: 81, battery: 87 })).json()).toEqual({ stored: 5, received: 5 });
    expect((await post(token, { BPH: 5, salinity: 3 })).statusCode).toBe(400);

    await page.reload();
    await expect.poll(async () => (await row.textContent()) ?? '', { timeout: 10_000 }).toContain('Đang hoạt động');
    for (const words of ['Phường Sóc Trăng', '87 %', 'Chỉ số không thuộc loại thiết bị: salinity']) expect(await row.textContent()).toContain(words);
    const map = page.getByTestId('device-map');
    const onMap = Number(await map.getAttribute('data-points'));
    expect(onMap).toBeGreaterThanOrEqual(1);
    const filters = page.getByRole('group', { name: 'Lọc thiết bị' });
    // The filters leave it out when another status or kind is asked for, on the map too.
    await filters.getByRole('combobox', { name: 'Trạng thái' }).selectOption({ label: 'Mất kết nối' });
    await row.waitFor({ state: 'detached' });
    expect(Number(await map.getAttribute('data-points'))).toBeLessThan(onMap);
    await filters.getByRole('combobox', { name: 'Trạng thái' }).selectOption({ label: 'Đang hoạt động' });
    await filters.getByRole('combobox', { name: 'Loại thiết bị' }).selectOption({ label: 'Trạm khí tượng' });
    await row.waitFor({ state: 'detached' });
    await filters.getByRole('combobox', { name: 'Loại thiết bị' }).selectOption({ label: 'Bẫy đèn thông minh' });
    await row.waitFor();
    await fits(page);

    await row.getByRole('link', { name: NAME }).click();
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    deviceId = Number(new URL(page.url()).pathname.split('/').pop());
    expect(await page.locator('main .badge[data-status]').first().textContent()).toBe('Đang hoạt động');
    const latest = page.getByTestId('latest-readings');
    await latest.waitFor();
    expect((await latest.locator('[data-key="BPH"]').textContent())!).toMatch(/Rầy nâu\s*42\s*con/);
    expect((await latest.locator('[data-key="temperature"]').textContent())!).toMatch(/Nhiệt độ\s*28,5\s*°C/);
    expect(await latest.locator('[data-key="battery"]').textContent()).toMatch(/Pin\s*87\s*%/);
    expect(await page.getByTestId('bad-payloads').textContent()).toBe('1');
    expect(await page.getByTestId('device-facts').textContent()).toContain('Chỉ số không thuộc loại thiết bị: salinity');

    // The planthoppers' chart: both readings of the last 24 hours, then the week's hours, the month's days.
    const chart = page.getByTestId('chart-BPH');
    await expect.poll(() => chart.getAttribute('data-points')).toBe('2');
    expect(await chart.getByRole('img').getAttribute('aria-label')).toMatch(/^Rầy nâu: 2 điểm, gần nhất 42 con/);
    expect(await chart.locator('canvas').count()).toBeGreaterThan(0);
    await page.getByRole('button', { name: '7 ngày' }).click();
    await expect.poll(async () => Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: '30 ngày' }).click();
    await expect.poll(async () => Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(1);
    await fits(page);

    // A new token, asked twice: the new one is shown once and the old one soon stops working.
    await page.getByRole('button', { name: 'Cấp mã truy cập mới' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Xác nhận cấp mã mới' }).click();
    const replaced = (await page.getByTestId('token-value').textContent())!.trim();
    expect(replaced).not.toBe(token);
    // Asked for at the foot of the page, it comes into sight.
    await expect.poll(async () => (await page.getByTestId('device-token').boundingBox())?.y ?? -9).toBeGreaterThan(-1);
    expect((await page.getByTestId('device-token').boundingBox())!.y).toBeLessThan(780);
    expect((await post(replaced, { BPH: 1 })).statusCode).toBe(200);
    await expect.poll(async () => (await post(token, { BPH: 1 })).statusCode, { timeout: 10_000, interval: 1000 }).toBe(401);
    await page.getByRole('button', { name: 'Tôi đã lưu mã' }).click();

    // Revoking, asked twice too: a change of mind leaves the device as it was.
    await page.getByRole('button', { name: 'Thu hồi thiết bị' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Huỷ' }).click();
    expect(await page.locator('main .badge[data-status]').first().textContent()).toBe('Đang hoạt động');
    await page.getByRole('button', { name: 'Thu hồi thiết bị' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: 'Xác nhận thu hồi' }).click();
    await expect.poll(() => page.locator('main .badge[data-status]').first().textContent()).toBe('Đã thu hồi');
    expect(await page.getByRole('button', { name: 'Thu hồi thiết bị' }).count()).toBe(0);
    await fits(page);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("an officer reads its ward's devices on a phone but is offered neither registration nor a device's management", async () => {
    expect(deviceId).toBeGreaterThan(0);
    const context = await s.browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    const page = await context.newPage();
    await logIn(page, s.base, 'canbo');
    await expect.poll(async () => (await context.cookies()).some((c) => c.name === 'tinhso_sid')).toBe(true);
    await page.goto(`${s.base}/devices`);
    const row = page.getByRole('listitem', { name: NAME });
    await row.waitFor();
    expect(await row.textContent()).toContain('Đã thu hồi');
    expect(await page.getByRole('button', { name: 'Đăng ký thiết bị' }).count()).toBe(0);
    await fits(page);
    await row.getByRole('link', { name: NAME }).click();
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await page.getByTestId('latest-readings').waitFor();
    expect(await page.getByTestId('device-actions').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Cấp mã truy cập mới' }).count()).toBe(0);
    await fits(page);
    await context.close();
  });
});
