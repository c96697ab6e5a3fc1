import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { browserMissing, launchBrowser } from './browser.js';
import { createTestApp, DEMO_PASSWORD, type TestApp } from './helpers.js';

let t: TestApp;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (browserMissing) return;
  t = await createTestApp();
  const web = await buildApp(t.ctx, { web: true });
  await web.listen({ port: 0, host: '127.0.0.1' });
  const old = t.close;
  t.close = async () => {
    await web.close();
    await old();
  };
  base = `http://127.0.0.1:${(web.server.address() as { port: number }).port}`;
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await t?.close();
});

describe.skipIf(browserMissing)('the Resolution 07 scorecard in Chromium', () => {
  it('opens the scorecard, drills down to a district, and opens an indicator history chart', async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base);
    await page.getByLabel('Tên đăng nhập').fill('lanhdao');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
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
    expect(errors).toEqual([]);
    await page.close();
  });

  it('the DTI page charts the rank by year', async () => {
    const page = await browser.newPage();
    await page.goto(base);
    await page.getByLabel('Tên đăng nhập').fill('lanhdao');
    await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await page.getByRole('link', { name: 'Chỉ số DTI' }).click();
    await expect.poll(() => page.getByTestId('dti-rank').locator('canvas').count()).toBe(1);
    await expect.poll(() => page.getByTestId('tile-DTI_RANK').textContent()).toContain('36');
    await page.close();
  });
});
