import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';
import { quietAfter, seedPages, settle, spaNavigate } from './e2e-pages.js';
import { adminOnly, measure, routerPaths, routeUrls, WIDTH } from './phone-pages.js';

// Issue 13, point 6: every page of the web app fits a 360 px phone. Tables may scroll inside their own container
// (overflow-x: auto); the page itself never scrolls sideways.
const suite = browserSuite();
const ACCOUNTS = ['admin', 'lanhdao', 'thamdinh', 'canbo'] as const;

/** An alert of the officer's ward, with a long title, for its page. */
async function seedAlert(): Promise<number> {
  const admin = await suite.t.login('admin');
  const token = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Tổng đài 114 (thử)', scopes: ['alerts'] } })).json().token;
  const res = await suite.t.app.inject({
    method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${token}` },
    payload: { type: 'HOTLINE_114', title: { vi: 'Cháy lan rộng tại dãy nhà kho số 3 đường Trần Hưng Đạo, phường Sóc Trăng, cần hỗ trợ gấp' }, details: { vi: 'Người gọi báo khói đen bốc cao.' } },
  });
  return res.json().id as number;
}

/** Today's daily briefing, made by the administrator, for its page. */
async function seedBriefing(): Promise<number> {
  const admin = await suite.t.login('admin');
  return (await admin.request({ method: 'POST', url: '/api/briefings/generate', payload: { kind: 'daily' } })).json().id as number;
}

describe.skipIf(browserMissing)('every page at 360 px in Chromium', () => {
  it("the test's list of routes is the router's", () => {
    expect(Object.keys(routeUrls(1, 'x')).sort()).toEqual(routerPaths().sort());
    expect([...adminOnly].sort()).toEqual(['/audit', '/connectors', '/ioc/alert-types', '/ioc/fields', '/ioc/rules', '/metadata', '/reports/regimes', '/tokens']);
  });

  it('no page of any demo account is wider than a 360 px phone; each has one heading and at most one menu item lit, its own', async () => {
    const { reportId, caseCode } = await seedPages(suite.t);
    const alertId = await seedAlert();
    const briefingId = await seedBriefing();
    const routes = Object.entries(routeUrls(reportId, caseCode, alertId, briefingId)).filter(([path]) => path !== '/cong-dan' && path !== '/ioc/wall');
    const wide: string[] = [];
    const errors: string[] = [];
    /** One phone of its own (cookies, page) per visitor; the visitors go round at the same time. */
    const visit = async (visitor: string | null) => {
      // "admin:en" is the administrator in English, whose words are longer.
      const [account, lang] = visitor?.split(':') ?? [null];
      const context = await suite.browser.newContext({ viewport: { width: WIDTH, height: 740 } });
      const page = await context.newPage();
      page.on('pageerror', (e) => errors.push(`${visitor}: ${e.message}`));
      const quiet = quietAfter(page);
      const check = async (who: string, url: string) => {
        // Under load a page may still be loading when the network first goes quiet: its heading says it is drawn.
        await page.locator('h1').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
        await settle(page, quiet);
        const { width, culprits, headings, lit, shown } = await measure(page);
        if (width > WIDTH) wide.push(`${who} ${url}: ${width}px — ${culprits.join('; ')}`);
        if (headings !== 1) wide.push(`${who} ${url}: ${headings} <h1>`);
        if (lit > 1 || lit < shown) wide.push(`${who} ${url}: ${lit} menu items lit`);
      };
      if (account === null) {
        await page.goto(`${suite.base}/cong-dan`);
        await check('(citizen)', '/cong-dan');
        await page.goto(`${suite.base}/ioc/wall`);
        await check('(wall without its token)', '/ioc/wall');
        await page.goto(suite.base);
        await check('(signed out)', '/');
      } else {
        await logIn(page, suite.base, account!);
        await page.locator('.topbar').waitFor();
        if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
        for (const url of routes.filter(([path]) => account === 'admin' || !adminOnly.has(path)).flatMap(([, list]) => list)) {
          await spaNavigate(page, url);
          await check(visitor!, url);
        }
      }
      await context.close();
    };
    await Promise.all([null, ...ACCOUNTS, 'admin:en'].map(visit));
    expect(wide, wide.join('\n')).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000); // About 90 pages: longer than one flow, on a loaded two-core machine.

  it("on a phone a tapped scorecard tile's detail comes into view; a case's photo stays above its answer, on a phone and a desktop", async () => {
    const { caseCode } = await seedPages(suite.t);
    const context = await suite.browser.newContext({ viewport: { width: WIDTH, height: 740 } });
    const page = await context.newPage();
    await logIn(page, suite.base, 'lanhdao');
    await page.locator('.topbar').waitFor();
    await spaNavigate(page, '/scorecard');
    await page.getByTestId('tile-NQ07_WORKFILES_COMMUNE').click();
    const detail = page.getByTestId('indicator-detail');
    const inView = async () => {
      const box = await detail.boundingBox();
      return box !== null && box.y >= -1 && box.y < 740;
    };
    await expect.poll(inView, { timeout: 5000 }).toBe(true);
    // And back to the tile tapped.
    await page.getByRole('button', { name: 'Về danh sách chỉ tiêu' }).click();
    await expect.poll(async () => (await page.getByTestId('tile-NQ07_WORKFILES_COMMUNE').boundingBox())?.y ?? -1).toBeGreaterThanOrEqual(0);

    await context.clearCookies();
    await logIn(page, suite.base, 'canbo');
    await page.locator('.topbar').waitFor();
    for (const size of [{ width: WIDTH, height: 740 }, { width: 1366, height: 900 }]) {
      await page.setViewportSize(size);
      await spaNavigate(page, `/feedback?ma=${caseCode}`);
      const photo = page.getByTestId('case-photos').locator('img').first();
      await photo.waitFor();
      await expect.poll(() => photo.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
      const [img, answer] = [await photo.boundingBox(), await page.getByLabel('Nội dung trả lời', { exact: true }).boundingBox()];
      expect(img!.y + img!.height, `${size.width}px`).toBeLessThanOrEqual(answer!.y);
    }
    await context.close();
  });
});
