import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from '../browser.js';

const suite = browserSuite();

describe.skipIf(browserMissing)('the indicator catalogue in Chromium', () => {
  it('an administrator writes a formula, sees the fault marked where it is, fixes it, saves the indicator with a target, and the scorecard shows it', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, suite.base, 'admin');
    await page.getByRole('link', { name: 'Danh mục chỉ tiêu' }).click();
    await page.getByRole('button', { name: 'Thêm chỉ số' }).click();
    const form = page.getByRole('form', { name: 'Thêm chỉ số' });
    await form.getByLabel('Mã', { exact: true }).fill('e2e_regimes_missing');
    await form.getByLabel('Tên tiếng Việt').fill('Số chế độ báo cáo chưa kết nối');
    await form.getByLabel('Tên tiếng Anh').fill('Reporting regimes not connected');
    await form.getByLabel('Chiều tốt').selectOption('lower');

    const numerator = form.getByRole('textbox', { name: 'Tử số' });
    await numerator.fill('#{REPORT_REGIMES_TOTAL} - * 2');
    const verdict = page.getByTestId('formula-verdict');
    await expect.poll(() => verdict.textContent()).toContain('Công thức không hợp lệ tại vị trí 27: ký tự "*" không đúng chỗ');
    expect(await page.getByTestId('formula-fault').locator('mark').textContent()).toBe('*');
    expect(await form.getByRole('button', { name: 'Lưu' }).isDisabled()).toBe(true);

    // Fixed by picking the element from the list, inserted where the cursor stands.
    await numerator.fill('#{REPORT_REGIMES_TOTAL} - ');
    await numerator.press('End');
    await form.getByLabel('Tử số: Chèn chỉ tiêu dữ liệu…').selectOption('REPORT_REGIMES_CONNECTED');
    expect(await numerator.inputValue()).toBe('#{REPORT_REGIMES_TOTAL} - #{REPORT_REGIMES_CONNECTED}');
    await expect.poll(() => verdict.textContent()).toBe('Công thức hợp lệ.');
    await form.getByRole('button', { name: 'Lưu' }).click();

    const targets = page.getByRole('region', { name: 'Giá trị cơ sở và chỉ tiêu của tỉnh' });
    await expect.poll(() => targets.isVisible()).toBe(true);
    await targets.getByRole('button', { name: 'Thêm dòng' }).click();
    await targets.getByLabel('Giá trị', { exact: true }).fill('0');
    await targets.getByLabel('Nguồn').fill('Kế hoạch thử nghiệm');
    await targets.getByRole('button', { name: 'Lưu chỉ tiêu' }).click();
    await expect.poll(() => targets.getByRole('status').textContent()).toContain('Đã lưu');

    await page.getByRole('link', { name: 'Chỉ tiêu Nghị quyết 07' }).click();
    const tile = page.getByTestId('tile-E2E_REGIMES_MISSING');
    await expect.poll(() => tile.textContent()).toContain('Số chế độ báo cáo chưa kết nối');
    expect(await tile.textContent()).toContain('9'); // 13 regimes, 4 connected (2023)
    expect(errors).toEqual([]);
    await page.close();
  });

  it('an administrator tries to make the DTI government pillar an integer, is shown the stored values that do not fit, and changes its aggregation instead', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, suite.base, 'admin');
    await page.getByRole('link', { name: 'Danh mục chỉ tiêu' }).click();
    await page.getByRole('tab', { name: 'Chỉ tiêu dữ liệu' }).click();
    await page.getByRole('row').filter({ hasText: 'DTI_GOV' }).getByRole('button').click();
    const form = page.getByRole('form', { name: 'Sửa chỉ tiêu dữ liệu DTI_GOV' });
    await form.getByLabel('Kiểu giá trị').selectOption('integer');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toMatch(/giá trị đã lưu không hợp với kiểu mới .*chưa đổi gì/);
    expect(await page.getByTestId('misfits').textContent()).toContain('không phải là số nguyên: 0.3105');
    await form.getByLabel('Kiểu giá trị').selectOption('number');
    await form.getByLabel('Tổng hợp theo thời gian').selectOption('max');
    await form.getByRole('button', { name: 'Lưu' }).click();
    await expect.poll(() => form.getByRole('status').textContent()).toContain('Đã lưu');
    await expect.poll(() => page.getByRole('row').filter({ hasText: 'DTI_GOV' }).textContent()).toContain('Lớn nhất'); // the list reloads after saving
    expect(errors).toEqual([]);
    await page.close();
  });
});
