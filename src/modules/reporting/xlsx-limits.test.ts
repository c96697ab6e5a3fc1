import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { unitId } from '../../../test/helpers.js';
import { form } from '../../../test/photos.js';
import { bombWorkbook, manyRows, sheetWorkbook, zipWithoutSheet } from '../../../test/workbooks.js';
import { officer, t, useOfficerApp } from './test-setup.js';

// A report's workbook upload, open to any officer, within small limits so that hostile files stay small.
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
let reportId: number;

useOfficerApp({ workbook: { maxUnzippedBytes: 1024 * 1024, maxRows: 2000, maxCells: 20_000, workers: 2 } });
beforeAll(async () => {
  const ward = await unitId(t, '31507', '2025-07-01');
  const r = (await officer.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_TTHC', unitId: ward, period: '2026M11' } })).json();
  reportId = r.id;
});

const upload = (data: Buffer) => officer.request({
  method: 'POST', url: `/api/reporting/reports/${reportId}/xlsx`, payload: form({}, [{ field: 'file', name: 'bao-cao.xlsx', type: XLSX, data }]),
});
const healthz = () => t.app.inject({ method: 'GET', url: '/healthz' });

/** The report's own form, downloaded, with a value filled in. */
async function filledForm(value: number): Promise<Buffer> {
  const res = await officer.request({ method: 'GET', url: `/api/reporting/reports/${reportId}/xlsx` });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  wb.getWorksheet('Số liệu')!.eachRow((row) => {
    if (row.getCell(1).value === 'RP_TTHC_RECEIVED') row.getCell(4).value = value;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('POST /api/reporting/reports/:id/xlsx within the workbook limits', () => {
  it('refuses a zip bomb and a sheet of too many rows with 413, answering /healthz meanwhile', async () => {
    const bomb = upload(bombWorkbook(8 * 1024 * 1024, { name: 'Số liệu', lie: true }));
    const rows = upload(sheetWorkbook(manyRows(2500), { name: 'Số liệu' }));
    expect((await healthz()).statusCode).toBe(200);
    const [b, r] = await Promise.all([bomb, rows]);
    expect(b.statusCode).toBe(413);
    expect(b.json().error).toMatchObject({ code: 'workbook_too_large', field: 'file' });
    expect(r.statusCode).toBe(413);
    expect(r.json().error).toMatchObject({ code: 'workbook_too_many_rows', field: 'file' });
    expect(r.json().error.messages.vi).toBe('Bảng tính có quá nhiều dòng (tối đa 2000); hãy chia nhỏ tệp hoặc gửi dạng CSV.');
  });

  it('refuses a ZIP without a worksheet with 400', async () => {
    const res = await upload(zipWithoutSheet());
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ code: 'workbook_no_sheet', field: 'file' });
  });

  it('names the first 200 problems of a sheet of junk, and counts them all', async () => {
    const res = await upload(sheetWorkbook(manyRows(1500, 4, 6), { name: 'Số liệu' }));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('workbook_invalid');
    expect(res.json().error.details).toHaveLength(200);
    expect(res.json().error.details[0]).toMatchObject({ cell: 'B3' });
    expect(res.json().error.messages.en).toContain('1501 invalid cells');
  });

  it('still loads a filled form, also while other uploads are refused', async () => {
    const pending = [
      upload(bombWorkbook(4 * 1024 * 1024, { name: 'Số liệu' })), upload(await filledForm(61)), upload(zipWithoutSheet()),
      upload(sheetWorkbook(manyRows(10_000), { name: 'Số liệu' })),
    ];
    expect((await healthz()).statusCode).toBe(200);
    const answers = await Promise.all(pending);
    expect(answers.map((a) => a.statusCode)).toEqual([413, 200, 400, 413]);
    const view = (await officer.request({ method: 'GET', url: `/api/reporting/reports/${reportId}` })).json();
    expect(view.values).toMatchObject({ RP_TTHC_RECEIVED: 61 });
  });
});
