import { describe, expect, it } from 'vitest';
import { admin, sample, source, useExchangeApps } from './setup.js';

useExchangeApps();

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
