import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, unitId, type Session, type TestApp } from '../../../test/helpers.js';
import { SAMPLE_ELEMENT, sampleConnector, sampleRecords, startOtherSystem, type OtherSystem } from '../../../test/other-system.js';

let t: TestApp;
let admin: Session;
let officer: Session;
let other: OtherSystem;
let ward: number;

const ELEMENT = SAMPLE_ELEMENT;
const records = sampleRecords;
const config = (over: Record<string, unknown> = {}) => sampleConnector(other.url(), over);
const storedValues = () => admin.request({ method: 'GET', url: `/api/data-values?element=${ELEMENT}&orgUnitId=${ward}` }).then((r) => r.json());
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('canbo');
  other = await startOtherSystem();
  ward = await unitId(t, '31507', '2025-07-01');
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

describe('connector configuration', () => {
  it('refuses an anonymous caller with 401 and an officer with 403, creating nothing', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/connectors', payload: config() })).statusCode).toBe(401);
    const refused = await officer.request({ method: 'POST', url: '/api/connectors', payload: config() });
    expect(refused.statusCode).toBe(403);
    expect((await officer.request({ method: 'POST', url: '/api/connectors/preview', payload: config() })).statusCode).toBe(403);
    expect((await admin.request({ method: 'GET', url: '/api/connectors' })).json()).toEqual([]);
  });

  it('refuses a bad configuration with a localised 400 naming the field, and creates nothing', async () => {
    const ftp = await admin.request({ method: 'POST', url: '/api/connectors', payload: config({ url: 'ftp://127.0.0.1/data' }) });
    expect(ftp.statusCode).toBe(400);
    expect(ftp.json().error).toMatchObject({ code: 'validation_failed', field: 'url' });
    expect(ftp.json().error.messages.vi).toMatch(/^Dữ liệu không hợp lệ: địa chỉ \(url\)/);
    const often = await admin.request({ method: 'POST', url: '/api/connectors', payload: config({ intervalMinutes: 1 }) });
    expect(often.json().error).toMatchObject({ code: 'validation_failed', field: 'intervalMinutes' });
    const unknown = await admin.request({ method: 'POST', url: '/api/connectors', payload: config({ mapping: { unitField: 'a', periodField: 'b', values: [{ field: 'c', element: 'NO_SUCH_ELEMENT' }] } }) });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error).toMatchObject({ code: 'reference_not_found', field: 'mapping.values.0.element' });
    expect(unknown.json().error.messages.en).toContain('mapping.values.0.element');
    expect((await admin.request({ method: 'GET', url: '/api/connectors' })).json()).toEqual([]);
  });
});

describe('a connector against the other system', () => {
  let id: number;

  it('previews a sample: the mapped rows and the refused ones with their reasons, writing nothing', async () => {
    other.serve(records([
      { ma_don_vi: '31507', ky: '2026-10', ty_le: 91.5 },
      { ma_don_vi: 'KHONG_CO', ky: '2026M10', ty_le: 90 },
      { ma_don_vi: '31507', ky: '202609', ty_le: 150 },
      { ma_don_vi: '31507', ky: '2026M08' },
    ]));
    const res = await admin.request({ method: 'POST', url: '/api/connectors/preview', payload: config() });
    expect(res.statusCode).toBe(200);
    const preview = res.json();
    expect(preview.rowsRead).toBe(4);
    expect(preview.rows).toEqual([{ row: 1, unitCode: '31507', orgUnitId: ward, period: '2026M10', element: ELEMENT, coc: null, value: '91.5' }]);
    expect(preview.badRows.map((b: { row: number; field: string }) => [b.row, b.field])).toEqual([[2, 'ma_don_vi'], [3, 'ty_le'], [4, 'ty_le']]);
    expect(preview.badRows[0].vi).toContain('Không có đơn vị mang mã "KHONG_CO"');
    expect(preview.badRows[2].en).toContain('"ty_le" has no value');
    expect(other.requests.at(-1)!['x-api-key']).toBe('khoa-bi-mat-2026-abcd');
    expect(await storedValues()).toEqual([]);
  });

  it('answers a preview of a failing source with a localised 422', async () => {
    other.fail(404);
    const res = await admin.request({ method: 'POST', url: '/api/connectors/preview', payload: config() });
    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: 'connector_http_status', field: 'url' });
    expect(res.json().error.messages.vi).toBe('Hệ thống nguồn trả lời mã HTTP 404.');
  });

  it('stores the secret but shows it masked, and audits the creation without it', async () => {
    const res = await admin.request({ method: 'POST', url: '/api/connectors', payload: config() });
    expect(res.statusCode).toBe(201);
    id = res.json().id;
    expect(res.json().headers).toEqual({ 'X-Api-Key': '••••abcd' });
    const audit = await admin.request({ method: 'GET', url: `/api/audit?entity=connector&entityId=${id}` });
    expect(JSON.stringify(audit.json())).toContain('connector.create');
    expect(JSON.stringify(audit.json())).not.toContain('khoa-bi-mat');
  });

  it('writes the good rows of a pull, reports the bad ones without storing them, then takes a 304 as no change', async () => {
    other.serve(records([
      { ma_don_vi: '31507', ky: '2026-10', ty_le: 91.5 },
      { ma_don_vi: '31507', ky: '2026M09', ty_le: 'nhiều' },
    ]));
    const run = (await admin.request({ method: 'POST', url: `/api/connectors/${id}/run` })).json();
    expect(run).toMatchObject({ outcome: 'ok', trigger: 'manual', httpStatus: 200, rowsRead: 2, imported: 1, refused: 1 });
    expect(run.badRows[0]).toMatchObject({ row: 2, field: 'ty_le', value: 'nhiều' });
    const stored = await storedValues();
    expect(stored.map((v: { period: string; value: string; sourceRef: string }) => [v.period, v.value, v.sourceRef])).toEqual([['2026M10', '91.5', `connector:${id}`]]);

    const again = (await admin.request({ method: 'POST', url: `/api/connectors/${id}/run` })).json();
    expect(again).toMatchObject({ outcome: 'unchanged', httpStatus: 304, imported: 0 });
    expect(other.requests.at(-1)!['if-none-match']).toMatch(/^"v\d+"$/);
    const runs = (await admin.request({ method: 'GET', url: `/api/connectors/${id}/runs` })).json();
    expect(runs.map((r: { outcome: string }) => r.outcome)).toEqual(['unchanged', 'ok']);
  });

  it('refuses an officer running or reading a connector, and answers 404 for one that does not exist', async () => {
    expect((await officer.request({ method: 'POST', url: `/api/connectors/${id}/run` })).statusCode).toBe(403);
    expect((await officer.request({ method: 'GET', url: `/api/connectors/${id}/runs` })).statusCode).toBe(403);
    expect((await admin.request({ method: 'POST', url: '/api/connectors/999999/run' })).statusCode).toBe(404);
    const removed = await admin.request({ method: 'DELETE', url: `/api/connectors/${id}` });
    expect(removed.statusCode).toBe(200);
    const audit = JSON.stringify((await admin.request({ method: 'GET', url: `/api/audit?entity=connector&entityId=${id}` })).json());
    for (const action of ['connector.create', 'connector.run', 'connector.delete']) expect(audit).toContain(action);
    expect(audit).not.toContain('khoa-bi-mat');
    expect((await admin.request({ method: 'GET', url: `/api/connectors/${id}/runs` })).statusCode).toBe(404);
  });
});
