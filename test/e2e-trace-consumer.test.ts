import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/server/app.js';
import { browserMissing, launchBrowser } from './browser.js';
import { consumerWorld, GTIN, LOT, type ConsumerWorld } from './trace-consumer-setup.js';

/** Issue 16, point 3: the consumer page a QR code opens, on a 360 px phone, with its CSP and its one script. */
describe.skipIf(browserMissing)('the consumer page in the browser', () => {
  let w: ConsumerWorld;
  let browser: Browser;
  let base = '';
  let close: () => Promise<void> = async () => {};
  beforeAll(async () => {
    w = await consumerWorld();
    const web = await buildApp(w.t.ctx, { web: false });
    await web.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(web.server.address() as { port: number }).port}`;
    close = () => web.close();
    browser = await launchBrowser();
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await close();
    await w?.t.close();
  });

  it('shows the product, the journey and the seal at 360 px without scrolling sideways, and shares the place', async () => {
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, geolocation: { latitude: 9.61, longitude: 105.97 }, permissions: ['geolocation'] });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    const res = await page.goto(`${base}/01/${GTIN}/10/${LOT}`);
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
    await page.getByRole('heading', { level: 1, name: 'Gạo ST25 Phước An' }).waitFor();
    const journey = page.getByTestId('journey');
    expect(await journey.locator('li').first().textContent()).toMatch(/01\/08\/2026 · Gieo trồng/);
    expect(await journey.textContent()).toContain('Xuất hàng');
    const seal = page.getByTestId('seal');
    expect(await seal.getAttribute('data-intact')).toBe('true');
    expect(await seal.textContent()).toContain('Nhật ký nguyên vẹn');
    expect(await page.locator('svg.map circle').count()).toBeGreaterThan(0);
    const widths = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, view: window.innerWidth }));
    expect(widths.scroll).toBeLessThanOrEqual(widths.view);
    for (const id of ['product', 'journey', 'seal']) {
      const box = (await page.getByTestId(id).boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(360);
    }
    // The page's script, served by the platform, adds the shared place to the scan the page recorded.
    const scanId = Number(await page.getAttribute('body', 'data-scan'));
    await page.getByRole('button', { name: 'Chia sẻ vị trí của tôi' }).click();
    await page.getByText('Đã ghi nhận vị trí').waitFor();
    const scan = await w.t.database.db.selectFrom('trace_scan').selectAll().where('id', '=', scanId).executeTakeFirstOrThrow();
    expect(scan).toMatchObject({ lat: 9.61, lon: 105.97 });
    // Feedback about the product goes into the citizen feedback intake, naming the product and lot.
    await page.getByLabel('Nội dung (ít nhất 10 ký tự)').fill('Gạo có mùi lạ sau khi nấu, mong kiểm tra.');
    await page.getByLabel('Họ tên').fill('Nguyễn Văn An');
    await page.getByLabel(/Tôi đồng ý/).check();
    await page.getByRole('button', { name: 'Gửi phản ánh' }).click();
    await page.getByText(/Đã gửi\. Mã theo dõi: /).waitFor();
    const code = (await page.locator('#feedback-result').textContent())!.replace(/^.*: /, '');
    const report = await w.t.app.inject({ method: 'GET', url: `/api/public/feedback/${code}` });
    expect(report.statusCode, report.body).toBe(200);
    // English, one tap away.
    await page.getByRole('link', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Phước An ST25 rice' }).waitFor();
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(problems).toEqual([]);
    await context.close();
  }, 60_000);
});
