import { describe, expect, it } from 'vitest';
import { browserMissing, browserSuite, logIn } from './browser.js';

// Issue 16, products and lots in the back office: an import with its bad rows listed, a lot made, its serials and
// labels, and its recall after a confirmation that names the reason.
const s = browserSuite();

/** A GTIN-13 with its GS1 check digit. */
function gtin13(twelve: string): string {
  const sum = [...twelve].reverse().reduce((acc, d, i) => acc + Number(d) * (i % 2 === 0 ? 3 : 1), 0);
  return `${twelve}${(10 - (sum % 10)) % 10}`;
}

describe.skipIf(browserMissing)('products and lots in Chromium', () => {
  it('imports products and lots (bad rows listed, nothing stored), makes a lot, issues serials, prints labels and recalls a lot', async () => {
    const page = await s.browser.newPage({ viewport: { width: 1366, height: 850 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await logIn(page, s.base, 'admin');
    await page.locator('.topbar').waitFor();
    await page.goto(`${s.base}/traceability/producers/1`);
    const products = page.getByTestId('products');
    await products.getByRole('link').first().waitFor();
    await products.getByRole('button', { name: 'Nhập từ tệp' }).click();
    const file = page.locator('input[name="file"]');
    const gtin = gtin13('893609400991');
    await file.setInputFiles({ name: 'sai.csv', mimeType: 'text/csv', buffer: Buffer.from(`gtin,nameVi,category\n${gtin.slice(0, 12)}0,Bánh pía thử,processed\n${gtin},Bánh pía thử,khong-co\n`) });
    await page.getByRole('button', { name: 'Nhập tệp' }).click();
    const bad = page.getByTestId('import-errors').locator('tbody tr');
    await bad.first().waitFor();
    const rows = await bad.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent).join(':')));
    expect(rows).toEqual(['2:gtin', '3:category']);

    await file.setInputFiles({
      name: 'dung.csv', mimeType: 'text/csv',
      buffer: Buffer.from(`gtin,nameVi,category,lot,productionDate,quantity,uom\n${gtin},Bánh pía thử,processed,BP-01,2026-11-20,100,H87\n`),
    });
    await page.getByRole('button', { name: 'Nhập tệp' }).click();
    expect(await page.getByTestId('import-result').textContent()).toBe('Đã nhập: 1 sản phẩm mới, 0 sản phẩm cập nhật, 1 lô mới.');
    await products.getByRole('link', { name: 'Bánh pía thử' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bánh pía thử' }).waitFor();
    const lots = page.getByTestId('lot-table').locator('tbody tr');
    await expect.poll(() => lots.count()).toBe(1);

    // A second lot, made by hand.
    await page.getByRole('button', { name: 'Tạo lô' }).click();
    const form = page.getByTestId('lot-form');
    await form.getByLabel('Số lô').fill('BP-02');
    await form.getByLabel('Số lượng').fill('40');
    await form.getByRole('button', { name: 'Tạo lô' }).click();
    await expect.poll(() => lots.count()).toBe(2);

    await page.getByTestId('lot-table').getByRole('link', { name: 'BP-01' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lô BP-01' }).waitFor();
    await page.getByLabel('Số tem cần cấp').fill('5');
    await page.getByRole('button', { name: 'Cấp số sê-ri' }).click();
    await page.getByText('Đã cấp 5 số sê-ri.').waitFor();
    await page.getByText('Số sê-ri đã cấp: 5').waitFor();
    for (const [name, type] of [['Tem của lô (PNG)', 'image/png'], ['Tem của lô (SVG)', 'image/svg+xml'], ['In tờ tem A4 (PDF)', 'application/pdf']]) {
      const href = await page.getByRole('link', { name }).getAttribute('href');
      const res = await page.request.get(`${s.base}${href}`);
      expect(res.status(), name).toBe(200);
      expect(res.headers()['content-type']).toContain(type);
    }
    await page.getByTestId('journey-empty').waitFor();

    await page.getByTestId('recall-open').click();
    const dialog = page.getByRole('dialog', { name: 'Thu hồi lô BP-01?' });
    await dialog.waitFor();
    const confirm = dialog.getByRole('button', { name: 'Xác nhận thu hồi' });
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByLabel('Lý do thu hồi').fill('Bao bì in sai hạn sử dụng.');
    await confirm.click();
    await page.getByTestId('lot-recalled').waitFor();
    expect(await page.getByTestId('lot-recalled').textContent()).toContain('Bao bì in sai hạn sử dụng.');
    expect(await page.getByTestId('recall-open').count()).toBe(0);

    const admin = await s.t.login('admin');
    const product = (await admin.request({ method: 'GET', url: '/api/traceability/products' })).json().items.find((p: { gtin: string }) => p.gtin === `0${gtin}`);
    const stored = (await admin.request({ method: 'GET', url: `/api/traceability/products/${product.id}/lots` })).json().items as { lot: string; recallReason: string | null; serials: number }[];
    expect(stored.map((l) => [l.lot, l.serials, l.recallReason]).sort()).toEqual([['BP-01', 5, 'Bao bì in sai hạn sử dụng.'], ['BP-02', 0, null]]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
