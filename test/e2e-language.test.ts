import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';
import { nextLoopback } from './helpers.js';
import { quietAfter, settle, spaNavigate } from './e2e-pages.js';

// Issue 13, point 8: one language at a time, one date format. In English no page shows the Vietnamese words the
// platform itself writes (units of measure, the report outline, timeline notes, notices, messages) — the diacritics
// are the signal, and the list leaves out what is rightly Vietnamese on any page: the names of units and people and
// what citizens and officers wrote. In Vietnamese no page shows an ISO date.
const suite = browserSuite();

/** Words and phrases of the platform's own Vietnamese texts that no proper name or seeded text here contains. */
const VIETNAMESE = [
  'người', 'hồ sơ', 'hộ', 'triệu đồng', 'điểm', 'hạng', 'doanh nghiệp', 'nhiệm vụ', 'tiêu chí', 'lượt', 'chế độ', 'báo cáo', 'phản ánh',
  'kết quả nổi bật', 'khó khăn', 'kiến nghị', 'đánh giá', 'giải quyết', 'đã tồn tại', 'hạn', 'được', 'nhắc', 'đơn vị', 'tiếp nhận', 'trạng thái',
  'ngày', 'tháng', 'năm', 'không', 'chưa', 'đã', 'mới',
];
const WORDS = new RegExp(`(?<![\\p{L}\\p{M}])(${VIETNAMESE.join('|')})(?![\\p{L}\\p{M}])`, 'giu');
const ISO_DATE = /(?<![\d-])\d{4}-\d{2}-\d{2}(?![\d-])/g;

/** The page's text, without what people wrote (marked by the page) and the names of units and people given here. */
async function pageText(page: Page, names: string[]): Promise<string> {
  let text = await page.evaluate(() => document.body.innerText);
  for (const name of names) text = text.split(name).join(' ');
  return text;
}

/** Each match with a little of its context, to say where it stands. */
const found = (text: string, pattern: RegExp) => [...text.matchAll(pattern)].map((m) => text.slice(Math.max(0, m.index! - 30), m.index! + m[0].length + 30).replace(/\s+/g, ' '));

describe.skipIf(browserMissing)('one language at a time in Chromium', () => {
  it('walks the main pages in English and in Vietnamese', async () => {
    const { t, browser, base } = suite;
    const db = t.database.db;
    const officer = await t.login('canbo');
    const me = (await officer.request({ method: 'GET', url: '/api/auth/me' })).json().user as { orgUnitId: number };
    const due = (await officer.request({ method: 'GET', url: '/api/reporting/due' })).json() as { regime: string; period: string }[];
    const reportId = (await officer.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: due[0]!.regime, unitId: me.orgUnitId, period: due[0]!.period } })).json().id as number;
    const send = async (description: string) => (await t.app.inject({
      method: 'POST', url: '/api/public/feedback', remoteAddress: nextLoopback(),
      payload: { category: 'LIGHTING', description, placeUnitId: me.orgUnitId, consent: true, contact: { name: 'Trần Thị Hoa' } },
    })).json().trackingCode as string;
    const rated = await send('Đèn đường trước cổng trường tiểu học bị tắt từ tuần trước.');
    const id = (await db.selectFrom('case_record').select('id').where('tracking_code', '=', rated).executeTakeFirstOrThrow()).id;
    for (const payload of [{ action: 'accept' }, { action: 'answer', answer: 'Điện lực đã thay bóng đèn.' }]) await officer.request({ method: 'POST', url: `/api/feedback/cases/${id}/actions`, payload });
    await t.app.inject({ method: 'POST', url: `/api/public/feedback/${rated}/rating`, payload: { rating: 5, solved: true }, remoteAddress: nextLoopback() });
    const open = await send('Cột đèn ở ngã tư gần chợ bị nghiêng sau cơn bão.');
    // Proper names and what people wrote, rightly in Vietnamese on an English page.
    const names = [
      ...(await db.selectFrom('org_unit').select('name').execute()).map((u) => u.name),
      ...(await db.selectFrom('app_user').select('display_name').execute()).map((u) => u.display_name),
      ...(await db.selectFrom('case_record').select(['description', 'public_answer']).execute()).flatMap((c) => [c.description, c.public_answer ?? '']),
      'Trần Thị Hoa', 'Tỉnh Số', 'Tiếng Việt',
    ].filter(Boolean).sort((a, b) => b.length - a.length);

    const pages: Record<string, string[]> = {
      canbo: ['/', '/feedback', `/feedback?ma=${rated}`, `/feedback?ma=${open}`, '/data-entry', '/reports', `/reports/${reportId}`, '/reports/completeness', '/account'],
      admin: ['/scorecard', '/dti', '/ioc', '/metadata', '/metadata?tab=elements', '/metadata?tab=combos', '/reports/regimes', '/feedback/settings', '/units', '/users', '/audit', '/tokens', '/exchange'],
    };
    const english: string[] = [];
    const iso: string[] = [];
    const errors: string[] = [];
    const check = async (page: Page, quiet: ReturnType<typeof quietAfter>, who: string, url: string, lang: 'en' | 'vi') => {
      await page.locator('h1').first().waitFor({ timeout: 10_000 }).catch(() => undefined);
      await settle(page, quiet);
      const text = await pageText(page, names);
      if (lang === 'en') english.push(...found(text, WORDS).map((m) => `${who} ${url}: …${m}…`));
      else iso.push(...found(text, ISO_DATE).map((m) => `${who} ${url}: …${m}…`));
    };
    for (const lang of ['en', 'vi'] as const) {
      for (const [account, urls] of Object.entries(pages)) {
        const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
        const page = await context.newPage();
        page.on('pageerror', (e) => errors.push(e.message));
        const quiet = quietAfter(page);
        await logIn(page, base, account);
        await page.locator('.topbar').waitFor();
        if (lang === 'en') await page.getByRole('button', { name: 'English' }).click();
        for (const url of urls) {
          await spaNavigate(page, url);
          await check(page, quiet, account, url, lang);
        }
        // The bell's notices (the officer's: a new report and the rating's closing).
        await spaNavigate(page, '/');
        await page.getByTestId('bell').click();
        await page.locator('.notifications').waitFor();
        await check(page, quiet, account, '(notifications)', lang);
        await context.close();
      }
      const citizen = await browser.newContext({ viewport: { width: 390, height: 844 } });
      await citizen.addInitScript((l) => localStorage.setItem('tinhso.lang', l), lang);
      const phone = await citizen.newPage();
      phone.on('pageerror', (e) => errors.push(e.message));
      const quiet = quietAfter(phone);
      for (const url of ['/cong-dan', `/cong-dan?ma=${open}`, `/cong-dan?ma=${rated}`]) {
        await phone.goto(`${base}${url}`);
        await check(phone, quiet, '(citizen)', url, lang);
      }
      await citizen.close();
    }
    const faults = [...english.map((e) => `Vietnamese in English: ${e}`), ...iso.map((e) => `ISO date in Vietnamese: ${e}`)];
    expect(faults, faults.join('\n')).toEqual([]);
    expect(errors).toEqual([]);
  }, 180_000);
});
