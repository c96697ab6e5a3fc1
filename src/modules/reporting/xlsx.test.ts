import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unitId } from '../../../test/helpers.js';
import { form } from '../../../test/photos.js';
import { officer, t, useOfficerApp } from './test-setup.js';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
/** CI installs LibreOffice Calc and sets REQUIRE_LIBREOFFICE=1, so there the round trip cannot be skipped. */
const libreOfficeMissing = !soffice && process.env.REQUIRE_LIBREOFFICE !== '1';

let reportId: number;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-xlsx-'));

// The tests fill one report of Phường Sóc Trăng in turn: downloaded, refused, loaded, then loaded from LibreOffice.
useOfficerApp();
beforeAll(async () => {
  const ward = await unitId(t, '31507', '2025-07-01');
  const r = (await officer.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_TTHC', unitId: ward, period: '2026M11' } })).json();
  reportId = r.id;
  await officer.request({ method: 'PUT', url: `/api/reporting/reports/${reportId}`, payload: { values: { RP_TTHC_RECEIVED: 60 }, narrative: {}, revision: r.revision } });
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const download = async () => {
  const res = await officer.request({ method: 'GET', url: `/api/reporting/reports/${reportId}/xlsx` });
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toContain('spreadsheetml');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
  return wb;
};
const rowOf = (sheet: ExcelJS.Worksheet, key: string) => {
  let found = 0;
  sheet.eachRow((row, n) => {
    if (row.getCell(1).value === key) found = n;
  });
  return found;
};
const upload = async (buffer: Buffer) => officer.request({
  method: 'POST', url: `/api/reporting/reports/${reportId}/xlsx`,
  payload: form({}, [{ field: 'file', name: 'bao-cao.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', data: buffer }]),
});

describe('the Excel form', () => {
  it('downloads pre-filled for the unit and period', async () => {
    const wb = await download();
    const sheet = wb.getWorksheet('Số liệu')!;
    expect(sheet.getCell('B2').value).toBe('Phường Sóc Trăng');
    expect(sheet.getCell('B3').value).toBe(reportId);
    expect(sheet.getCell(`D${rowOf(sheet, 'RP_TTHC_RECEIVED')}`).value).toBe(60);
    expect(sheet.getCell(`B${rowOf(sheet, 'RP_TTHC_ON_TIME')}`).value).toBe('Hồ sơ giải quyết đúng hạn (*)');
    expect(wb.getWorksheet('Thuyết minh')!.getCell('A2').value).toBe('NARRATIVE');
  });

  it('lists every bad cell by sheet and cell, and loads nothing', async () => {
    const wb = await download();
    const sheet = wb.getWorksheet('Số liệu')!;
    sheet.getCell(`D${rowOf(sheet, 'RP_TTHC_ON_TIME')}`).value = 'năm mươi';
    sheet.getCell(`A${sheet.rowCount + 1}`).value = 'RP_NOT_ON_FORM';
    wb.getWorksheet('Thuyết minh')!.getCell('A3').value = 'EXTRA';
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('workbook_invalid');
    const cells = res.json().error.details.map((p: { sheet: string; cell: string }) => `${p.sheet}!${p.cell}`);
    expect(cells).toEqual([`Số liệu!D${rowOf(sheet, 'RP_TTHC_ON_TIME')}`, `Số liệu!A${sheet.rowCount}`, 'Thuyết minh!A3']);
    expect(res.json().error.details[0].vi).toBe('"năm mươi" không phải là số');
    const other = await download();
    other.getWorksheet('Số liệu')!.getCell('B3').value = 999999;
    expect((await upload(Buffer.from(await other.xlsx.writeBuffer()))).json().error.details[0]).toMatchObject({ cell: 'B3' });
    expect((await upload(Buffer.from('not a workbook'))).json().error).toMatchObject({ code: 'workbook_unreadable', field: 'file' });
    const view = (await officer.request({ method: 'GET', url: `/api/reporting/reports/${reportId}` })).json();
    expect(view.values).toEqual({ RP_TTHC_RECEIVED: 60 });
  });

  it('loads a filled workbook back, numbers and narrative, then the report can be submitted', async () => {
    const wb = await download();
    const sheet = wb.getWorksheet('Số liệu')!;
    sheet.getCell(`D${rowOf(sheet, 'RP_TTHC_ON_TIME')}`).value = 55;
    sheet.getCell(`D${rowOf(sheet, 'RP_TTHC_LATE')}`).value = '3';
    wb.getWorksheet('Thuyết minh')!.getCell('C2').value = 'Bộ phận một cửa hoạt động ổn định.';
    const res = await upload(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(200);
    const view = (await officer.request({ method: 'GET', url: `/api/reporting/reports/${reportId}` })).json();
    expect(view.values).toEqual({ RP_TTHC_RECEIVED: 60, RP_TTHC_ON_TIME: 55, RP_TTHC_LATE: 3 });
    expect(view.narrative.NARRATIVE).toBe('Bộ phận một cửa hoạt động ổn định.');
    expect(view.timeline.map((e: { action: string }) => e.action)).toContain('upload');
  });

  it.skipIf(libreOfficeMissing)('loads a workbook saved by LibreOffice Calc, with a formula computed by it', async () => {
    const wb = await download();
    const sheet = wb.getWorksheet('Số liệu')!;
    sheet.getCell(`D${rowOf(sheet, 'RP_TTHC_ON_TIME')}`).value = { formula: '50+7' } as ExcelJS.CellFormulaValue;
    const source = path.join(tmp, 'tu-excel.xlsx');
    fs.writeFileSync(source, Buffer.from(await wb.xlsx.writeBuffer()));
    const out = path.join(tmp, 'out');
    execFileSync(soffice!, ['--headless', '--norestore', `-env:UserInstallation=file://${path.join(tmp, 'profile')}`, '--convert-to', 'xlsx:Calc MS Excel 2007 XML', '--outdir', out, source], { timeout: 120_000, stdio: 'pipe' });
    const saved = fs.readFileSync(path.join(out, 'tu-excel.xlsx'));
    expect(Buffer.compare(saved, fs.readFileSync(source))).not.toBe(0);
    const res = await upload(saved);
    expect(res.statusCode, res.body).toBe(200);
    const view = (await officer.request({ method: 'GET', url: `/api/reporting/reports/${reportId}` })).json();
    expect(view.values.RP_TTHC_ON_TIME).toBe(57);
    expect((await officer.request({ method: 'POST', url: `/api/reporting/reports/${reportId}/submit`, payload: {} })).json().state).toBe('submitted');
  }, 150_000);
});
