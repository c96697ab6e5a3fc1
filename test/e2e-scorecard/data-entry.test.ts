import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from '../browser.js';

const suite = browserSuite();

describe.skipIf(browserMissing)('the data-entry grid in Chromium', () => {
  it('an officer enters values for its commune: a bad value is flagged before saving, a good one is saved and counted', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, suite.base, 'canbo');
    await page.getByRole('link', { name: 'Nhập số liệu' }).click();
    // The officer's only unit is chosen, this year shown, and the grid offers what a ward reports: not the DTI rank,
    // not the platform's computed figures.
    await expect.poll(() => page.getByLabel('PAYMENT_ACCOUNT_15PLUS default').count()).toBe(1);
    expect(await page.getByLabel('Năm', { exact: true }).inputValue()).toBe(String(new Date().getFullYear()));
    expect(await page.getByLabel('DTI_RANK default').count()).toBe(0);
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
    // The first save's message reads the same, so what shows this one's is the store itself.
    const months = () => suite.t.database.db.selectFrom('data_value as v').innerJoin('data_element as e', 'e.id', 'v.element_id')
      .select(['v.period', 'v.value']).where('e.code', '=', 'PAYMENT_ACCOUNT_15PLUS').where('v.period', 'in', ['2025M07', '2025M08', '2025M09']).orderBy('v.period').execute();
    await expect.poll(months).toEqual([{ period: '2025M07', value: '1200' }, { period: '2025M08', value: '1234' }, { period: '2025M09', value: '1250' }]);
    expect(await page.getByText('Đã lưu: 2 mới, 0 cập nhật, 0 xóa.').isVisible()).toBe(true);

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
