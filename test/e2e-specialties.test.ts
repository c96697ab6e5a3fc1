import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite } from './browser.js';
import { measure, WIDTH } from './phone-pages.js';

// The demo's verified producers' products (data/demo/traceability.json): the shrimp farm is pending, so left out.
const OCOP = ['Gạo ST25 Ngã Năm (mẫu)', 'Gạo ST24 Ngã Năm (mẫu)', 'Hành tím Vĩnh Châu (mẫu)', 'Bánh pía đậu xanh sầu riêng trứng muối (mẫu)', 'Bưởi năm roi Kế Sách (mẫu)'];
const THREE_STARS = ['Gạo ST24 Ngã Năm (mẫu)', 'Hành tím Vĩnh Châu (mẫu)', 'Bưởi năm roi Kế Sách (mẫu)'];
const RICE = '08936094000010';

/** Issue 16: the citizens' catalogue of specialties and OCOP products, and a product's page with its lots, on a phone. */
describe.skipIf(browserMissing)('the specialties catalogue in the browser', () => {
  const s = browserSuite();

  it('lists the verified OCOP products on a 360 px phone, narrows by stars and by a search, and opens a product with its lots', async () => {
    // The producer recalls one lot of its rice: the product page marks it.
    const htx = await s.t.login('htx');
    const product = (await htx.request({ method: 'GET', url: '/api/traceability/products' })).json().items.find((p: { gtin: string }) => p.gtin === RICE);
    const lots = (await htx.request({ method: 'GET', url: `/api/traceability/products/${product.id}/lots` })).json().items;
    const recall = await htx.request({ method: 'POST', url: `/api/traceability/lots/${lots.find((l: { lot: string }) => l.lot === 'ST25-TD-02').id}/recall`, payload: { reason: 'Kiểm tra dư lượng' } });
    expect(recall.statusCode, recall.body).toBe(200);

    const phone = await s.browser.newContext({ viewport: { width: WIDTH, height: 780 } });
    const page = await phone.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    const fits = async (what: string) => {
      const fit = await measure(page);
      expect(fit.culprits, what).toEqual([]);
      expect(fit.width, what).toBeLessThanOrEqual(WIDTH);
      expect(fit.headings, what).toBe(1);
    };

    // From the citizens' home.
    await page.goto(`${s.base}/cong-dan`);
    await page.getByRole('link', { name: 'Đặc sản và sản phẩm OCOP Sóc Trăng' }).click();
    await page.getByRole('heading', { level: 1, name: 'Đặc sản và sản phẩm OCOP' }).waitFor();
    const list = page.getByTestId('spec-list');
    await list.waitFor();
    const names = async () => list.locator('h2').allTextContents();
    for (const name of OCOP) expect(await names()).toContain(name);
    expect(await names()).not.toContain('Tôm sú sinh thái Ngọc Tố (mẫu)');
    const pia = list.locator('li[data-gtin="08936096000018"]');
    expect(await pia.locator('.ocop-stars').textContent()).toBe('★★★★★');
    expect(await pia.textContent()).toContain('Công ty TNHH Bánh Pía Phú Tâm (mẫu) · ');
    expect(await pia.textContent()).toContain('Nơi mua: Cửa hàng tại xưởng; sàn thương mại điện tử (mẫu)');
    expect(await pia.textContent()).toContain('OCOP · Thực phẩm');
    await fits('/cong-dan/dac-san');

    // Three stars only.
    await page.getByTestId('filter-stars').selectOption('3');
    await page.getByTestId('spec-total').getByText('3 sản phẩm').waitFor();
    expect((await names()).sort()).toEqual([...THREE_STARS].sort());
    expect(new URL(page.url()).searchParams.get('sao')).toBe('3');
    await page.getByTestId('filter-stars').selectOption('');
    await page.getByTestId('filter-category').selectOption('rice');
    await page.getByTestId('spec-total').getByText('2 sản phẩm').waitFor();
    await page.getByTestId('filter-category').selectOption('');
    await page.getByLabel('Tìm theo tên sản phẩm hoặc cơ sở').fill('bưởi');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.getByTestId('spec-total').getByText('1 sản phẩm').waitFor();
    expect(await names()).toEqual(['Bưởi năm roi Kế Sách (mẫu)']);
    await page.getByLabel('Tìm theo tên sản phẩm hoặc cơ sở').fill('');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();

    // The rice's page: its producer to call, its certificates, its lots (the recalled one marked), the feed.
    await list.getByRole('link', { name: 'Gạo ST25 Ngã Năm (mẫu)' }).click();
    const shown = page.getByTestId('spec-product');
    await shown.waitFor();
    expect(new URL(page.url()).pathname).toBe(`/cong-dan/dac-san/${RICE}`);
    expect(await shown.locator('.ocop-stars').textContent()).toBe('★★★★');
    expect(await page.getByTestId('spec-producer').getByRole('link', { name: 'Gọi 0299 3860 111' }).getAttribute('href')).toBe('tel:02993860111');
    expect(await page.getByTestId('spec-certificates').textContent()).toContain('VietGAP');
    const lotList = page.getByTestId('spec-lots');
    expect(await lotList.locator('li').count()).toBe(2);
    const recalled = lotList.locator('li[data-lot="ST25-TD-02"]');
    expect(await recalled.getAttribute('data-recalled')).toBe('true');
    expect(await recalled.textContent()).toContain('Đã thu hồi');
    expect(await recalled.textContent()).toContain('Kiểm tra dư lượng');
    expect(await recalled.textContent()).toMatch(/Ngày sản xuất \d{2}\/\d{2}\/\d{4}/);
    expect(await lotList.locator('li[data-lot="ST25-HT-01"]').getAttribute('data-recalled')).toBe('false');
    expect(await lotList.getByRole('link', { name: 'Lô ST25-HT-01' }).getAttribute('href')).toMatch(/\/01\/08936094000010\/10\/ST25-HT-01$/);
    const feed = page.getByTestId('spec-feed');
    expect(await feed.getByRole('link', { name: 'Tải danh mục (CSV)' }).getAttribute('href')).toBe('/api/public/traceability/feed.csv');
    expect(await feed.getByRole('link', { name: 'Danh mục dạng JSON' }).getAttribute('href')).toBe('/api/public/traceability/feed.json');
    await fits(`/cong-dan/dac-san/${RICE}`);

    // In English, the names in the reader's language.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 2, name: 'Ngã Năm ST25 rice (demo)' }).waitFor();
    expect(await shown.textContent()).toContain('OCOP · Food');
    await page.getByRole('link', { name: 'All products' }).click();
    await page.getByTestId('spec-list').getByRole('link', { name: 'Kế Sách năm roi pomelo (demo)' }).waitFor();
    await fits('/cong-dan/dac-san in English');
    expect(problems).toEqual([]);
    await phone.close();
  });
});
