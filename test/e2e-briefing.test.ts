import fs from 'node:fs';
import { extractText, getDocumentProxy } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';
import { nextLoopback } from './helpers.js';
import { measure, WIDTH } from './phone-pages.js';

const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
const vnDay = (at: Date) => new Date(at.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Issue 14, point 4: the briefing as leaders read it in Chromium, on a phone, and its PDF read back. */
describe.skipIf(browserMissing)('the briefing in the browser', () => {
  const s = browserSuite();

  it('a leader opens the briefing from the IOC on a 360 px phone and downloads its PDF, whose text says what the page says', async () => {
    const admin = await s.t.login('admin');
    const token = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Tổng đài 114', scopes: ['alerts'] } })).json().token;
    // Yesterday, Việt Nam time, a hotline raised an alert: today's daily briefing accounts for it.
    const yesterday = new Date(Date.now() - 86_400_000);
    s.t.ctx.clock.now = yesterday;
    const raised = await s.t.app.inject({
      method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${token}` }, remoteAddress: nextLoopback(),
      payload: { type: 'HOTLINE_114', severity: 'critical', title: { vi: 'Ngập sâu tại đường Lê Hồng Phong', en: 'Deep flooding on Le Hong Phong street' } },
    });
    expect(raised.statusCode).toBe(201);
    s.t.ctx.clock.now = null;
    expect((await admin.request({ method: 'POST', url: '/api/briefings/generate', payload: { kind: 'daily' } })).statusCode).toBe(201);

    const context = await s.browser.newContext({ viewport: { width: 360, height: 780 }, acceptDownloads: true });
    const page = await context.newPage();
    await logIn(page, s.base, 'lanhdao');
    // Signed in once the session cookie is there; then straight to the IOC (a phone's menu is folded away).
    await expect.poll(async () => (await context.cookies()).some((c) => c.name === 'tinhso_sid')).toBe(true);
    await page.goto(`${s.base}/ioc`);
    await page.getByRole('main').getByRole('link', { name: 'Bản tin điều hành' }).click();
    const title = `Bản tin điều hành ngày ${dmy(vnDay(yesterday))}`;
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const briefing = page.getByTestId('briefing');
    await briefing.getByText('Ngập sâu tại đường Lê Hồng Phong').or(briefing.getByRole('heading', { name: 'Cảnh báo' })).first().waitFor();
    expect(await briefing.getByRole('row', { name: /Cảnh báo mới/ }).textContent()).toMatch(/Cảnh báo mới\s*1/);
    const fit = await measure(page);
    expect(fit.culprits).toEqual([]);
    expect(fit.width).toBeLessThanOrEqual(WIDTH);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Tải PDF (tiếng Việt)' }).click()]);
    expect(download.suggestedFilename()).toBe(`${title.replace(/\//g, '-')}.pdf`);
    const bytes = fs.readFileSync((await download.path())!);
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(bytes)), { mergePages: true });
    for (const words of [title, 'Thành phố Cần Thơ', 'Cảnh báo mới 1', 'Phản ánh, kiến nghị', 'Chỉ số theo lĩnh vực', 'Báo cáo trễ hạn']) expect(text).toContain(words);
    // A leader reads; remaking is an administrator's, and the page does not offer it.
    expect(await page.getByRole('button', { name: 'Lập lại bản tin ngày' }).count()).toBe(0);
    await context.close();
  });

  it('an administrator remakes the briefing from the page, and the archive lists it once', async () => {
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, s.base, 'admin');
    await page.getByRole('link', { name: 'Bản tin điều hành' }).first().click();
    await page.getByTestId('briefing').waitFor();
    await page.getByRole('button', { name: 'Lập lại bản tin ngày' }).click();
    const admin = await s.t.login('admin');
    await expect.poll(async () => (await s.t.database.db.selectFrom('audit_log').select('action').where('action', '=', 'briefing.replace').execute()).length).toBe(1);
    const archive = page.getByRole('navigation', { name: 'Lưu trữ bản tin' });
    await expect.poll(() => archive.getByRole('link').count()).toBe(1);
    expect((await admin.request({ method: 'GET', url: '/api/briefings' })).json().briefings).toHaveLength(1);
    await page.close();
  });
});
