import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';

const suite = browserSuite();

describe.skipIf(browserMissing)('the Resolution 07 scorecard in Chromium', () => {
  it('opens the scorecard, drills down to a district, and opens an indicator history chart', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, suite.base, 'lanhdao');
    await page.getByRole('link', { name: 'Chỉ tiêu Nghị quyết 07' }).click();

    const tile = page.getByTestId('tile-NQ07_REPORT_REGIMES');
    await expect.poll(() => tile.textContent()).toContain('30,77');
    expect(await tile.textContent()).toContain('Có nguy cơ');
    expect(await page.getByTestId('tile-NQ07_HH_FIBRE').textContent()).toContain('Đã đạt');

    await page.getByTestId('tile-NQ07_WORKFILES_COMMUNE').click();
    const detail = page.getByTestId('indicator-detail');
    await expect.poll(() => detail.getByRole('button', { name: 'Huyện Kế Sách' }).isVisible()).toBe(true);
    await detail.getByRole('button', { name: 'Huyện Kế Sách' }).click();

    await expect.poll(() => page.getByTestId('scorecard-unit').textContent()).toBe('Huyện Kế Sách');
    const districtTile = page.getByTestId('tile-NQ07_WORKFILES_COMMUNE');
    await expect.poll(() => districtTile.textContent()).toMatch(/\d+,\d+/);
    expect(await districtTile.textContent()).toMatch(/hạng \d+\/11/);
    await districtTile.click();
    const chart = page.getByTestId('history-chart');
    await expect.poll(() => chart.getAttribute('aria-label')).toContain('diễn biến theo năm');
    await expect.poll(() => chart.locator('canvas').count()).toBe(1);
    await expect.poll(() => detail.textContent()).toContain('Xã');

    // The district's scorecard, to print or forward, is the one on screen (Kế Sách is 943).
    const [pdf] = await Promise.all([page.waitForEvent('download'), page.getByRole('group', { name: 'Tải bảng chỉ tiêu' }).getByRole('link', { name: 'In / PDF' }).click()]);
    expect(pdf.suggestedFilename()).toMatch(/^chi-tieu-NQ07-943-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(await pdf.failure()).toBeNull();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the DTI page charts the rank by year', async () => {
    const page = await suite.browser.newPage();
    await logIn(page, suite.base, 'lanhdao');
    await page.getByRole('link', { name: 'Chỉ số DTI' }).click();
    await expect.poll(() => page.getByTestId('dti-rank').locator('canvas').count()).toBe(1);
    await expect.poll(() => page.getByTestId('tile-DTI_RANK').textContent()).toContain('36');
    const gaps = page.getByTestId('dti-gaps');
    await expect.poll(() => gaps.textContent()).toContain('+0,083 so với bình quân');
    await page.close();
  });
});

describe.skipIf(browserMissing)('the data-entry grid in Chromium', () => {
  it('an officer enters values for its commune: a bad value is flagged before saving, a good one is saved and counted', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, suite.base, 'canbo');
    await page.getByRole('link', { name: 'Nhập số liệu' }).click();
    await page.getByLabel('Loại kỳ').selectOption('month');
    await page.getByLabel('Năm', { exact: true }).fill('2025');
    await page.getByRole('combobox', { name: /^Kỳ/ }).selectOption('2025M08');
    await page.getByLabel('Đơn vị').selectOption({ label: 'Phường Sóc Trăng (31507)' });

    const fibre = page.getByLabel('PAYMENT_ACCOUNT_15PLUS_PCT default');
    await fibre.fill('120');
    await expect.poll(() => page.getByText('Tỷ lệ phải từ 0 đến 100').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: /Lưu 1 thay đổi/ }).isDisabled()).toBe(true);
    await fibre.fill('72,5');
    await page.getByLabel('PAYMENT_ACCOUNT_15PLUS default').fill('1234');
    await page.getByRole('button', { name: /Lưu 2 thay đổi/ }).click();
    await expect.poll(() => page.getByText('Đã lưu: 2 mới, 0 cập nhật, 0 xóa.').isVisible()).toBe(true);

    const stored = await suite.t.database.db.selectFrom('data_value as v').innerJoin('data_element as e', 'e.id', 'v.element_id')
      .select(['e.code', 'v.value', 'v.stored_by']).where('v.period', '=', '2025M08').orderBy('e.code').execute();
    expect(stored).toEqual([
      { code: 'PAYMENT_ACCOUNT_15PLUS', value: '1234', stored_by: 'canbo' },
      { code: 'PAYMENT_ACCOUNT_15PLUS_PCT', value: '72.5', stored_by: 'canbo' },
    ]);

    // Who stored a figure and when, and a note for whoever checks it next.
    await page.getByRole('button', { name: /^Chi tiết: Người từ 15 tuổi trở lên có tài khoản thanh toán trực tuyến, kỳ 2025M08$/ }).click();
    const detail = page.getByTestId('value-detail');
    await expect.poll(() => detail.textContent()).toContain('lưu bởi canbo');
    await expect.poll(() => page.getByTestId('value-history').textContent()).toContain('Nhập mới');
    await detail.getByLabel('Ghi chú').fill('Số liệu từ ngân hàng, chờ đối chiếu');
    await detail.getByLabel('Cần kiểm tra lại').check();
    await detail.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await expect.poll(() => page.getByTestId('value-history').locator('li').count()).toBe(2);
    expect(await page.getByTestId('value-history').textContent()).toContain('Ghi chú, đánh dấu');
    expect(await page.getByTestId('value-history').textContent()).toContain('“Số liệu từ ngân hàng, chờ đối chiếu”');
    await expect.poll(() => page.getByRole('button', { name: /kỳ 2025M08$/ }).first().textContent()).toBe('⚑');
    const flagged = await suite.t.database.db.selectFrom('data_value').select(['value', 'comment', 'followup']).where('period', '=', '2025M08').where('value', '=', '1234').executeTakeFirstOrThrow();
    expect(flagged).toEqual({ value: '1234', comment: 'Số liệu từ ngân hàng, chờ đối chiếu', followup: true });
    await detail.getByRole('button', { name: 'Đóng' }).click();

    // The whole year at once: one column per month, August as just saved; July and September entered together.
    await page.getByRole('combobox', { name: /^Kỳ/ }).selectOption('all');
    const august = page.getByLabel('PAYMENT_ACCOUNT_15PLUS default 2025M08');
    await expect.poll(() => august.inputValue()).toBe('1234');
    expect(await page.getByRole('columnheader', { name: 'T12' }).isVisible()).toBe(true);
    await page.getByLabel('PAYMENT_ACCOUNT_15PLUS default 2025M07').fill('1200');
    await page.getByLabel('PAYMENT_ACCOUNT_15PLUS default 2025M09').fill('1250,5');
    await expect.poll(() => page.getByText('Phải là số nguyên').isVisible()).toBe(true); // people are counted whole
    await page.getByLabel('PAYMENT_ACCOUNT_15PLUS default 2025M09').fill('1250');
    await page.getByRole('button', { name: /Lưu 2 thay đổi/ }).click();
    await expect.poll(() => page.getByText('Đã lưu: 2 mới, 0 cập nhật, 0 xóa.').isVisible()).toBe(true);
    const months = await suite.t.database.db.selectFrom('data_value as v').innerJoin('data_element as e', 'e.id', 'v.element_id')
      .select(['v.period', 'v.value']).where('e.code', '=', 'PAYMENT_ACCOUNT_15PLUS').where('v.period', 'in', ['2025M07', '2025M08', '2025M09']).orderBy('v.period').execute();
    expect(months).toEqual([{ period: '2025M07', value: '1200' }, { period: '2025M08', value: '1234' }, { period: '2025M09', value: '1250' }]);

    // The flagged figure waits at the top of the page until someone has checked it and cleared the flag.
    const followUp = page.getByTestId('follow-up');
    await expect.poll(() => followUp.isVisible()).toBe(true);
    await followUp.locator('summary').click();
    await followUp.getByRole('row').filter({ hasText: '2025M08' }).getByRole('button').click();
    await expect.poll(() => followUp.getByLabel('Ghi chú').inputValue()).toBe('Số liệu từ ngân hàng, chờ đối chiếu');
    await followUp.getByLabel('Ghi chú').fill('Đã đối chiếu với ngân hàng');
    await followUp.getByLabel('Cần kiểm tra lại').uncheck();
    await followUp.getByRole('button', { name: 'Lưu ghi chú' }).click();
    await expect.poll(() => page.getByTestId('follow-up').count()).toBe(0);
    expect(await suite.t.database.db.selectFrom('data_value').select(['comment', 'followup']).where('period', '=', '2025M08').where('value', '=', '1234').executeTakeFirstOrThrow())
      .toEqual({ comment: 'Đã đối chiếu với ngân hàng', followup: false });
    expect(errors).toEqual([]);
    await page.close();
  });
});

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
