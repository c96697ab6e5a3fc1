import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';
import { unitId } from './helpers.js';

const suite = browserSuite();
const PASSWORD = 'mat-khau-bao-cao-2026';

describe.skipIf(browserMissing)('periodic reporting in Chromium', () => {
  it('a ward officer fills and submits, the district returns, the officer corrects offline and resubmits, the district and the province approve, and the province sees the unit on time', async () => {
    const t = suite.t;
    t.ctx.clock.now = new Date('2024-05-16T03:00:00Z');
    const ids = { p5: await unitId(t, '31498', '2024-05-14'), district: await unitId(t, '941', '2024-05-14'), province: await unitId(t, '94', '2024-05-14') };
    const admin = await t.login('admin');
    for (const [username, role, orgUnitId] of [['canbo-p5', 'officer', ids.p5], ['thamdinh-tp', 'reviewer', ids.district], ['thamdinh-tinh', 'reviewer', ids.province]] as const) {
      const res = await admin.request({ method: 'POST', url: '/api/users', payload: { username, displayName: username, role, orgUnitId, password: PASSWORD } });
      expect(res.statusCode, res.body).toBe(201);
    }
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const officer = await context.newPage();
    await logIn(officer, suite.base, 'canbo-p5', PASSWORD);
    await officer.getByRole('link', { name: 'Báo cáo cần gửi', exact: true }).click();
    const row = officer.getByTestId('due-list').locator('tr', { hasText: 'Báo cáo tình hình chuyển đổi số' }).filter({ hasText: '2024M05' });
    await row.getByRole('button', { name: 'Lập báo cáo' }).click();
    const form = officer.getByTestId('report-form');
    await expect.poll(() => form.textContent()).toContain('Phường 5');
    await form.getByLabel(/^Tổng số hồ sơ thủ tục hành chính tiếp nhận/).fill('120');
    await form.getByLabel(/^Hồ sơ tiếp nhận trực tuyến/).fill('150');
    await expect.poll(() => form.getByTestId('rule').textContent()).toContain('Hồ sơ trực tuyến không thể nhiều hơn tổng số hồ sơ');
    await form.getByLabel(/^Hồ sơ tiếp nhận trực tuyến/).fill('90');
    await form.getByLabel(/^Thành viên tổ công nghệ số cộng đồng/).fill('14');
    await form.getByLabel('Đánh giá chung, khó khăn, kiến nghị').fill('Đã ra mắt tổ công nghệ số ở 5 khóm.');
    await expect.poll(() => form.getByTestId('sync').textContent()).toBe('Đã lưu');
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => form.textContent()).toContain('Đã gửi, chờ duyệt');

    const district = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(district, suite.base, 'thamdinh-tp', PASSWORD);
    await district.getByRole('link', { name: 'Duyệt báo cáo' }).click();
    await district.getByTestId('queue').getByRole('link', { name: 'Phường 5' }).click();
    const review = district.getByTestId('report-form');
    await review.getByLabel('Ý kiến / lý do').fill('Số thành viên tổ công nghệ số chưa khớp với quyết định thành lập.');
    await review.getByRole('button', { name: 'Trả lại' }).click();
    await expect.poll(() => review.textContent()).toContain('Bị trả lại');

    // The officer corrects with the network off; the change waits on the device and is sent when it returns.
    await officer.reload();
    await expect.poll(() => form.textContent()).toContain('Bị trả lại');
    await expect.poll(() => form.textContent()).toContain('Số thành viên tổ công nghệ số chưa khớp');
    await context.setOffline(true);
    await form.getByLabel(/^Thành viên tổ công nghệ số cộng đồng/).fill('12');
    await expect.poll(() => form.getByTestId('sync').textContent()).toContain('Mất kết nối');
    const stored = async () => (await t.database.db.selectFrom('report').select(['values', 'revision']).where('org_unit_id', '=', ids.p5).executeTakeFirstOrThrow());
    expect((await stored()).values.RP_TECH_TEAM_MEMBERS).toBe(14);
    await context.setOffline(false);
    await expect.poll(() => form.getByTestId('sync').textContent(), { timeout: 10_000 }).toBe('Đã lưu');
    const after = await stored();
    expect(after.values.RP_TECH_TEAM_MEMBERS).toBe(12);
    await form.getByRole('button', { name: 'Gửi báo cáo' }).click();
    await expect.poll(() => form.textContent()).toContain('Đã gửi, chờ duyệt');
    expect((await stored()).revision).toBe(after.revision);

    await district.reload();
    await review.getByRole('button', { name: 'Phê duyệt (Thành phố Sóc Trăng)' }).click();
    await expect.poll(() => review.textContent()).toContain('Thành phố Sóc Trăng: đã duyệt');

    const province = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(province, suite.base, 'thamdinh-tinh', PASSWORD);
    await province.getByRole('link', { name: 'Duyệt báo cáo' }).click();
    await province.getByTestId('queue').getByRole('link', { name: 'Phường 5' }).click();
    const top = province.getByTestId('report-form');
    await top.getByRole('button', { name: 'Phê duyệt (Tỉnh Sóc Trăng)' }).click();
    await expect.poll(() => top.textContent()).toContain('Đã phê duyệt');

    await province.getByRole('link', { name: 'Tình hình gửi báo cáo' }).click();
    await province.getByLabel('Chế độ báo cáo').selectOption({ label: 'Báo cáo tình hình chuyển đổi số' });
    await province.getByLabel('Kỳ').selectOption('2024M05');
    const table = province.getByTestId('completeness-table');
    await expect.poll(() => table.locator('tr', { hasText: 'Phường 5' }).textContent()).toContain('Đúng hạn');
    expect(await table.locator('tr', { hasText: 'Phường 5' }).textContent()).toContain('Đã phê duyệt');
    await expect.poll(() => province.getByTestId('completeness-figures').textContent()).toMatch(/Đúng hạn1/);
    await expect.poll(() => province.getByTestId('unit-map').getAttribute('data-regions')).toBe('11');
    t.ctx.clock.now = null;
    await context.close();
    await district.close();
    await province.close();
  });

  it('the reporting app installs and opens a report without a connection', async () => {
    const t = suite.t;
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await logIn(page, suite.base, 'canbo');
    await expect.poll(() => page.getByRole('button', { name: 'Đăng xuất' }).isVisible()).toBe(true);
    await page.goto(`${suite.base}/reports`);
    expect(await page.evaluate(() => document.querySelector('link[rel=manifest]')!.getAttribute('href'))).toBe('/manifest-reports.webmanifest');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    const row = page.getByTestId('due-list').locator('tr', { hasText: 'Báo cáo kết quả giải quyết thủ tục hành chính' }).first();
    await row.getByRole('button', { name: 'Lập báo cáo' }).click();
    const form = page.getByTestId('report-form');
    await form.getByLabel(/^Hồ sơ thủ tục hành chính tiếp nhận/).fill('31');
    await expect.poll(() => form.getByTestId('sync').textContent()).toBe('Đã lưu');
    const url = page.url();
    await page.reload();
    await expect.poll(() => form.getByLabel(/^Hồ sơ thủ tục hành chính tiếp nhận/).inputValue()).toBe('31');
    await context.setOffline(true);
    await page.goto(url);
    await expect.poll(() => form.getByLabel(/^Hồ sơ thủ tục hành chính tiếp nhận/).inputValue()).toBe('31');
    await form.getByLabel(/^Hồ sơ giải quyết đúng hạn/).fill('30');
    await expect.poll(() => form.getByTestId('sync').textContent()).toContain('Mất kết nối');
    await context.setOffline(false);
    await expect.poll(() => form.getByTestId('sync').textContent(), { timeout: 10_000 }).toBe('Đã lưu');
    const stored = await t.database.db.selectFrom('report as r').innerJoin('report_regime as g', 'g.id', 'r.regime_id').select('r.values').where('g.code', '=', 'BC_TTHC').orderBy('r.id', 'desc').executeTakeFirstOrThrow();
    expect(stored.values).toMatchObject({ RP_TTHC_RECEIVED: 31, RP_TTHC_ON_TIME: 30 });
    await context.close();
  });

  it('an administrator adds an item to a form with the form builder: a new form version', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, suite.base, 'admin');
    await page.getByRole('link', { name: 'Chế độ báo cáo' }).click();
    await page.locator('tr', { hasText: 'Báo cáo tình hình sản xuất nông nghiệp' }).getByRole('button', { name: 'Sửa' }).click();
    const builder = page.getByTestId('form-builder');
    const section = builder.locator('fieldset').first();
    await section.getByRole('button', { name: 'Thêm chỉ tiêu' }).click();
    await section.getByLabel('Chỉ tiêu').last().selectOption('RP_NEW_ENTERPRISES');
    await section.getByLabel('Bắt buộc').last().check();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Sửa chế độ báo cáo' }).textContent()).toContain('Đã lưu (biểu mẫu phiên bản 2)');
    const form = await suite.t.database.db.selectFrom('report_form as f').innerJoin('report_regime as g', 'g.id', 'f.regime_id').select(['f.version', 'f.definition'])
      .where('g.code', '=', 'BC_NN').orderBy('f.version', 'desc').executeTakeFirstOrThrow();
    expect(form.version).toBe(2);
    expect(JSON.stringify(form.definition)).toContain('"element": "RP_NEW_ENTERPRISES"'.replace(': ', ':'));
    await page.close();
  });
});
