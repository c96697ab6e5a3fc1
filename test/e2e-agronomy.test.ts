import { describe, expect, it } from 'vitest';
import { NOW, seedAgronomySeason, type AgronomySeason } from './agronomy-setup.js';
import { browserMissing, browserSuite, logIn } from './browser.js';
import { nextLoopback } from './helpers.js';
import { measure, WIDTH } from './phone-pages.js';

/** Issue 15, point 6: the trap page with its outbreak marked, and a bulletin from its draft to a farmer's phone. */
describe.skipIf(browserMissing)('agronomy in the browser', () => {
  const s = browserSuite();
  let season: AgronomySeason;
  const ready = async () => {
    if (season) return season;
    s.t.ctx.clock.now = NOW;
    season = await seedAgronomySeason(s.t, await s.t.login('admin'));
    return season;
  };

  it("a trap's page marks the outbreak night of 25/10/2026 against its baseline, and the map of the night lists the trap", async () => {
    const { trap } = await ready();
    const page = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(page, s.base, 'canbo');
    await page.locator('.topbar').waitFor();
    await page.goto(`${s.base}/agronomy/traps/${trap}?from=2026-09-01&to=2026-11-29`);
    await page.getByRole('heading', { level: 1, name: 'Bẫy đèn HTX Phước An' }).waitFor();
    const outbreak = page.getByTestId('episodes-BPH').locator('tr[data-level="outbreak"]');
    await outbreak.first().waitFor();
    expect(await outbreak.count()).toBe(1);
    expect(await outbreak.textContent()).toMatch(/25\/10\/2026.*Bùng phát/);
    // The other peaks are marked as peaks, not outbreaks.
    expect(await page.getByTestId('episodes-BPH').locator('tr[data-level="peak"]').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('chart-BPH').getAttribute('aria-label')).toMatch(/01\/09\/2026 đến 29\/11\/2026/);

    await page.getByRole('link', { name: 'Nông nghiệp thông minh' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Nông nghiệp: bẫy đèn và độ mặn' }).waitFor();
    await page.getByTestId('trap-list').getByRole('link', { name: 'Bẫy đèn HTX Phước An' }).waitFor();
    expect(await page.getByTestId('trap-night').inputValue()).toBe('2026-11-29');
    await page.close();

    // With a season in them, the agronomy pages still fit a 360 px phone.
    const { commune } = await ready();
    const phone = await s.browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    const small = await phone.newPage();
    await logIn(small, s.base, 'canbo');
    await small.locator('.topbar').waitFor();
    for (const [url, ready_] of [
      ['/agronomy', 'trap-list'], [`/agronomy/traps/${trap}?from=2026-09-01&to=2026-11-29`, 'episodes-BPH'], [`/agronomy/communes/${commune}?from=2026-09-01&to=2026-11-29`, 'episodes-BPH'],
      ['/agronomy/salinity', 'station-list'], ['/agronomy/bulletins', 'bulletin-list'], ['/agronomy/count', 'count-queue'],
    ] as const) {
      await small.goto(`${s.base}${url}`);
      await small.getByTestId(ready_).or(small.getByText('Chưa có bản tin nào.')).first().waitFor();
      const fit = await measure(small);
      expect(fit.culprits, url).toEqual([]);
      expect(fit.width, url).toBeLessThanOrEqual(WIDTH);
    }
    await phone.close();
  });

  it('a bulletin drafted by the administrator, approved and published by the reviewer, reaches the citizen page on a 360 px phone with lunar dates', async () => {
    const { commune } = await ready();
    // A cooperative of the ward takes the bulletins by e-mail.
    const sub = await (await s.t.login('admin')).request({ method: 'POST', url: '/api/agronomy/subscriptions', payload: { name: 'HTX Phước An', email: 'htx.phuocan@example.invalid', unitId: commune } });
    expect(sub.statusCode, sub.body).toBe(201);
    const admin = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(admin, s.base, 'admin');
    await admin.locator('.topbar').waitFor();
    await admin.goto(`${s.base}/agronomy/bulletins`);
    await admin.getByTestId('draft-unit').locator(`option[value="${commune}"]`).waitFor({ state: 'attached' });
    await admin.getByTestId('draft-unit').selectOption(String(commune));
    await admin.getByLabel('Vụ').fill('Đông Xuân 2026–2027');
    await admin.getByRole('button', { name: 'Soạn bản nháp' }).click();
    const editor = admin.getByTestId('bulletin');
    await editor.waitFor();
    // The window is moved a day later while a draft.
    await editor.getByLabel('Đến ngày').first().fill('2026-12-24');
    await editor.getByLabel('Khuyến cáo').fill('Ngâm ủ giống trước 2 ngày; gieo sạ tập trung, đồng loạt.');
    await editor.getByRole('button', { name: 'Lưu bản nháp' }).click();
    await editor.getByText('Đã lưu bản nháp.').waitFor();
    // Four eyes: the one who drafted is not offered the approval.
    expect(await editor.getByRole('button', { name: 'Duyệt bản tin' }).count()).toBe(0);
    const id = Number(new URL(admin.url()).searchParams.get('id'));
    expect(id).toBeGreaterThan(0);
    await admin.close();

    const reviewer = await s.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await logIn(reviewer, s.base, 'thamdinh');
    await reviewer.locator('.topbar').waitFor();
    await reviewer.goto(`${s.base}/agronomy/bulletins?id=${id}`);
    const review = reviewer.getByTestId('bulletin');
    await review.getByRole('button', { name: 'Duyệt bản tin' }).click();
    await review.getByRole('button', { name: 'Ban hành' }).click();
    await review.locator('[data-status="published"]').waitFor();
    await reviewer.close();

    const api = (await s.t.app.inject({ method: 'GET', url: `/api/public/agronomy/bulletins/${id}`, remoteAddress: nextLoopback() })).json();
    expect(api.status).toBe('published');
    const w = api.windows[0];

    const phone = await s.browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    const page = await phone.newPage();
    await page.goto(`${s.base}/cong-dan/nong-nghiep`);
    await page.getByTestId('public-bulletins').getByRole('link', { name: api.title }).click();
    const shown = page.getByTestId('public-bulletin');
    await shown.waitFor();
    const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
    expect(w).toMatchObject({ from: '2026-12-17', to: '2026-12-24' });
    const text = (await page.getByTestId('public-windows').textContent())!;
    expect(text).toContain(`Dương lịch: từ ${dmy(w.from)} đến ${dmy(w.to)}`);
    expect(text).toContain(`Âm lịch: từ ${w.fromLunar} đến ${w.toLunar}`);
    expect(w.fromLunar).toMatch(/^\d{1,2}\/\d{1,2}( nhuận)? ÂL$/);
    expect(await shown.textContent()).toContain('gieo sạ tập trung');
    expect(await shown.getByRole('link', { name: 'Tải PDF (tiếng Việt)' }).getAttribute('href')).toBe(`/api/public/agronomy/bulletins/${id}/pdf?lang=vi`);
    const fit = await measure(page);
    expect(fit.culprits).toEqual([]);
    expect(fit.width).toBeLessThanOrEqual(WIDTH);
    expect(fit.headings).toBe(1);

    // The e-mail's link stops the bulletins: the citizen page asks, and the button does it.
    const mail = await s.t.database.db.selectFrom('notification').select('body').where('channel', '=', 'email').where('recipient', '=', 'htx.phuocan@example.invalid').executeTakeFirstOrThrow();
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail.body ?? '')![1]!;
    await page.goto(`${s.base}/cong-dan/nong-nghiep/huy-nhan?token=${token}`);
    await page.getByRole('button', { name: 'Hủy nhận bản tin' }).click();
    await page.getByText('HTX Phước An đã hủy nhận bản tin.').waitFor();
    const left = (await (await s.t.login('admin')).request({ method: 'GET', url: '/api/agronomy/subscriptions' })).json().subscriptions;
    expect(left.filter((x: { email: string }) => x.email === 'htx.phuocan@example.invalid')).toEqual([]);
    await phone.close();
  });

  it('an officer sets the ward\'s fields to seedlings on the salinity page: the station turns major with its sluice advice, the 4‰ line stated', async () => {
    const { commune, stationToken } = await ready();
    const at = (hhmmVn: string) => Date.parse(`2026-11-30T${hhmmVn}:00+07:00`);
    const tides = [{ ts: at('06:00'), values: { salinity_gl: 0.6 } }, { ts: at('08:15'), values: { salinity_gl: 1.5 } }, { ts: at('09:30'), values: { salinity_gl: 1.1 } }];
    expect((await s.t.app.inject({ method: 'POST', url: `/api/v1/${stationToken}/telemetry`, payload: tides, remoteAddress: nextLoopback() })).statusCode).toBe(200);
    const context = await s.browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    const page = await context.newPage();
    await logIn(page, s.base, 'canbo');
    await page.locator('.topbar').waitFor();
    await page.goto(`${s.base}/agronomy/salinity`);
    const list = page.getByTestId('station-list');
    await list.getByText('Trạm mặn Đại Ngãi').waitFor();
    expect(await page.getByTestId('salinity-line').textContent()).toContain('Ranh mặn 4‰');
    await page.getByTestId('stage-unit').locator(`option[value="${commune}"]`).waitFor({ state: 'attached' });
    await page.getByTestId('stage-unit').selectOption(String(commune));
    await page.getByTestId('stage-stage').selectOption('seedling');
    await page.getByTestId('stage-since').fill('2026-11-25');
    await page.getByRole('button', { name: 'Lưu giai đoạn' }).click();
    await page.getByText('Đã lưu giai đoạn.').waitFor();
    const station = list.locator('li', { hasText: 'Trạm mặn Đại Ngãi' });
    await station.getByText(/ngưỡng chịu mặn 1‰/).waitFor();
    expect(await station.locator('[data-severity]').getAttribute('data-severity')).toBe('major');
    expect(await station.textContent()).toMatch(/Đóng cống/);
    const fit = await measure(page);
    expect(fit.culprits).toEqual([]);
    await context.close();
  });
});
