import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from '../browser.js';

const suite = browserSuite();

describe.skipIf(browserMissing)('the Resolution 07 scorecard in Chromium', () => {
  it('opens the scorecard, drills down to a district, and opens an indicator history chart', async () => {
    const page = await suite.browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, suite.base, 'lanhdao');
    await page.getByRole('link', { name: 'Chỉ tiêu Nghị quyết 07' }).click();
    // It opens on Thành phố Cần Thơ; as of the end of 2024 the province in force was Tỉnh Sóc Trăng, with its districts.
    await expect.poll(() => page.getByTestId('scorecard-unit').textContent()).toBe('Thành phố Cần Thơ');
    await page.getByTestId('as-of').fill('2024-12-31');
    await expect.poll(() => page.getByTestId('scorecard-unit').textContent()).toBe('Tỉnh Sóc Trăng');

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
