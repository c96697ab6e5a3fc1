import { describe, expect, it } from 'vitest';
import { admin, sample, source, useExchangeApps } from './setup.js';

useExchangeApps();

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
