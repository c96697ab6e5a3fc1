import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from './helpers.js';

let source: TestApp;
let target: TestApp;
let admin: Session;
let targetAdmin: Session;

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const sample = [
  { dataElement: 'PAYMENT_ACCOUNT_15PLUS', period: '2024', orgUnit: '31498', value: '100', comment: 'Phường 5\tđã đối chiếu\nsổ \\N "A"' },
  { dataElement: 'PAYMENT_ACCOUNT_15PLUS', period: '2024', orgUnit: '31507', value: '200' },
  { dataElement: 'PAYMENT_ACCOUNT_15PLUS', period: '2025M08', orgUnit: '31507', value: '15' },
  { dataElement: 'OFFICIALS_TRAINED_DT', period: '2024', orgUnit: '941', categoryOptionCombo: 'TRAINING_PROGRAMME_INFOSEC', value: '7', followup: true },
  { dataElement: 'HH_FIBRE_MOBILE_PCT', period: '2024', orgUnit: '942', value: '97.5' },
];

beforeAll(async () => {
  [source, target] = await Promise.all([createTestApp(), createTestApp()]);
  admin = await source.login('admin');
  targetAdmin = await target.login('admin');
  const res = await admin.request({ method: 'POST', url: '/api/dataValueSets', payload: { dataValues: sample } });
  expect(res.statusCode).toBe(200);
});
afterAll(async () => {
  await source?.close();
  await target?.close();
});

const exportQuery = 'dataElement=PAYMENT_ACCOUNT_15PLUS&dataElement=OFFICIALS_TRAINED_DT&dataElement=HH_FIBRE_MOBILE_PCT&orgUnit=94&orgUnit=92&children=true&startDate=2024-01-01&endDate=2025-12-31';
const comparable = (values: { dataElement: string; period: string; orgUnit: string; categoryOptionCombo?: string; value?: string | null; comment?: string | null; followup?: boolean }[]) =>
  values.map(({ dataElement, period, orgUnit, categoryOptionCombo, value, comment, followup }) => ({ dataElement, period, orgUnit, categoryOptionCombo, value, comment: comment ?? null, followup }));

describe('POST /api/dataValueSets (JSON)', () => {
  it('answers a DHIS2 import summary and resolves a unit code at the end of each period', async () => {
    const again = await admin.request({ method: 'POST', url: '/api/dataValueSets', payload: { dataValues: sample } });
    expect(again.json()).toMatchObject({ responseType: 'ImportSummary', status: 'SUCCESS', importCount: { imported: 0, updated: 0, ignored: 5, deleted: 0 }, conflicts: [] });
    const rows = await source.database.db.selectFrom('data_value as v').innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
      .select(['v.period', 'o.name']).where('o.code', '=', '31507').where('v.period', 'in', ['2024', '2025M08']).orderBy('v.period').execute();
    expect(rows).toEqual([{ period: '2024', name: 'Phường 6' }, { period: '2025M08', name: 'Phường Sóc Trăng' }]);
  });

  it('takes period and orgUnit from the set when the values leave them out', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/dataValueSets?dryRun=true', payload: { period: '2024', orgUnit: '943', dataValues: [{ dataElement: 'HH_FIBRE_MOBILE_PCT', value: 90 }] } });
    expect(res.json()).toMatchObject({ status: 'SUCCESS', importOptions: { dryRun: true }, importCount: { imported: 1 } });
    const stored = await source.database.db.selectFrom('data_value').select('id').where('value', '=', '90').execute();
    expect(stored).toEqual([]);
  });
});

describe('round trips', () => {
  it('JSON: export, import elsewhere, export again: the same values', async () => {
    const exported = (await admin.request({ method: 'GET', url: `/api/dataValueSets?${exportQuery}` })).json();
    expect(exported.dataValues).toHaveLength(5);
    const imported = await targetAdmin.request({ method: 'POST', url: '/api/dataValueSets', payload: exported });
    expect(imported.json().importCount).toEqual({ imported: 5, updated: 0, ignored: 0, deleted: 0 });
    const back = (await targetAdmin.request({ method: 'GET', url: `/api/dataValueSets?${exportQuery}` })).json();
    expect(comparable(back.dataValues)).toEqual(comparable(exported.dataValues));
  });

  it('CSV: DHIS2 columns out and back in', async () => {
    const csv = await admin.request({ method: 'GET', url: `/api/dataValueSets?${exportQuery}`, headers: { accept: 'application/csv' } });
    expect(csv.headers['content-type']).toContain('application/csv');
    expect(csv.body.split('\n')[0]).toBe('dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,lastupdated,comment,followup');
    const changed = csv.body.replace(',97.5,', ',98,');
    const res = await targetAdmin.request({ method: 'POST', url: '/api/dataValueSets', payload: changed, headers: { 'content-type': 'application/csv' } });
    expect(res.json().importCount).toEqual({ imported: 0, updated: 1, ignored: 4, deleted: 0 });
  });

  it('XLSX: the same columns in a workbook, out and back in', async () => {
    const file = await admin.request({ method: 'GET', url: `/api/dataValueSets?${exportQuery}&format=xlsx` });
    expect(file.headers['content-type']).toBe(XLSX);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.rowCount).toBe(6);
    let edited2 = false;
    sheet.eachRow((row) => {
      if (!edited2 && row.getCell(1).value === 'PAYMENT_ACCOUNT_15PLUS') {
        row.getCell(6).value = 111;
        edited2 = true;
      }
    });
    expect(edited2).toBe(true);
    const edited = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await targetAdmin.request({ method: 'POST', url: '/api/dataValueSets', payload: edited, headers: { 'content-type': XLSX } });
    // The edited count, and the fibre figure the CSV step had changed to 98, back to the source's 97.5.
    expect(res.json()).toMatchObject({ status: 'SUCCESS', importCount: { imported: 0, updated: 2, ignored: 3 } });
    const junk = await targetAdmin.request({ method: 'POST', url: '/api/dataValueSets', payload: Buffer.from('not a workbook'), headers: { 'content-type': XLSX } });
    expect(junk.statusCode).toBe(400);
  });
});

describe('bad rows', () => {
  const bad = [
    { dataElement: 'HH_FIBRE_MOBILE_PCT', period: '2024', orgUnit: '944', value: '88' },
    { dataElement: '', period: '2024', orgUnit: '944', value: '1' },
    { dataElement: 'HH_FIBRE_MOBILE_PCT', period: '', orgUnit: '944', value: '1' },
    { dataElement: 'HH_FIBRE_MOBILE_PCT', period: '2024', orgUnit: '', value: '1' },
    { dataElement: 'HH_FIBRE_MOBILE_PCT', period: '2024', orgUnit: '99999', value: '1' },
    { dataElement: 'NOPE', period: '2024', orgUnit: '944', value: '1' },
    { dataElement: 'HH_FIBRE_MOBILE_PCT', period: '2024M13', orgUnit: '944', value: '1' },
    { dataElement: 'HH_FIBRE_MOBILE_PCT', period: '2024Q1', orgUnit: '944', value: '1' },
    { dataElement: 'HH_FIBRE_MOBILE_PCT', period: '2024', orgUnit: '944', categoryOptionCombo: 'TRAINING_PROGRAMME_INFOSEC', value: '1' },
    { dataElement: 'HH_FIBRE_MOBILE_PCT', period: '2024', orgUnit: '944', attributeOptionCombo: 'FUNDER_X', value: '1' },
    { dataElement: 'HH_FIBRE_MOBILE_PCT', period: '2024', orgUnit: '945', value: 'nhiều' },
    { dataElement: 'HH_FIBRE_MOBILE_PCT', period: '2024', orgUnit: '946', value: '101' },
    { dataElement: 'HH_FIBRE_MOBILE_PCT', period: '2025M08', orgUnit: '947', value: '1' },
  ];

  it('refuses the whole file (409) and names every bad row with its reason; nothing is stored', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/dataValueSets', payload: { dataValues: bad } });
    expect(res.statusCode).toBe(409);
    const body = res.json();
    expect(body).toMatchObject({ status: 'ERROR', importCount: { imported: 0, updated: 0, ignored: 13 } });
    expect(body.error.code).toBe('import_conflicts');
    const byRow = Object.fromEntries(body.conflicts.flatMap((c: { indexes: number[]; property: string; value: string }) => c.indexes.map((i) => [i, `${c.property}: ${c.value}`])));
    expect(byRow).toEqual({
      1: 'dataElement: Data element is missing',
      2: 'period: Period is missing',
      3: 'orgUnit: Organisation unit is missing',
      4: 'orgUnit: Organisation unit not found or not in force during the period',
      5: 'dataElement: unknown data element NOPE',
      6: expect.stringMatching(/^period: "2024M13" is not a period code/),
      7: 'period: HH_FIBRE_MOBILE_PCT accepts year periods, not quarter',
      8: 'categoryOptionCombo: not a disaggregation of HH_FIBRE_MOBILE_PCT',
      9: 'attributeOptionCombo: Attribute option combo not found (only "default" is used)',
      10: 'value: not a number: "nhiều"',
      11: 'value: a percentage must lie between 0 and 100: 101',
      12: 'orgUnit: Organisation unit not found or not in force during the period',
    });
    // The same reasons in Vietnamese, for the officer reading the import screen.
    const byRowVi = Object.fromEntries(body.conflicts.flatMap((c: { indexes: number[]; vi: string }) => c.indexes.map((i) => [i, c.vi])));
    expect(byRowVi).toEqual({
      1: 'thiếu mã chỉ tiêu dữ liệu',
      2: 'thiếu mã kỳ',
      3: 'thiếu mã đơn vị',
      4: 'không có đơn vị mã 99999 có hiệu lực trong kỳ',
      5: 'không có chỉ tiêu dữ liệu NOPE',
      6: '"2024M13" không phải là mã kỳ (2024, 2024S1, 2024Q3, 2024M07, 2024W31, 20240715)',
      7: 'HH_FIBRE_MOBILE_PCT chỉ nhận kỳ năm, không nhận kỳ quý',
      8: 'không phải là phân tổ của HH_FIBRE_MOBILE_PCT',
      9: 'không có tổ hợp thuộc tính "FUNDER_X" (chỉ dùng "default")',
      10: 'không phải là số: "nhiều"',
      11: 'tỷ lệ phần trăm phải từ 0 đến 100: 101',
      12: 'không có đơn vị mã 947 có hiệu lực trong kỳ',
    });
    const stored = await source.database.db.selectFrom('data_value').select('value').where('value', '=', '88').execute();
    expect(stored).toEqual([]);
  });

  it('with atomicMode=NONE imports the good rows and reports the rest as a warning', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/dataValueSets?atomicMode=NONE', payload: { dataValues: bad } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'WARNING', importCount: { imported: 1, ignored: 12 } });
  });

  it('an officer cannot import values for units outside its own', async () => {
    const officer = await source.login('canbo');
    const res = await officer.request({ method: 'POST', url: '/api/dataValueSets', payload: { dataValues: [
      { dataElement: 'PAYMENT_ACCOUNT_15PLUS', period: '2025M09', orgUnit: '31507', value: '1' },
      { dataElement: 'PAYMENT_ACCOUNT_15PLUS', period: '2025M09', orgUnit: '31510', value: '1' },
    ] } });
    expect(res.statusCode).toBe(409);
    expect(res.json().conflicts).toEqual([{ object: '31510', value: 'outside your units', vi: 'đơn vị nằm ngoài phạm vi của bạn', errorCode: 'out_of_scope', property: 'orgUnit', indexes: [1] }]);
    const mine = (await officer.request({ method: 'GET', url: `/api/dataValueSets?dataElement=PAYMENT_ACCOUNT_15PLUS&orgUnit=31507&children=true&period=2025M08` })).json();
    expect(mine.dataValues.map((v: { orgUnit: string }) => v.orgUnit)).toEqual(['31507']);
    const wider = await officer.request({ method: 'GET', url: `/api/dataValueSets?dataElement=PAYMENT_ACCOUNT_15PLUS&orgUnit=92&children=true&period=2025M08` });
    expect(wider.statusCode).toBe(403);
  });

  it('importStrategy=DELETE deletes softly, and includeDeleted shows it', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/dataValueSets?importStrategy=DELETE', payload: { dataValues: [sample[4]] } });
    expect(res.json().importCount).toEqual({ imported: 0, updated: 0, ignored: 0, deleted: 1 });
    const all = (await admin.request({ method: 'GET', url: '/api/dataValueSets?dataElement=HH_FIBRE_MOBILE_PCT&orgUnit=942&period=2024&includeDeleted=true' })).json();
    expect(all.dataValues).toMatchObject([{ orgUnit: '942', deleted: true }]);
  });

  it('a malformed CSV, a malformed set and an export without a period are clear 400s', async () => {
    const csv = await admin.request({ method: 'POST', url: '/api/dataValueSets', payload: 'a,b\n"unterminated', headers: { 'content-type': 'text/csv' } });
    expect(csv.statusCode).toBe(400);
    const json = await admin.request({ method: 'POST', url: '/api/dataValueSets', payload: { dataValues: 'many' } });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.field).toBe('dataValues');
    const get = await admin.request({ method: 'GET', url: '/api/dataValueSets?dataElement=HH_FIBRE_MOBILE_PCT&orgUnit=94' });
    expect(get.json().error.field).toBe('querystring.period');
  });
});

describe('long imports run as jobs with progress', () => {
  it('answers 202 with a job, whose progress reaches 100% and keeps the import summary; other users do not even learn it exists', async () => {
    const lines = ['dataelement,period,orgunit,catoptcombo,attroptcombo,value'];
    for (const unit of ['941', '942', '943', '944', '945']) for (let m = 1; m <= 12; m++) lines.push(`PAYMENT_ACCOUNT_15PLUS,2024M${String(m).padStart(2, '0')},${unit},,,${m * 10}`);
    const res = await admin.request({ method: 'POST', url: '/api/dataValueSets?async=true', payload: lines.join('\n'), headers: { 'content-type': 'application/csv' } });
    expect(res.statusCode).toBe(202);
    const { id, url } = res.json();
    expect(url).toBe(`/api/imports/${id}`);
    let job;
    for (let i = 0; i < 100; i++) {
      job = (await admin.request({ method: 'GET', url })).json();
      if (job.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ status: 'done', percent: 100, rowsRead: 60, bytesTotal: lines.join('\n').length, summary: { status: 'SUCCESS', importCount: { imported: 60 } } });
    const officer = await source.login('canbo');
    expect((await officer.request({ method: 'GET', url })).statusCode).toBe(404);
    const other = await source.login('admin');
    expect((await other.request({ method: 'GET', url })).statusCode).toBe(200);
  });

  it('a job that finds conflicts ends done with the refusal in its summary', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/dataValueSets?async=true', payload: { dataValues: [{ dataElement: 'NOPE', period: '2024', orgUnit: '941', value: '1' }] } });
    const { url } = res.json();
    let job;
    for (let i = 0; i < 100; i++) {
      job = (await admin.request({ method: 'GET', url })).json();
      if (job.status !== 'running') break;
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(job).toMatchObject({ status: 'done', rowsTotal: 1, summary: { status: 'ERROR', conflicts: [{ object: 'NOPE' }] } });
  });
});
