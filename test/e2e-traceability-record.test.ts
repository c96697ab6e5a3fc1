import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';
import { measure, WIDTH } from './phone-pages.js';

// Issue 16: a producer records its farm steps on a phone, with signal and without; each becomes one EPCIS event of
// the lot, seen in the lot's journey.
const s = browserSuite();

describe.skipIf(browserMissing)("the producer's farm diary on a 360 px phone", () => {
  it('a spraying sent at once, a harvest saved offline and sent once back online with its pre-harvest warning, both in the journey', async () => {
    const htx = await s.t.login('htx');
    const [product] = (await htx.request({ method: 'GET', url: '/api/traceability/products' })).json().items as { id: number; nameVi: string }[];
    const [lot] = (await htx.request({ method: 'GET', url: `/api/traceability/products/${product!.id}/lots` })).json().items as { id: number; gtin: string; lot: string }[];
    const epcClass = `https://id.gs1.org/01/${lot!.gtin}/10/${lot!.lot}`;
    const eventsOfLot = async () => (await htx.request({ method: 'GET', url: `/api/traceability/epcis/events?MATCH_epcClass=${encodeURIComponent(epcClass)}` }))
      .json().epcisBody.queryResults.resultsBody.eventList as { bizStep: string; 'tinhso:pesticide'?: string }[];
    const before = (await eventsOfLot()).length;

    const context = await s.browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, s.base, 'htx');
    await page.locator('.topbar').waitFor();
    await page.goto(`${s.base}/traceability/record`);
    await page.getByRole('heading', { level: 1, name: 'Ghi nhật ký sản xuất' }).waitFor();
    expect(await page.evaluate(() => document.querySelector('link[rel=manifest]')!.getAttribute('href'))).toBe('/manifest-record.webmanifest');
    const lotSelect = page.getByTestId('record-lot');
    await lotSelect.locator(`option[value="${lot!.id}"]`).waitFor({ state: 'attached' });

    // With signal: a spraying, with the pesticide and its interval from the label.
    await lotSelect.selectOption(String(lot!.id));
    // The lot's own plot is chosen for it.
    expect(await page.getByTestId('record-place').inputValue()).not.toBe('');
    await page.getByTestId('record-step').selectOption('spraying');
    await page.getByLabel('Tên thương phẩm thuốc BVTV').fill('Chess 50WG');
    await page.getByLabel('Thời gian cách ly (ngày)').fill('14');
    await page.getByLabel('Đối tượng phòng trừ').fill('Rầy nâu');
    await page.getByRole('button', { name: 'Lưu nhật ký' }).click();
    const sent = page.getByTestId('record-sent').locator('li');
    await sent.first().waitFor();
    expect(await sent.first().getAttribute('data-state')).toBe('sent');
    expect(await sent.first().textContent()).toBe(`Đã gửi: Phun thuốc bảo vệ thực vật, ${product!.nameVi} · ${lot!.lot}`);
    expect(await eventsOfLot()).toHaveLength(before + 1);

    // Without signal: the harvest waits on the phone.
    await context.setOffline(true);
    await page.getByTestId('connection').getByText(/Mất kết nối/).waitFor();
    await page.getByTestId('record-step').selectOption('harvesting');
    await page.getByLabel('Sản lượng thu hoạch').fill('18');
    await page.locator('[data-field="tinhso:harvestedQuantityUom"]').selectOption('TNE');
    await page.getByRole('button', { name: 'Lưu nhật ký' }).click();
    const waiting = page.getByTestId('record-queue').locator('li[data-state="queued"]');
    await waiting.waitFor();
    expect(await waiting.textContent()).toBe(`Chờ gửi: Thu hoạch, ${product!.nameVi} · ${lot!.lot}`);
    await page.getByText('Đã lưu trên máy, sẽ gửi khi có mạng.').waitFor();
    const fit = await measure(page);
    expect(fit.culprits).toEqual([]);
    expect(fit.width).toBeLessThanOrEqual(WIDTH);
    expect(await eventsOfLot()).toHaveLength(before + 1);
    const [queued] = await page.evaluate(() => JSON.parse(localStorage.getItem('tinhso.queuedTraceRecords') ?? '[]') as { document: Record<string, unknown>; producerId: number }[]);
    const event = (queued!.document.epcisBody as { eventList: Record<string, unknown>[] }).eventList[0]!;
    // An EPCIS 2.0 document the farmer never saw: our vocabulary's prefix, Việt Nam's time, the lot's class.
    expect(queued!.document['@context']).toEqual(['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { tinhso: 'https://tinhso.vn/voc/' }]);
    expect(event).toMatchObject({ type: 'ObjectEvent', action: 'ADD', bizStep: 'https://tinhso.vn/voc/BizStep-harvesting', eventTimeZoneOffset: '+07:00', 'tinhso:harvestedQuantity': 18 });
    expect(event.eventTime).toMatch(/\+07:00$/);
    expect(event.eventID).toBeUndefined();
    expect((event.quantityList as { epcClass: string }[])[0]!.epcClass).toBe(epcClass);

    // Back online: sent once, and the farmer is told in plain words that the harvest came inside the interval.
    await context.setOffline(false);
    await page.getByTestId('queue-empty').waitFor();
    await expect.poll(() => sent.first().textContent()).toContain('Đã gửi: Thu hoạch');
    const warning = page.getByTestId('record-warning');
    await warning.waitFor();
    expect(await warning.textContent()).toMatch(/^Lưu ý: thu hoạch khi chưa hết thời gian cách ly\. Lô này phun Chess 50WG ngày \d{2}\/\d{2}\/\d{4}, cách ly 14 ngày: chỉ nên thu hoạch từ ngày \d{2}\/\d{2}\/\d{4}\.$/);
    expect(await eventsOfLot()).toHaveLength(before + 2);
    // The same record sent again (an answer lost on the way back) is the same event, refused as a duplicate.
    const again = await htx.request({ method: 'POST', url: `/api/traceability/epcis/capture?producerId=${queued!.producerId}`, payload: queued!.document });
    expect(again.json()).toMatchObject({ success: false, errors: [{ code: 'duplicate' }] });
    expect(await eventsOfLot()).toHaveLength(before + 2);

    // The lot's journey shows both, with the farm fields named.
    await page.goto(`${s.base}/traceability/lots/${lot!.id}`);
    const steps = page.getByTestId('journey-event');
    await expect.poll(() => steps.count()).toBe(before + 2);
    const last = await steps.allTextContents();
    expect(last.at(-2)).toContain('Phun thuốc bảo vệ thực vật');
    expect(last.at(-2)).toContain('Tên thương phẩm thuốc BVTV: Chess 50WG');
    expect(last.at(-1)).toContain('Thu hoạch');
    expect(last.at(-1)).toContain('Sản lượng thu hoạch: 18');
    const lotFit = await measure(page);
    expect(lotFit.culprits).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the diary installs: opened once with signal, it opens again without any and keeps the lots', async () => {
    const context = await s.browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    const page = await context.newPage();
    await logIn(page, s.base, 'htx');
    await page.locator('.topbar').waitFor();
    await page.goto(`${s.base}/traceability/record`);
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await page.getByTestId('record-lot').locator('option').nth(1).waitFor({ state: 'attached' });
    await context.setOffline(true);
    await page.goto(`${s.base}/traceability/record`);
    await page.getByRole('heading', { level: 1, name: 'Ghi nhật ký sản xuất' }).waitFor();
    await page.getByTestId('connection').getByText(/Mất kết nối/).waitFor();
    await page.getByTestId('record-lot').selectOption({ index: 1 });
    await page.getByTestId('record-step').selectOption('packing');
    await page.getByRole('button', { name: 'Lưu nhật ký' }).click();
    await page.getByTestId('record-queue').locator('li[data-state="queued"]').waitFor();
    await context.close();
  });
});
