import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';
import { nextLoopback } from './helpers.js';

/** The operations centre in Chromium: the wall hears an alert with no reload; a leader acknowledges it on a phone. */
describe.skipIf(browserMissing)('the IOC in the browser', () => {
  const s = browserSuite();

  const tokenWith = async (scopes: string[], name: string) => {
    const admin = await s.t.login('admin');
    return (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name, scopes } })).json().token as string;
  };
  const raise = async (token: string, title: string, type = 'HOTLINE_114') => {
    const res = await s.t.app.inject({
      method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${token}` }, remoteAddress: nextLoopback(),
      payload: { type, title: { vi: title, en: `${title} (en)` } },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as number;
  };

  it('shows on the 3840×2160 wall an alert posted through the API within seconds, with no reload and no scrollbars', async () => {
    const wallToken = await tokenWith(['wall'], 'Màn hình IOC');
    const alertsToken = await tokenWith(['alerts'], 'Tổng đài 114');
    const page = await s.browser.newPage({ viewport: { width: 3840, height: 2160 } });
    await page.goto(`${s.base}/ioc/wall?token=${wallToken}&rotate=0`);
    await page.getByTestId('wall-alerts').waitFor();
    await page.getByText('Trực tuyến').waitFor();
    let reloads = 0;
    page.on('load', () => reloads++);
    const id = await raise(alertsToken, 'Cháy kho hàng tại cảng Cái Cui');
    const popup = page.getByTestId('wall-popup').filter({ hasText: 'Cháy kho hàng tại cảng Cái Cui' });
    await popup.waitFor({ timeout: 5000 });
    await page.locator(`[data-alert-id="${id}"]`).waitFor({ timeout: 5000 });
    expect(reloads).toBe(0);
    const overflow = await page.evaluate(() => ({ h: document.documentElement.scrollHeight, w: document.documentElement.scrollWidth, vh: innerHeight, vw: innerWidth }));
    expect(overflow.h).toBeLessThanOrEqual(overflow.vh);
    expect(overflow.w).toBeLessThanOrEqual(overflow.vw);
    // Legible from across the room: the alert text is large on a 4K screen.
    const size = await popup.locator('strong').evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
    expect(size).toBeGreaterThanOrEqual(48);
    await page.close();
  });

  it('asks a wall opened without a token for one', async () => {
    const page = await s.browser.newPage();
    await page.goto(`${s.base}/ioc/wall`);
    await page.getByText('Màn hình cần mã hiển thị').waitFor();
    await page.close();
  });

  it('lets a leader acknowledge an alert in one tap on a 360 px phone, and the overview follows without reload', async () => {
    const alertsToken = await tokenWith(['alerts'], 'Tổng đài 115');
    const page = await s.browser.newPage({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
    await logIn(page, s.base, 'lanhdao');
    // The phone's menu opens from its button; the IOC is its first module.
    await page.getByRole('button', { name: /menu|Menu|Trình đơn/ }).first().tap();
    await page.getByRole('link', { name: 'Trung tâm điều hành (IOC)' }).tap();
    await page.getByTestId('ioc-unit').filter({ hasText: 'Thành phố Cần Thơ' }).waitFor();
    const id = await raise(alertsToken, 'Tai nạn giao thông trên cầu Cần Thơ', 'HOTLINE_115');
    const item = page.locator(`[data-alert-id="${id}"]`);
    await item.waitFor({ timeout: 5000 });
    await item.getByRole('link').click();
    await page.getByTestId('alert-state').filter({ hasText: 'Mới' }).waitFor();
    await page.getByRole('button', { name: 'Tiếp nhận' }).tap();
    await page.getByTestId('alert-state').filter({ hasText: 'Đã tiếp nhận' }).waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(360);
    const admin = await s.t.login('admin');
    const alert = (await admin.request({ method: 'GET', url: `/api/alerts/${id}` })).json();
    expect(alert.state).toBe('acknowledged');
    expect(alert.timeline.at(-1)).toMatchObject({ action: 'acknowledged', actor: 'lanhdao' });
    await page.close();
  });
});
