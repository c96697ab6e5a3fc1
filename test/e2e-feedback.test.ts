import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';
import { phonePhoto } from './photos.js';

const suite = browserSuite();

describe.skipIf(browserMissing)('citizen feedback in Chromium', () => {
  it('a citizen reports with a photo and a pin on a phone, the commune officer blurs the photo and answers, the citizen reads the answer by its code and rates it', async () => {
    const phone = await suite.browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${suite.base}/cong-dan`);
    const form = phone.getByRole('form', { name: 'Gửi phản ánh' });
    await form.getByLabel('Lĩnh vực').selectOption({ label: 'Thoát nước, ngập úng' });
    await expect.poll(() => form.getByText('Thời hạn xử lý: 5 ngày làm việc').isVisible()).toBe(true);
    await form.getByLabel('Nội dung').fill('Nước ngập sâu ở đường Trần Hưng Đạo sau cơn mưa chiều nay.');
    const map = phone.getByTestId('pin-map');
    await expect.poll(async () => (await map.boundingBox())?.height ?? 0).toBeGreaterThan(100);
    await map.click();
    await expect.poll(() => phone.getByTestId('pin').textContent()).toMatch(/^\d+\.\d{5}, \d+\.\d{5}$/);
    const [lat, lon] = (await phone.getByTestId('pin').textContent())!.split(', ').map(Number);
    expect(lat).toBeGreaterThan(9);
    expect(lat).toBeLessThan(10.2);
    expect(lon).toBeGreaterThan(105.4);
    expect(lon).toBeLessThan(106.4);
    await form.getByLabel('Xã, phường nơi xảy ra').selectOption({ label: 'Phường Sóc Trăng' });
    await form.getByLabel(/Ảnh hiện trường/).setInputFiles({ name: 'ngap.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto() });
    await expect.poll(() => phone.getByTestId('photo-previews').locator('img').count()).toBe(1);
    await form.getByLabel('Họ tên').fill('Trần Thị Hoa');
    await form.getByLabel(/Thư điện tử/).fill('hoa@example.org');
    await form.getByLabel(/Tôi đồng ý/).check();
    await form.getByRole('button', { name: 'Gửi', exact: true }).click();
    const sent = phone.getByTestId('sent');
    await expect.poll(() => sent.textContent()).toContain('Phường Sóc Trăng xử lý');
    expect(await sent.textContent()).toContain('Đã gửi 1 ảnh');
    const code = (await sent.locator('.code').textContent())!.trim();
    expect(code).toMatch(/^FE-/);
    const stored = await suite.t.database.db.selectFrom('case_record').select(['lat', 'lon']).where('tracking_code', '=', code).executeTakeFirstOrThrow();
    expect(stored.lat).toBeCloseTo(lat!, 4);
    expect(stored.lon).toBeCloseTo(lon!, 4);

    const office = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(office, suite.base, 'canbo');
    await expect.poll(() => office.getByTestId('bell').getAttribute('aria-label')).toMatch(/Thông báo \([1-9]/);
    await office.getByRole('link', { name: 'Phản ánh – kiến nghị' }).click();
    await office.getByRole('button', { name: code }).click();
    const detail = office.getByTestId('case-detail');
    await expect.poll(() => detail.textContent()).toContain('Trần Thị Hoa');
    await detail.getByRole('button', { name: 'Ảnh 1' }).click();
    const stage = office.getByTestId('redact-stage');
    await expect.poll(async () => (await stage.boundingBox())?.width ?? 0).toBeGreaterThan(100);
    const box = (await stage.boundingBox())!;
    await office.mouse.move(box.x + 10, box.y + 10);
    await office.mouse.down();
    await office.mouse.move(box.x + box.width / 3, box.y + box.height / 4, { steps: 5 });
    await office.mouse.up();
    await office.getByRole('button', { name: 'Làm mờ 1 vùng' }).click();
    await expect.poll(() => detail.getByTestId('case-photos').textContent()).toContain('Đã làm mờ');
    await detail.getByRole('button', { name: 'Tiếp nhận' }).click();
    await expect.poll(() => detail.textContent()).toContain('Đơn vị đã nhận');
    await detail.getByLabel('Nội dung trả lời').fill('Đã nạo vét cống, tuyến đường hết ngập.');
    await detail.getByRole('button', { name: 'Trả lời' }).click();
    await expect.poll(() => detail.textContent()).toContain('Đã trả lời');

    await sent.getByRole('button', { name: 'Tra cứu' }).click();
    const report = phone.getByTestId('report');
    await expect.poll(() => report.textContent()).toContain('Đã nạo vét cống, tuyến đường hết ngập.');
    expect(await report.textContent()).not.toContain('Trần Thị Hoa');
    expect(await report.locator('img').count()).toBe(1);
    const rate = phone.getByTestId('rate');
    await rate.getByRole('radio', { name: '5/5' }).click();
    await rate.getByLabel('Đã được giải quyết').check();
    await rate.getByRole('button', { name: 'Gửi đánh giá' }).click();
    await expect.poll(() => report.textContent()).toContain('Cảm ơn bạn đã đánh giá.');
    await expect.poll(() => report.textContent()).toContain('Đã hoàn thành');
    await phone.getByRole('tab', { name: 'Của tôi' }).click();
    await expect.poll(() => phone.getByTestId('mine-list').textContent()).toContain(code);
    await phone.close();
    await office.close();
  });

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
