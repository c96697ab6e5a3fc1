import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from '../browser.js';

// Issue 13, points 1 and 2, as a user sees them: today's province first, a successor's inherited targets labelled,
// a unit picker and an as-of day, drill-down showing what the store holds, sources for users, a percentage axis
// within 0–100, and the home page counting today's structure.
const suite = browserSuite();

describe.skipIf(browserMissing)("today's province first, in Chromium", () => {
  it("a leader's home counts today's units and the scorecard opens on Thành phố Cần Thơ, carrying Sóc Trăng's targets", async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, suite.base, 'lanhdao');

    const counts = page.getByTestId('unit-counts');
    await expect.poll(() => page.getByTestId('units-commune').textContent()).toContain('103');
    expect(await page.getByTestId('units-commune').textContent()).toMatch(/31 phường, 72 xã|72 xã, 31 phường/);
    expect(await counts.getByTestId('units-district').count()).toBe(0);
    expect(await counts.textContent()).not.toMatch(/(^|\D)0\s?(Sở|Đơn vị cấp huyện)/);

    await page.getByRole('link', { name: 'Chỉ tiêu Nghị quyết 07' }).click();
    await expect.poll(() => page.getByTestId('scorecard-unit').textContent()).toBe('Thành phố Cần Thơ');
    expect(await page.getByTestId('scorecard-history').textContent()).toContain('Gồm số liệu của Tỉnh Sóc Trăng (đơn vị tiền nhiệm, đến 30/06/2025).');
    const fibre = page.getByTestId('tile-NQ07_HH_FIBRE');
    expect(await fibre.textContent()).toContain('Đã đạt');
    expect(await fibre.textContent()).toContain('chỉ tiêu của Tỉnh Sóc Trăng (đơn vị tiền nhiệm)');
    const regimes = page.getByTestId('tile-NQ07_REPORT_REGIMES');
    expect(await regimes.textContent()).toContain('30,77');
    expect(await regimes.textContent()).toContain('Có nguy cơ');
    // Only the two training figures, which have no target anywhere, say so.
    expect(await page.locator('.score-tile', { hasText: 'Chưa có chỉ tiêu' }).count()).toBe(2);

    // A figure the province alone reports: no list of 103 dashes, sources in sentences, an axis within 0–100.
    await regimes.click();
    const detail = page.getByTestId('indicator-detail');
    await expect.poll(() => detail.getByTestId('below-none').isVisible()).toBe(true);
    expect(await detail.locator('td.num', { hasText: '—' }).count()).toBe(0);
    const sources = await detail.getByTestId('detail-sources').textContent();
    expect(sources).toContain('chỉ tiêu của Tỉnh Sóc Trăng (đơn vị tiền nhiệm)');
    expect(sources).not.toMatch(/seed \d|dti-ioc|\[\?\]/);
    await expect.poll(() => detail.getByTestId('history-chart').getAttribute('data-y-extent')).toBe('0,100');

    await page.getByTestId('tile-NQ07_WORKFILES_COMMUNE').click();
    await expect.poll(() => detail.textContent()).toContain('60 đơn vị trực thuộc khác chưa có số liệu năm 2023');
    expect(await detail.locator('tbody tr').count()).toBe(43);
    expect(await detail.locator('td.num', { hasText: '—' }).count()).toBe(0);

    // The picker: another unit, then another day (the ward did not exist yet: the province then in force).
    await page.getByTestId('unit-picker').selectOption({ label: 'Phường Sóc Trăng' });
    await expect.poll(() => page.getByTestId('scorecard-unit').textContent()).toBe('Phường Sóc Trăng');
    await page.getByTestId('as-of').fill('2024-12-31');
    await expect.poll(() => page.getByTestId('scorecard-unit').textContent()).toBe('Tỉnh Sóc Trăng');
    await expect.poll(() => page.getByTestId('unit-picker').locator('option', { hasText: 'Huyện Kế Sách' }).count()).toBe(1);
    expect(await page.getByTestId('tile-NQ07_HH_FIBRE').textContent()).not.toContain('tiền nhiệm');
    expect(errors).toEqual([]);
    await page.close();
  });

  it("an officer's scorecard opens on its ward, the picker offering its own unit", async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, suite.base, 'canbo');
    await page.getByRole('link', { name: 'Chỉ tiêu Nghị quyết 07' }).click();
    await expect.poll(() => page.getByTestId('scorecard-unit').textContent()).toBe('Phường Sóc Trăng');
    await expect.poll(() => page.getByTestId('unit-picker').locator('option').allTextContents()).toEqual(['Phường Sóc Trăng']);
    await page.close();
  });
});
