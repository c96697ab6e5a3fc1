import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { admin, comparable, exportQuery, targetAdmin, useExchangeApps, XLSX } from './setup.js';

// In order: each step imports into the target what the step before it left there.
useExchangeApps({ target: true });

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
