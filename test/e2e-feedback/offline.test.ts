import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite } from '../browser.js';

const suite = browserSuite();

describe.skipIf(browserMissing)('citizen feedback in Chromium', () => {
  it('installs as an app and keeps a report written offline until the connection returns', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    await page.goto(`${suite.base}/cong-dan`);
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel=manifest]')!.getAttribute('href')!;
      return (await fetch(href)).json();
    });
    expect(manifest).toMatchObject({ start_url: '/cong-dan', display: 'standalone', icons: expect.arrayContaining([expect.objectContaining({ sizes: '512x512' })]) });
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await expect.poll(() => page.getByRole('form', { name: 'Gửi phản ánh' }).getByLabel('Lĩnh vực').locator('option').count()).toBeGreaterThan(10);

    await context.setOffline(true);
    await page.reload();
    const form = page.getByRole('form', { name: 'Gửi phản ánh' });
    await expect.poll(() => form.getByLabel('Lĩnh vực').locator('option').count()).toBeGreaterThan(10);
    await form.getByLabel('Lĩnh vực').selectOption({ label: 'Điện chiếu sáng công cộng' });
    await form.getByLabel('Nội dung').fill('Đèn đường trước trường tiểu học bị tắt ba đêm nay.');
    await form.getByLabel('Xã, phường nơi xảy ra').selectOption({ label: 'Phường Sóc Trăng' });
    await form.getByLabel('Họ tên').fill('Lê Văn Nam');
    await form.getByLabel(/Tôi đồng ý/).check();
    await form.getByRole('button', { name: 'Gửi', exact: true }).click();
    await expect.poll(() => page.getByTestId('queued').textContent()).toContain('Đã lưu trên máy');
    const count = async () => Number((await suite.t.database.db.selectFrom('case_record').select((eb) => eb.fn.countAll<string>().as('n')).where('description', 'like', 'Đèn đường trước trường%').executeTakeFirstOrThrow()).n);
    expect(await count()).toBe(0);

    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('sent').textContent(), { timeout: 10_000 }).toContain('Phường Sóc Trăng xử lý');
    expect(await count()).toBe(1);
    // Sent once: going offline and online again does not send it twice.
    await context.setOffline(true);
    await context.setOffline(false);
    await page.waitForTimeout(500);
    expect(await count()).toBe(1);
    await context.close();
  });

  // Issue 13, point 9: two "online" events at the same moment sent the queued report twice and made two cases.
  it('sends a queued report once when two "online" events fire at once, under the id made when the citizen pressed send', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 390, height: 844 }, serviceWorkers: 'block' });
    const page = await context.newPage();
    // The first sending reaches the server, which makes the case, but its answer is lost on the way back; later
    // sendings are slow, so that two passes over the queue would overlap.
    const sentRefs: string[] = [];
    let loseAnswer = true;
    await page.route((url) => url.pathname === '/api/public/feedback', async (route) => {
      if (route.request().method() !== 'POST') return route.continue();
      sentRefs.push((JSON.parse(route.request().postData() ?? '{}') as { clientRef: string }).clientRef);
      if (loseAnswer) {
        await route.fetch();
        return route.abort('connectionreset');
      }
      await new Promise((r) => setTimeout(r, 400));
      return route.continue();
    });
    await page.goto(`${suite.base}/cong-dan`);
    const form = page.getByRole('form', { name: 'Gửi phản ánh' });
    await expect.poll(() => form.getByLabel('Lĩnh vực').locator('option').count()).toBeGreaterThan(10);
    await form.getByLabel('Lĩnh vực').selectOption({ label: 'Điện chiếu sáng công cộng' });
    await form.getByLabel('Nội dung').fill('Cột đèn trước chợ Phú Lợi bị nghiêng sau cơn bão.');
    await form.getByLabel('Xã, phường nơi xảy ra').selectOption({ label: 'Phường Sóc Trăng' });
    await form.getByLabel('Họ tên').fill('Lê Văn Nam');
    await form.getByLabel(/Tôi đồng ý/).check();
    await form.getByRole('button', { name: 'Gửi', exact: true }).click();
    await expect.poll(() => page.getByTestId('queued').textContent()).toContain('Đã lưu trên máy');
    const cases = () => suite.t.database.db.selectFrom('case_record').select(['tracking_code', 'client_ref']).where('description', 'like', 'Cột đèn trước chợ Phú Lợi%').execute();
    expect(await cases()).toHaveLength(1); // made on the server; the phone does not know it

    loseAnswer = false;
    await page.evaluate(() => {
      window.dispatchEvent(new Event('online'));
      window.dispatchEvent(new Event('online'));
    });
    await expect.poll(() => page.getByTestId('sent').textContent(), { timeout: 10_000 }).toContain('Phường Sóc Trăng xử lý');
    await page.waitForTimeout(800);
    const [made] = await cases();
    expect(await cases()).toHaveLength(1);
    // One sending for the two events, under the id made at the first press: the server answered the case it had made.
    expect(sentRefs).toEqual([made!.client_ref, made!.client_ref]);
    await expect.poll(() => page.getByTestId('sent').textContent()).toContain(made!.tracking_code);
    expect(await page.evaluate(() => localStorage.getItem('tinhso.queuedReports'))).toBe('[]');
    await context.close();
  });
});
