import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';

/** The IOC's fields as configuration in Chromium: an administrator adds a panel and a rule in the interface. */
describe.skipIf(browserMissing)('IOC fields, panels and rules in the browser', () => {
  const s = browserSuite();

  it('an administrator adds a panel in the Fields page and sees it on the overview', async () => {
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, s.base, 'admin');
    // The menu offers the page (its capability, ioc.configure, is an administrator's).
    await page.getByRole('link', { name: 'Lĩnh vực IOC' }).click();
    await page.getByRole('heading', { name: 'Lĩnh vực và bảng hiển thị' }).waitFor();
    const form = page.getByRole('form', { name: 'Bảng hiển thị' });
    // An unknown indicator is refused, with the reason in Vietnamese, and nothing is added.
    await form.getByLabel('Mã chỉ tiêu hoặc phần tử').fill('KHONG_CO');
    await form.getByLabel('Tiêu đề tiếng Việt').fill('Hộp thư công vụ của cán bộ');
    await form.getByLabel('Tiêu đề tiếng Anh').fill('Official mailboxes');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').textContent()).toMatch(/targetCode|Mã|không/i);
    await form.getByLabel('Mã chỉ tiêu hoặc phần tử').fill('NQ07_OFFICIAL_MAILBOX');
    await form.getByLabel('Thứ tự').fill('1');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('cell', { name: 'Hộp thư công vụ của cán bộ' }).waitFor();

    await page.getByRole('link', { name: 'Trung tâm điều hành (IOC)' }).click();
    const field = page.getByTestId('field-DIGITAL');
    await field.getByRole('heading', { name: 'Hộp thư công vụ của cán bộ' }).waitFor();
    await field.getByTestId('panel-number').first().waitFor();
    await page.getByTestId('field-FEEDBACK').getByRole('heading', { name: 'Tỷ lệ phản ánh giải quyết đúng hạn theo xã, phường' }).waitFor();
    await page.close();
  });

  it('an administrator creates a rule in the Rules page, and an invalid rule shows its error', async () => {
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, s.base, 'admin');
    await page.getByRole('link', { name: 'Quy tắc cảnh báo' }).click();
    await page.getByRole('heading', { name: 'Quy tắc cảnh báo theo ngưỡng' }).waitFor();
    const form = page.getByRole('form', { name: 'Quy tắc' });
    await form.getByLabel('Tên tiếng Việt').fill('Hộp thư công vụ thấp');
    await form.getByLabel('Tên tiếng Anh').fill('Few official mailboxes');
    await form.getByLabel('Mã chỉ tiêu hoặc phần tử').fill('KHONG_CO_CHI_TIEU');
    await form.getByLabel('Ngưỡng').fill('80');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await form.getByRole('alert').waitFor();
    const admin = await s.t.login('admin');
    expect((await admin.request({ method: 'GET', url: '/api/ioc/rules' })).json()).toEqual([]);

    await form.getByLabel('Mã chỉ tiêu hoặc phần tử').fill('NQ07_OFFICIAL_MAILBOX');
    await form.getByLabel('Cấp đơn vị so sánh').selectOption('district');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('rules').getByRole('cell', { name: 'Hộp thư công vụ thấp' }).waitFor();
    const rules = (await admin.request({ method: 'GET', url: '/api/ioc/rules' })).json();
    expect(rules).toMatchObject([{ nameVi: 'Hộp thư công vụ thấp', targetCode: 'NQ07_OFFICIAL_MAILBOX', unitLevel: 'district', periodType: 'year', threshold: 80 }]);
    await page.close();
  });

  it('an administrator changes an alert type\'s acknowledgement limit', async () => {
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, s.base, 'admin');
    await page.getByRole('link', { name: 'Loại cảnh báo' }).click();
    await page.getByRole('heading', { name: 'Loại cảnh báo' }).first().waitFor();
    await page.getByRole('row').filter({ hasText: 'OTHER' }).getByRole('button', { name: 'Sửa' }).click();
    const form = page.getByRole('form', { name: 'OTHER' });
    await form.getByLabel('Thời hạn tiếp nhận (phút)').fill('45');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('row').filter({ hasText: 'OTHER' }).getByRole('cell', { name: '45', exact: true }).waitFor();
    await page.close();
  });

  it('an administrator adds an alert type, retires it, puts it back and removes it, each after a confirmation', async () => {
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, s.base, 'admin');
    await page.getByRole('link', { name: 'Loại cảnh báo' }).click();
    await page.getByRole('button', { name: 'Thêm loại cảnh báo' }).click();
    const form = page.getByRole('form', { name: 'Thêm loại cảnh báo' });
    // A taken code is refused with the reason in Vietnamese, and nothing is added.
    await form.getByLabel('Mã (chữ in hoa, số và dấu _)').fill('HOTLINE_114');
    await form.getByLabel('Tên tiếng Việt').fill('Camera phát hiện tụ tập đông người');
    await form.getByLabel('Tên tiếng Anh').fill('Camera detected a crowd');
    await form.getByLabel('Lĩnh vực').selectOption('SECURITY_TRAFFIC');
    await form.getByLabel('Thời hạn tiếp nhận (phút)').fill('15');
    await form.getByLabel('Các bước xử lý (mỗi dòng: mã | tiếng Việt | tiếng Anh)').fill('view_feed | Xem hình ảnh camera | View the camera feed');
    await form.getByRole('button', { name: 'Thêm', exact: true }).click();
    await form.getByRole('alert').waitFor();
    expect(await form.getByRole('alert').textContent()).toContain('đã được dùng');
    await form.getByLabel('Mã (chữ in hoa, số và dấu _)').fill('CAMERA_CROWD');
    await form.getByRole('button', { name: 'Thêm', exact: true }).click();
    const row = page.getByRole('row').filter({ hasText: 'CAMERA_CROWD' });
    await row.getByText('do tỉnh bổ sung').waitFor();
    // A shipped type is retired, never removed: it offers no removal.
    expect(await page.getByRole('row').filter({ hasText: 'HOTLINE_113' }).getByRole('button', { name: 'Xoá' }).count()).toBe(0);
    expect(await page.getByRole('row').filter({ hasText: 'FEEDBACK_OVERDUE' }).getByRole('button', { name: 'Ngừng sử dụng' }).count()).toBe(0);

    const answers = ['dismiss', 'accept', 'dismiss', 'accept'];
    const asked: string[] = [];
    page.on('dialog', (dialog) => { asked.push(dialog.message()); void (answers.shift() === 'accept' ? dialog.accept() : dialog.dismiss()); });
    await row.getByRole('button', { name: 'Ngừng sử dụng' }).click();
    expect(await row.getByRole('button', { name: 'Ngừng sử dụng' }).count()).toBe(1);
    await row.getByRole('button', { name: 'Ngừng sử dụng' }).click();
    await row.getByRole('button', { name: 'Dùng lại' }).waitFor();
    expect(asked[1]).toContain('không nhận cảnh báo mới');
    const admin = await s.t.login('admin');
    const typeOf = async () => ((await admin.request({ method: 'GET', url: '/api/alerts/reference' })).json().types as { code: string; retired: boolean }[]).find((ty) => ty.code === 'CAMERA_CROWD');
    expect(await typeOf()).toMatchObject({ retired: true, ackLimitMinutes: 15 });
    await row.getByRole('button', { name: 'Dùng lại' }).click();
    await row.getByRole('button', { name: 'Ngừng sử dụng' }).waitFor();
    await row.getByRole('button', { name: 'Xoá' }).click();
    expect(await typeOf()).toMatchObject({ retired: false });
    await row.getByRole('button', { name: 'Xoá' }).click();
    await row.waitFor({ state: 'detached' });
    expect(await typeOf()).toBeUndefined();
    await page.close();
  });

  it('the wall rotates through the fields that have panels, with its display token', async () => {
    const admin = await s.t.login('admin');
    const token = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Màn hình IOC', scopes: ['wall'] } })).json().token as string;
    const page = await s.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    // The map panel asks for the boundaries with the wall's token too (there is no session on the wall).
    const boundaries: number[] = [];
    page.on('response', (r) => {
      if (r.url().includes('/api/org-units/boundaries')) boundaries.push(r.status());
    });
    await page.goto(`${s.base}/ioc/wall?token=${token}&rotate=1`);
    await page.getByTestId('field-REPORTING').getByRole('heading', { name: 'Tỷ lệ báo cáo đã nộp' }).waitFor();
    await page.getByTestId('field-FEEDBACK').getByRole('heading', { name: 'Phản ánh tiếp nhận trong tháng' }).waitFor();
    await expect.poll(() => boundaries.length).toBeGreaterThan(0);
    expect(boundaries.every((status) => status === 200)).toBe(true);
    await page.close();
  });
});
