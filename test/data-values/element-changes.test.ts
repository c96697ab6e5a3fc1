import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../../src/core/access/index.js';
import { isChecked, ValueChecker, writeChecked } from '../../src/core/data/index.js';
import { admin, analytics, t, u, useDataValuesApp, write } from './setup.js';

useDataValuesApp();

describe('changing how an element aggregates and what its values are', () => {
  it('a new aggregation answers at once; a new value type is refused while stored values do not fit it, then rewrites them', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/data-elements', payload: {
      code: 'TEST_RETYPE', nameVi: 'Thử đổi kiểu', nameEn: 'Retype test', valueType: 'number', aggUnits: 'sum', aggTime: 'last', periodTypes: ['month', 'year'] } });
    expect(created.statusCode).toBe(201);
    expect((await write(admin, [
      { element: 'TEST_RETYPE', orgUnitId: u.p5, period: '2023M01', value: '10.50' },
      { element: 'TEST_RETYPE', orgUnitId: u.p5, period: '2023M02', value: 20 },
      { element: 'TEST_RETYPE', orgUnitId: u.p6, period: '2023M02', value: 130 },
    ])).statusCode).toBe(200);
    const year = `element=TEST_RETYPE&orgUnitId=${u.district941}&periods=2023`;
    expect(await analytics(year)).toEqual([{ period: '2023', value: 150 }]); // the last month of each commune, summed
    const summed = await admin.request({ method: 'PATCH', url: '/api/data-elements/TEST_RETYPE', payload: { aggTime: 'sum' } });
    expect(summed.statusCode).toBe(200);
    expect(await analytics(year)).toEqual([{ period: '2023', value: 160.5 }]); // the cached answer was not served

    // A percentage cannot hold 130: refused, naming the value, and nothing changes.
    const refused = await admin.request({ method: 'PATCH', url: '/api/data-elements/TEST_RETYPE', payload: { valueType: 'percentage', nameVi: 'Đổi tên' } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({ code: 'values_misfit', field: 'valueType' });
    expect(refused.json().error.messages.vi).toBe('1 giá trị đã lưu không hợp với kiểu mới (đầu tiên: 31507 2023M02: 130); chưa đổi gì.');
    expect(refused.json().error.details).toEqual([{ orgUnit: '31507', period: '2023M02', value: '130', vi: 'tỷ lệ phần trăm phải từ 0 đến 100: 130', en: 'a percentage must lie between 0 and 100: 130' }]);
    const element = (await admin.request({ method: 'GET', url: '/api/data-elements' })).json().find((e: { code: string }) => e.code === 'TEST_RETYPE');
    expect(element).toMatchObject({ valueType: 'number', nameVi: 'Thử đổi kiểu' });

    // An integer cannot hold 10.5 either; once that value is corrected, the change goes through.
    expect((await admin.request({ method: 'PATCH', url: '/api/data-elements/TEST_RETYPE', payload: { valueType: 'integer' } })).json().error.details[0].vi).toBe('không phải là số nguyên: 10.5');
    await write(admin, [{ element: 'TEST_RETYPE', orgUnitId: u.p5, period: '2023M01', value: 11 }]);
    expect((await admin.request({ method: 'PATCH', url: '/api/data-elements/TEST_RETYPE', payload: { valueType: 'integer' } })).statusCode).toBe(200);
    expect(await analytics(year)).toEqual([{ period: '2023', value: 161 }]);
    expect((await write(admin, [{ element: 'TEST_RETYPE', orgUnitId: u.p5, period: '2023M03', value: '2.5' }])).json().error.details[0].code).toBe('not_integer');

    // As text, a number is kept as it was written; back to a number, it is read again.
    expect((await admin.request({ method: 'PATCH', url: '/api/data-elements/TEST_RETYPE', payload: { valueType: 'text', aggUnits: 'none', aggTime: 'none' } })).statusCode).toBe(200);
    await write(admin, [{ element: 'TEST_RETYPE', orgUnitId: u.p5, period: '2023M03', value: '12.50' }]);
    expect((await admin.request({ method: 'PATCH', url: '/api/data-elements/TEST_RETYPE', payload: { valueType: 'number', aggUnits: 'sum', aggTime: 'sum' } })).statusCode).toBe(200);
    const stored = (await admin.request({ method: 'GET', url: `/api/data-values?element=TEST_RETYPE&orgUnitId=${u.p5}` })).json();
    expect(stored.map((v: { period: string; value: string }) => `${v.period}=${v.value}`).sort()).toEqual(['2023M01=11', '2023M02=20', '2023M03=12.5']);
    expect(await analytics(year)).toEqual([{ period: '2023', value: 173.5 }]);
  });

  it('a value type changed while values are being written waits for them, and then refuses what does not fit', async () => {
    const db = t.database.db;
    expect((await admin.request({ method: 'POST', url: '/api/data-elements', payload: {
      code: 'TEST_RACE', nameVi: 'Thử tranh chấp', nameEn: 'Race test', valueType: 'number', aggUnits: 'sum', aggTime: 'sum', periodTypes: ['year'] } })).statusCode).toBe(201);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let checked!: () => void;
    const checkedOnce = new Promise<void>((resolve) => (checked = resolve));
    // A writer has checked 10.5 as a number inside its transaction and is about to store it...
    const writer = db.transaction().execute(async (trx) => {
      const checker = await ValueChecker.load(trx, SYSTEM);
      const row = checker.check({ element: 'TEST_RACE', orgUnitId: u.p5!, period: '2022', value: '10.5' });
      checked();
      await held;
      if (!isChecked(row)) throw new Error('refused');
      await writeChecked(trx, [row], { who: 'test', kind: 'manual', ref: null });
    });
    await checkedOnce;
    // ...when an administrator makes the element an integer: the change waits for the writer, then sees its value.
    const retype = admin.request({ method: 'PATCH', url: '/api/data-elements/TEST_RACE', payload: { valueType: 'integer' } });
    try {
      if (t.database.kind === 'postgres') {
        // On a server the change really waits on the writer's lock (PGlite has one connection: it waits for the writer anyway).
        const waiting = async () => (await sql<{ n: number }>`SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE wait_event_type = 'Lock' AND query ILIKE '%from "data_element"%for update%'`.execute(db)).rows[0]!.n;
        await expect.poll(waiting).toBeGreaterThan(0);
      }
    } finally {
      release();
    }
    await writer;
    const res = await retype;
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('values_misfit');
  });
});
