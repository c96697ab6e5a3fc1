import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';
import { startOtherSystem, type OtherSystem } from './other-system.js';

/**
 * An administrator sets up a connector in Chromium against a local server standing in for the other system: the
 * preview shows the mapped and the refused rows, a run writes and reports, a failing source shows its error in the
 * history and raises an alert.
 */
describe.skipIf(browserMissing)('connectors in the browser', () => {
  const s = browserSuite();
  let other: OtherSystem;
  beforeAll(async () => {
    if (!browserMissing) other = await startOtherSystem();
  });
  afterAll(() => other?.close());

  it('previews, saves and runs a connector, then shows a failing pull in its history and raises an alert', async () => {
    other.serve(JSON.stringify({ data: { items: [
      { ma_don_vi: '31507', ky: '2026-10', ty_le: 92 },
      { ma_don_vi: 'KHONG_CO', ky: '2026-10', ty_le: 80 },
    ] } }));
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, s.base, 'admin');
    // The administration menu offers the page (its capability, connectors.manage, is an administrator's).
    await page.getByRole('link', { name: 'Kết nối hệ thống ngoài' }).click();
    await page.getByRole('heading', { name: 'Kết nối hệ thống ngoài' }).waitFor();
    await page.getByText('Chưa có kết nối nào.').waitFor();
    await page.getByRole('button', { name: 'Thêm kết nối' }).click();
    const form = page.getByRole('form', { name: 'Thêm kết nối' });
    await form.getByLabel('Tên (tiếng Việt)').fill('Cổng dịch vụ công tỉnh');
    await form.getByLabel('Tên (tiếng Anh)').fill('Provincial public-service portal');
    await form.getByLabel('Địa chỉ dữ liệu (http/https)').fill(other.url());
    await form.getByLabel('Đường dẫn tới danh sách bản ghi (JSON)').fill('data.items');
    await form.getByLabel('Trường mã đơn vị').fill('ma_don_vi');
    await form.getByLabel('Trường kỳ báo cáo').fill('ky');
    await form.getByLabel('Trường giá trị').fill('ty_le');
    await form.getByLabel('Chỉ tiêu').fill('WORKFILES_ONLINE_COMMUNE_PCT');
    await form.getByRole('button', { name: 'Xem trước trên dữ liệu mẫu' }).click();
    await page.getByText('Đọc 2 bản ghi: 1 giá trị hợp lệ, 1 dòng bị từ chối.').waitFor();
    await page.getByText('Không có đơn vị mang mã "KHONG_CO" trong kỳ 2026-10.').waitFor();
    await form.getByRole('button', { name: 'Lưu' }).click();
    const row = page.getByRole('row').filter({ hasText: 'Cổng dịch vụ công tỉnh' });
    await row.waitFor();
    expect(await page.getByText('Chưa chạy').count()).toBe(1);

    await row.getByRole('button', { name: 'Chạy ngay' }).click();
    const history = page.getByRole('region', { name: 'Lịch sử chạy' });
    await history.getByText('đọc 2, thêm 1, cập nhật 0, từ chối 1').waitFor();
    await history.getByRole('cell', { name: 'Thành công' }).waitFor();

    other.fail(500);
    await row.getByRole('button', { name: 'Chạy ngay' }).click();
    await history.getByText('Hệ thống nguồn trả lời mã HTTP 500.').waitFor();
    const admin = await s.t.login('admin');
    const alerts = (await admin.request({ method: 'GET', url: '/api/alerts?type=CONNECTOR_FAILED' })).json().alerts;
    expect(alerts).toMatchObject([{ state: 'open', title: { vi: 'Kết nối "Cổng dịch vụ công tỉnh" không lấy được dữ liệu' } }]);
    await page.close();
  });
});
