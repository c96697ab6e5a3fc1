import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import { bombWorkbook, manyRows, sheetWorkbook, zipWithoutSheet } from '../../../../test/workbooks.js';

// Workbook uploads to /api/dataValueSets within small limits, so that hostile files stay small and the tests fast.
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const limits = { maxUnzippedBytes: 1024 * 1024, maxRows: 2000, maxCells: 20_000, workers: 2 };

let t: TestApp;
let dhis2: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp({ config: { workbook: limits } });
  const admin = await t.login('admin');
  const created = await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'DHIS2 của Sở Y tế', scopes: ['data-exchange'] } });
  dhis2 = { authorization: `ApiToken ${created.json().token}` };
});
afterAll(() => t?.close());

const upload = (payload: Buffer, query = '') => t.app.inject({ method: 'POST', url: `/api/dataValueSets${query}`, headers: { ...dhis2, 'content-type': XLSX }, payload });
const healthz = () => t.app.inject({ method: 'GET', url: '/healthz' });

async function valuesWorkbook(rows: [string, string][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('dataValues');
  sheet.addRow(['dataelement', 'period', 'orgunit', 'catoptcombo', 'attroptcombo', 'value']);
  for (const [period, value] of rows) sheet.addRow(['PAYMENT_ACCOUNT_15PLUS', period, '31507', 'default', 'default', value]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('POST /api/dataValueSets with a workbook', () => {
  it('refuses a ZIP without a worksheet with 400, where it used to answer SUCCESS with 0 rows', async () => {
    const res = await upload(zipWithoutSheet());
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'workbook_no_sheet', field: 'body' });
    expect(res.json().error.messages.vi).toBe('Tệp nén không có trang tính nào nên không phải là bảng tính Excel (.xlsx).');
  });

  it('refuses a zip bomb and a sheet of too many rows with 413, answering /healthz meanwhile', async () => {
    const bomb = upload(bombWorkbook(8 * 1024 * 1024, { lie: true }));
    const rows = upload(sheetWorkbook(manyRows(2001)));
    expect((await healthz()).statusCode).toBe(200);
    const [b, r] = await Promise.all([bomb, rows]);
    expect(b.statusCode).toBe(413);
    expect(b.json().error).toMatchObject({ code: 'workbook_too_large', field: 'body' });
    expect(b.json().error.messages.en).toBe('The workbook is too large once unzipped (at most 1 MB); split it or send CSV.');
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toMatchObject({ code: 'workbook_too_many_rows' });
    expect(r.json().error.messages.vi).toContain('tối đa 2000');
  });

  it('refuses too many cells with 413, before a row is imported', async () => {
    const res = await upload(sheetWorkbook(manyRows(1000, 21)));
    expect(res.statusCode).toBe(413);
    expect(res.json().error.code).toBe('workbook_too_many_cells');
  });

  it('still imports a workbook within the limits, and as a job with async=true', async () => {
    const res = await upload(await valuesWorkbook([['202508', '42'], ['202509', '43']]));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'SUCCESS', importCount: { imported: 2 } });

    const accepted = await upload(await valuesWorkbook([['202510', '44']]), '?async=true');
    expect(accepted.statusCode).toBe(202);
    const url = accepted.json().url as string;
    await expect.poll(async () => (await t.app.inject({ method: 'GET', url, headers: dhis2 })).json().status).toBe('done');
    const job = (await t.app.inject({ method: 'GET', url, headers: dhis2 })).json();
    expect(job).toMatchObject({ format: 'xlsx', rowsTotal: 1, summary: { importCount: { imported: 1 } } });
  });

  it('answers several uploads at once, each as it deserves, and /healthz all along', async () => {
    const pending = [
      upload(bombWorkbook(4 * 1024 * 1024)), upload(await valuesWorkbook([['202511', '7']])), upload(sheetWorkbook(manyRows(5000))), upload(zipWithoutSheet()),
      upload(await valuesWorkbook([['202512', '8']])), upload(bombWorkbook(4 * 1024 * 1024, { lie: true })),
    ];
    expect((await healthz()).statusCode).toBe(200);
    const answers = await Promise.all(pending);
    expect(answers.map((a) => a.statusCode)).toEqual([413, 200, 413, 400, 200, 413]);
    expect(answers[1]!.json().importCount).toMatchObject({ imported: 1 });
    expect(answers[4]!.json().importCount).toMatchObject({ imported: 1 });
  });
});
