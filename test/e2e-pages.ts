import type { Page } from 'playwright-core';
import { nextLoopback, type TestApp } from './helpers.js';
import { form, phonePhoto } from './photos.js';

/** Counts the page's requests in flight, so a test can wait until a page has loaded what it shows. */
export function quietAfter(page: Page): { inflight: number; last: number } {
  const state = { inflight: 0, last: Date.now() };
  // The live stream stays open as long as the page: it is not loading.
  const counted = (request: { url(): string }) => !request.url().includes('/api/live');
  const done = (request: { url(): string }) => {
    if (!counted(request)) return;
    state.inflight = Math.max(0, state.inflight - 1);
    state.last = Date.now();
  };
  page.on('request', (request) => {
    if (!counted(request)) return;
    state.inflight++;
    state.last = Date.now();
  });
  page.on('requestfinished', done);
  page.on('requestfailed', done);
  return state;
}

/** Waits until no request has been in flight for a moment (at most a few seconds), then for a frame to be drawn. */
export async function settle(page: Page, quiet: { inflight: number; last: number }, idleMs = 200, maxMs = 6000): Promise<void> {
  const start = Date.now();
  await new Promise((r) => setTimeout(r, 50));
  while (Date.now() - start < maxMs && (quiet.inflight > 0 || Date.now() - quiet.last < idleMs)) await new Promise((r) => setTimeout(r, 40));
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

/** Moves the single-page app to another address without reloading it, as a click on a link does. */
export async function spaNavigate(page: Page, url: string): Promise<void> {
  await page.evaluate((to) => {
    window.history.pushState(null, '', to);
    window.dispatchEvent(new PopStateEvent('popstate'));
  }, url);
}

const seeded = new WeakMap<TestApp, Promise<{ reportId: number; caseCode: string }>>();

/** What the page tests open: a report the officer's ward has started, and a citizen's case there with a photo (made once per app). */
export function seedPages(t: TestApp): Promise<{ reportId: number; caseCode: string }> {
  if (!seeded.has(t)) seeded.set(t, seed(t));
  return seeded.get(t)!;
}

async function seed(t: TestApp): Promise<{ reportId: number; caseCode: string }> {
  const officer = await t.login('canbo');
  const me = (await officer.request({ method: 'GET', url: '/api/auth/me' })).json() as { user: { orgUnitId: number } };
  const due = (await officer.request({ method: 'GET', url: '/api/reporting/due' })).json() as { regime: string; period: string }[];
  const opened = await officer.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: due[0]!.regime, unitId: me.user.orgUnitId, period: due[0]!.period } });
  if (opened.statusCode >= 300) throw new Error(`report: ${opened.statusCode} ${opened.body}`);
  const report = {
    category: 'DRAINAGE', description: 'Cống trước chợ phường bị tắc, nước tràn lên mặt đường mỗi khi mưa lớn kéo dài.', placeUnitId: me.user.orgUnitId, consent: true,
    contact: { name: 'Người dân' },
  };
  const sent = await t.app.inject({
    method: 'POST', url: '/api/public/feedback', remoteAddress: nextLoopback(),
    payload: form({ report: JSON.stringify(report) }, [{ field: 'photos', name: 'IMG_0001.JPG', type: 'image/jpeg', data: await phonePhoto({ width: 1200, height: 900 }) }]),
  });
  if (sent.statusCode !== 201) throw new Error(`case: ${sent.statusCode} ${sent.body}`);
  return { reportId: opened.json().id as number, caseCode: sent.json().trackingCode as string };
}
