import { describe, expect, it } from 'vitest';
import { NOW, seedAgronomySeason } from './agronomy-setup.js';
import { browserMissing, browserSuite, logIn } from './browser.js';
import { measure, WIDTH } from './phone-pages.js';
import { phonePhoto } from './photos.js';

/** Issue 15, point 4: a technician's count on a phone in a field without signal, kept on the phone and sent once. */
describe.skipIf(browserMissing)("the technician's count form offline", () => {
  const s = browserSuite();

  it('a count with a photo saved offline waits in the queue, and is sent once when the connection returns', async () => {
    s.t.ctx.clock.now = NOW;
    const admin = await s.t.login('admin');
    // The lamp that sends nothing: its nights are the technician's to count.
    const { manual: trap } = await seedAgronomySeason(s.t, admin);
    const countsOf = async (night: string) => ((await admin.request({ method: 'GET', url: `/api/agronomy/traps/${trap}/field-counts` })).json().counts as { night: string; hasPhoto: boolean; counts: Record<string, number> }[])
      .filter((c) => c.night === night);

    const context = await s.browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    const page = await context.newPage();
    await logIn(page, s.base, 'canbo');
    await page.locator('.topbar').waitFor();
    await page.goto(`${s.base}/agronomy/count`);
    await page.getByRole('heading', { level: 1, name: 'Nhập số đếm bẫy đèn' }).waitFor();
    const trapSelect = page.getByTestId('count-trap');
    await trapSelect.locator(`option[value="${trap}"]`).waitFor({ state: 'attached' });
    await page.getByLabel('Rầy nâu').waitFor();

    await context.setOffline(true);
    await page.getByTestId('connection').getByText(/Mất kết nối/).waitFor();
    await trapSelect.selectOption(String(trap));
    await page.getByLabel('Đêm (tính theo buổi tối)').fill('2026-11-24');
    await page.getByLabel('Rầy nâu').fill('420');
    await page.getByLabel('Sâu cuốn lá nhỏ').fill('12');
    await page.locator('input[name="photo"]').setInputFiles({ name: 'khay.jpg', mimeType: 'image/jpeg', buffer: await phonePhoto({ width: 1200, height: 900 }) });
    await page.getByTestId('photo-preview').waitFor();
    await page.getByLabel('Ghi chú').fill('Khay ướt do mưa đầu hôm.');
    await page.getByRole('button', { name: 'Lưu số đếm' }).click();
    const waiting = page.getByTestId('count-queue').locator('li[data-state="queued"]');
    await waiting.waitFor();
    expect(await waiting.textContent()).toBe('Chờ gửi: Bẫy đèn thủ công HTX Phước An, đêm 24/11/2026 · có ảnh');
    await page.getByText('Đã lưu trên máy, sẽ gửi khi có mạng.').waitFor();
    const fit = await measure(page);
    expect(fit.culprits).toEqual([]);
    expect(fit.width).toBeLessThanOrEqual(WIDTH);
    // Nothing reached the server, and the count waits with the id it was given when saved.
    expect(await countsOf('2026-11-24')).toEqual([]);
    const [queued] = await page.evaluate(() => JSON.parse(localStorage.getItem('tinhso.queuedTrapCounts') ?? '[]') as { body: { clientRef: string } }[]);
    expect(queued!.body.clientRef).toMatch(/^[A-Za-z0-9_-]{8,64}$/);

    await context.setOffline(false);
    const sent = page.getByTestId('count-sent').locator('li[data-state="sent"]');
    await sent.waitFor();
    expect(await sent.textContent()).toBe('Đã gửi: Bẫy đèn thủ công HTX Phước An, đêm 24/11/2026');
    await page.getByTestId('queue-empty').waitFor();
    const stored = await countsOf('2026-11-24');
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ hasPhoto: true, counts: { BPH: 420, RLF: 12 } });

    // A resend of the same count (an answer lost on the way back) is the same count, not a second one.
    const officer = await s.t.login('canbo');
    const again = await officer.request({ method: 'POST', url: '/api/agronomy/field-counts', payload: { deviceId: trap, night: '2026-11-24', counts: { BPH: 420, RLF: 12 }, clientRef: queued!.body.clientRef } });
    expect(again.statusCode, again.body).toBe(200);
    expect(await countsOf('2026-11-24')).toHaveLength(1);
    // Reopened, the form has nothing left to send.
    await page.reload();
    await page.getByTestId('queue-empty').waitFor();
    await context.close();
  });

  it('the count form installs: opened once with signal, it opens again in a field without any', async () => {
    s.t.ctx.clock.now = NOW;
    const context = await s.browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    const page = await context.newPage();
    await logIn(page, s.base, 'canbo');
    await page.locator('.topbar').waitFor();
    await page.goto(`${s.base}/agronomy/count`);
    expect(await page.evaluate(() => document.querySelector('link[rel=manifest]')!.getAttribute('href'))).toBe('/manifest-count.webmanifest');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await page.getByLabel('Rầy nâu').waitFor();
    await context.setOffline(true);
    await page.goto(`${s.base}/agronomy/count`);
    await page.getByRole('heading', { level: 1, name: 'Nhập số đếm bẫy đèn' }).waitFor();
    await page.getByTestId('connection').getByText(/Mất kết nối/).waitFor();
    // The traps and species kept from the last visit: a count can be written and queued.
    await page.getByTestId('count-trap').selectOption({ index: 1 });
    await page.getByLabel('Rầy nâu').fill('35');
    await page.getByRole('button', { name: 'Lưu số đếm' }).click();
    await page.getByTestId('count-queue').locator('li[data-state="queued"]').waitFor();
    await context.close();
  });
});
