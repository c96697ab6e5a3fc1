import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from '../browser.js';

const suite = browserSuite();

describe.skipIf(browserMissing)('import with a progress bar in Chromium', () => {
  it('an administrator uploads a CSV, sees the progress reach 100% and the counts, then the bad rows of another file', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, suite.base, 'admin');
    await page.getByRole('link', { name: 'Nhập / xuất dữ liệu' }).click();
    const lines = ['dataelement,period,orgunit,catoptcombo,attroptcombo,value'];
    for (const unit of ['941', '942', '943']) for (let m = 1; m <= 12; m++) lines.push(`PAYMENT_ACCOUNT_15PLUS,2024M${String(m).padStart(2, '0')},${unit},,,${m}`);
    await page.locator('input[name=file]').setInputFiles({ name: 'so-lieu.csv', mimeType: 'text/csv', buffer: Buffer.from(lines.join('\n')) });
    await page.getByLabel('Chạy thử (không ghi)').uncheck();
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    const progress = page.getByTestId('import-progress');
    await expect.poll(() => progress.locator('progress').getAttribute('value')).toBe('100');
    await expect.poll(() => page.getByText('36 mới, 0 cập nhật, 0 xóa, 0 bỏ qua').isVisible()).toBe(true);

    await page.locator('input[name=file]').setInputFiles({ name: 'loi.csv', mimeType: 'text/csv', buffer: Buffer.from('h\nPAYMENT_ACCOUNT_15PLUS,2024M13,941,,,1\nNOPE,2024,941,,,1\n') });
    await page.getByRole('button', { name: 'Nhập', exact: true }).click();
    await expect.poll(() => page.getByText('Không nhập: tệp có dòng lỗi').isVisible()).toBe(true);
    // The reasons are in the reader's language.
    await expect.poll(() => page.getByRole('cell', { name: 'không có chỉ tiêu dữ liệu NOPE' }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: '"2024M13" không phải là mã kỳ', exact: false }).isVisible()).toBe(true);
    expect(await page.getByRole('cell', { name: 'NOPE', exact: true }).isVisible()).toBe(true);
    await page.close();
  });
});
