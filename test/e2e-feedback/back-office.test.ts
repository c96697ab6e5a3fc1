import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from '../browser.js';

const suite = browserSuite();

describe.skipIf(browserMissing)('the feedback back office in Chromium', () => {
  it('an officer accepts and assigns two cases at once, sees them on the map, and an administrator edits the routing rules', async () => {
    const codes: string[] = [];
    const socTrang = (await suite.t.database.db.selectFrom('org_unit').select('id').where('code', '=', '31507').where('valid_to', 'is', null).executeTakeFirstOrThrow()).id;
    for (const [i, lat] of [9.6, 9.61].entries()) {
      const res = await suite.t.app.inject({ method: 'POST', url: '/api/public/feedback', remoteAddress: `10.9.0.${i + 1}`, payload: {
        category: 'TREES', description: `Cây xanh gãy đổ chắn lối đi số ${i + 1}`, placeUnitId: socTrang, lat, lon: 105.97, consent: true, contact: { name: 'Người dân' },
      } });
      codes.push(res.json().trackingCode);
    }
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(page, suite.base, 'canbo');
    await page.getByRole('link', { name: 'Phản ánh – kiến nghị' }).click();
    await expect.poll(() => page.getByTestId('fb-figures').isVisible()).toBe(true);
    await page.getByLabel('Lĩnh vực').first().selectOption({ label: 'Cây xanh' });
    for (const code of codes) await page.getByRole('checkbox', { name: code }).check();
    const bar = page.getByTestId('bulk-bar');
    await expect.poll(() => bar.textContent()).toContain('Đã chọn 2');
    await bar.getByRole('button', { name: 'Tiếp nhận' }).click();
    await expect.poll(() => page.locator('tbody').textContent()).toContain('Đơn vị đã nhận');
    for (const code of codes) await page.getByRole('checkbox', { name: code }).check();
    await bar.getByLabel('Giao cho').selectOption({ label: 'Cán bộ Phường Sóc Trăng (mẫu)' });
    await bar.getByRole('button', { name: 'Giao', exact: true }).click();
    await expect.poll(async () => (await page.locator('tbody tr').allTextContents()).filter((r) => r.includes('Cán bộ Phường Sóc Trăng (mẫu)')).length).toBe(2);
    await page.getByRole('button', { name: 'Bản đồ' }).click();
    await expect.poll(() => page.getByTestId('inbox-map').getAttribute('data-points')).toBe('2');
    // A caller on the hotline: the officer records the report, and the caller is read the code.
    await page.getByRole('button', { name: 'Nhập phản ánh qua tổng đài' }).click();
    const entry = page.getByRole('form', { name: 'Nhập phản ánh qua tổng đài' });
    await entry.getByLabel('Lĩnh vực').selectOption({ label: 'Cây xanh' });
    await entry.getByLabel('Xã, phường nơi xảy ra').selectOption({ label: 'Phường Sóc Trăng' });
    await entry.getByLabel('Nội dung').fill('Cây dầu trước trường học nghiêng, có nguy cơ đổ.');
    await entry.getByLabel('Họ tên người phản ánh').fill('Ông Tư');
    await entry.getByRole('button', { name: 'Ghi nhận' }).click();
    await expect.poll(() => entry.getByRole('status').textContent()).toMatch(/Đã ghi nhận phản ánh FE-/);
    const hotline = await suite.t.database.db.selectFrom('case_record').select(['channel', 'state']).where('description', 'like', 'Cây dầu trước trường%').executeTakeFirstOrThrow();
    expect(hotline).toEqual({ channel: 'hotline', state: 'routed' });
    await page.close();

    const admin = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(admin, suite.base, 'admin');
    await admin.getByRole('link', { name: 'Cấu hình phản ánh' }).click();
    const rules = admin.getByRole('region', { name: 'Quy tắc chuyển xử lý' });
    await expect.poll(() => rules.locator('tbody tr').count()).toBe(1);
    await rules.getByRole('button', { name: 'Thêm' }).click();
    await rules.locator('tbody tr').first().getByLabel('Lĩnh vực').selectOption({ label: 'Đất đai' });
    await rules.getByRole('button', { name: 'Lưu quy tắc' }).click();
    await expect.poll(() => rules.textContent()).toContain('Đã lưu.');
    const saved = await suite.t.database.db.selectFrom('case_routing_rule').select(['category_code', 'target']).orderBy('position').execute();
    expect(saved).toEqual([{ category_code: 'LAND', target: 'place_parent' }, { category_code: null, target: 'place' }]);
    await admin.close();
  });
});
