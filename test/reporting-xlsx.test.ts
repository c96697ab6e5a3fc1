import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, unitId, type Session, type TestApp } from './helpers.js';
import { form } from './photos.js';

const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => fs.existsSync(p));
/** CI installs LibreOffice Calc and sets REQUIRE_LIBREOFFICE=1, so there the round trip cannot be skipped. */
const libreOfficeMissing = !soffice && process.env.REQUIRE_LIBREOFFICE !== '1';

let t: TestApp;
let officer: Session;
let reportId: number;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-xlsx-'));

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('canbo');
  t.ctx.clock.now = new Date('2026-11-16T03:00:00Z');
  const ward = await unitId(t, '31507', '2025-07-01');
  const r = (await officer.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_TTHC', unitId: ward, period: '2026M11' } })).json();
  reportId = r.id;
  await officer.request({ method: 'PUT', url: `/api/reporting/reports/${reportId}`, payload: { values: { RP_TTHC_RECEIVED: 60 }, narrative: {}, revision: r.revision } });
});
afterAll(async () => {
  t.ctx.clock.now = null;
  fs.rmSync(tmp, { recursive: true, force: true });
  await t?.close();
});

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
    expect((await upload(Buffer.from('not a workbook'))).json().error.details[0].en).toBe('The file is not an Excel workbook (.xlsx)');
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

describe('attachments', () => {
  it('attaches documents recognised by their content, refuses a disguised file, and locks them with the report', async () => {
    const t2 = t;
    const ward = await unitId(t2, '31507', '2025-07-01');
    t2.ctx.clock.now = new Date('2026-11-16T03:00:00Z');
    const r = (await officer.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_CDS', unitId: ward, period: '2026M11' } })).json();
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    const xlsx = Buffer.from(await new ExcelJS.Workbook().xlsx.writeBuffer());
    const sent = await officer.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/attachments`, payload: form({}, [
      { field: 'file', name: 'Quyết định thành lập tổ CNS.pdf', type: 'application/pdf', data: pdf },
      { field: 'file', name: 'so-lieu', type: 'application/octet-stream', data: xlsx },
    ]) });
    expect(sent.statusCode, sent.body).toBe(201);
    expect(sent.json().map((a: { fileName: string; contentType: string }) => [a.fileName, a.contentType])).toEqual([
      ['Quyết định thành lập tổ CNS.pdf', 'application/pdf'], ['so-lieu.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    ]);
    const disguised = await officer.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/attachments`, payload: form({}, [{ field: 'file', name: 'bien-ban.pdf', type: 'application/pdf', data: Buffer.from('MZ\u0090\u0000 not a pdf at all') }]) });
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().error).toMatchObject({ code: 'attachment_type', field: 'file' });
    const view = (await officer.request({ method: 'GET', url: `/api/reporting/reports/${r.id}` })).json();
    expect(view.attachments).toHaveLength(2);
    const file = await officer.request({ method: 'GET', url: `/api/reporting/reports/${r.id}/attachments/${view.attachments[0].id}` });
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toContain(encodeURIComponent('Quyết định thành lập tổ CNS.pdf'));
    expect(Buffer.compare(file.rawPayload, pdf)).toBe(0);
    expect((await officer.request({ method: 'DELETE', url: `/api/reporting/reports/${r.id}/attachments/${view.attachments[1].id}` })).statusCode).toBe(204);
    await officer.request({ method: 'PUT', url: `/api/reporting/reports/${r.id}`, payload: { values: { RP_DOSSIERS_TOTAL: 5, RP_DOSSIERS_ONLINE: 5, RP_TECH_TEAM_MEMBERS: 3 }, narrative: { NARRATIVE: 'Có đính kèm.' }, revision: view.revision } });
    expect((await officer.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/submit`, payload: {} })).json().state).toBe('submitted');
    const locked = await officer.request({ method: 'DELETE', url: `/api/reporting/reports/${r.id}/attachments/${view.attachments[0].id}` });
    expect(locked.json().error.code).toBe('report_locked');
  });
});

describe('CSV', () => {
  it('downloads a report as CSV and loads one back, naming every bad line', async () => {
    const ward = await unitId(t, '31507', '2025-07-01');
    const r = (await officer.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_NN', unitId: ward, period: '2026M11' } })).json();
    const csv = await officer.request({ method: 'GET', url: `/api/reporting/reports/${r.id}/csv` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.replace(/^\uFEFF/, '').split('\n')[1]).toBe('RP_RICE_SOWN_HA,Diện tích lúa gieo trồng,ha,');
    const bad = await officer.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/csv`, headers: { 'content-type': 'text/csv' }, payload: 'maChiTieu,chiTieu,donViTinh,giaTri\nRP_RICE_SOWN_HA,,ha,nhiều\nRP_X,,,1\n' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.map((p: { cell: string }) => p.cell)).toEqual(['dòng 2', 'dòng 3']);
    const good = await officer.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/csv`, headers: { 'content-type': 'text/csv' }, payload: 'maChiTieu,chiTieu,donViTinh,giaTri\nRP_RICE_SOWN_HA,,ha,"1250,5"\nRP_RICE_PEST_HA,,ha,40\n' });
    expect(good.statusCode, good.body).toBe(200);
    expect((await officer.request({ method: 'GET', url: `/api/reporting/reports/${r.id}` })).json().values).toEqual({ RP_RICE_SOWN_HA: 1250.5, RP_RICE_PEST_HA: 40 });
  });
});
