import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';

const suite = browserSuite();

describe.skipIf(browserMissing)('citizen feedback in Chromium', () => {
  it('a citizen reports on a phone, the commune officer answers from the inbox, the citizen reads the answer by its code', async () => {
    const phone = await suite.browser.newPage({ viewport: { width: 390, height: 844 } });
    await phone.goto(`${suite.base}/cong-dan`);
    const form = phone.getByRole('form', { name: 'Gửi phản ánh' });
    await form.getByLabel('Lĩnh vực').selectOption({ label: 'Thoát nước, ngập úng' });
    await expect.poll(() => form.getByText('Thời hạn xử lý: 5 ngày làm việc').isVisible()).toBe(true);
    await form.getByLabel('Xã, phường nơi xảy ra').selectOption({ label: 'Phường Sóc Trăng' });
    await form.getByLabel('Nội dung').fill('Nước ngập sâu ở đường Trần Hưng Đạo sau cơn mưa chiều nay.');
    await form.getByLabel('Họ tên').fill('Trần Thị Hoa');
    await form.getByLabel(/Tôi đồng ý/).check();
    await form.getByRole('button', { name: 'Gửi' }).click();
    const sent = phone.getByTestId('sent');
    await expect.poll(() => sent.textContent()).toContain('Phường Sóc Trăng xử lý');
    const code = (await sent.locator('.code').textContent())!.trim();
    expect(code).toMatch(/^FE-/);

    const office = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    await logIn(office, suite.base, 'canbo');
    await office.getByRole('link', { name: 'Phản ánh – kiến nghị' }).click();
    await office.getByRole('button', { name: code }).click();
    const detail = office.getByTestId('case-detail');
    await expect.poll(() => detail.textContent()).toContain('Trần Thị Hoa');
    await detail.getByRole('button', { name: 'Tiếp nhận' }).click();
    await expect.poll(() => detail.textContent()).toContain('Đơn vị đã nhận');
    await detail.getByLabel('Nội dung trả lời').fill('Đã nạo vét cống, tuyến đường hết ngập.');
    await detail.getByRole('button', { name: 'Trả lời' }).click();
    await expect.poll(() => detail.textContent()).toContain('Đã trả lời');

    const track = phone.getByRole('form', { name: 'Tra cứu phản ánh' });
    await track.getByPlaceholder('FE-XXXX-XXXX').fill(code);
    await track.getByRole('button', { name: 'Tra cứu' }).click();
    await expect.poll(() => phone.getByTestId('report').textContent()).toContain('Đã nạo vét cống, tuyến đường hết ngập.');
    expect(await phone.getByTestId('report').textContent()).not.toContain('Trần Thị Hoa');
    await phone.close();
    await office.close();
  });
});
