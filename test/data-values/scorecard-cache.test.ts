import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.js';
import { DATABASE_URL, secondPool } from '../helpers.js';
import { admin, officer, t, u, useDataValuesApp, write } from './setup.js';

useDataValuesApp();

type Card = { pillars: { indicators: { code: string; latest: { year: number; value: number } | null; target: { year: number; value: number } | null }[] }[] };
const indicator = (card: Card, code: string) => card.pillars.flatMap((p) => p.indicators).find((i) => i.code === code)!;
const card = async () => (await officer.request({ method: 'GET', url: `/api/scorecard?unitId=${u.province}` })).json() as Card;

// The scorecard is kept, computed, per process; these are the changes it must follow at once.
describe('the scorecard a process keeps', () => {
  it('follows a value written and a target changed, on the next read', async () => {
    expect(indicator(await card(), 'NQ07_DIGITAL_ECONOMY').latest).toEqual({ year: 2022, value: 7.41 });
    expect((await write(admin, [{ element: 'DIGITAL_ECONOMY_GRDP_PCT', orgUnitId: u.province, period: '2024', value: 12.5 }])).statusCode).toBe(200);
    expect(indicator(await card(), 'NQ07_DIGITAL_ECONOMY').latest).toEqual({ year: 2024, value: 12.5 });

    const { id } = await t.database.db.selectFrom('indicator').select('id').where('code', '=', 'NQ07_DIGITAL_ECONOMY').executeTakeFirstOrThrow();
    await t.database.db.updateTable('indicator_target').set({ value: 25 }).where('indicator_id', '=', id).where('year', '=', 2025).where('org_unit_id', '=', u.province!).execute();
    expect(indicator(await card(), 'NQ07_DIGITAL_ECONOMY').target).toMatchObject({ year: 2025, value: 25 });
  });

  it('answers many readers at once with one computation, the same answer to each', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => officer.request({ method: 'GET', url: '/api/scorecard' })));
    expect(new Set(answers.map((a) => a.statusCode))).toEqual(new Set([200]));
    expect(new Set(answers.map((a) => a.body)).size).toBe(1);
    expect(answers[0]!.headers['content-type']).toBe('application/json; charset=utf-8');
  });

  it.skipIf(!DATABASE_URL)('shows a value written through another process on the next read (PostgreSQL)', async () => {
    // Another process: its own connections to the same schema, so its own cache.
    const second = await secondPool(t, 2);
    const other = await buildApp({ ...t.ctx, db: second.db }, { web: false });
    await other.ready();
    try {
      const before = indicator(await card(), 'NQ07_OFFICIALS_TRAINED').latest;
      expect(before).toMatchObject({ year: 2022, value: 464 });
      // The write goes through the other process, the read through this one.
      const login = await other.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: 'tinhso-demo-2026' }, remoteAddress: '127.9.9.9' });
      const cookie = login.cookies.find((c) => c.name === 'tinhso_sid')!;
      const csrf = login.json().csrfToken as string;
      const written = await other.inject({
        method: 'POST', url: '/api/data-values', cookies: { tinhso_sid: cookie.value }, headers: { 'x-csrf-token': csrf },
        payload: { values: [{ element: 'OFFICIALS_TRAINED_DT', orgUnitId: u.province, period: '2025', value: 600 }] },
      });
      expect(written.statusCode, written.body).toBe(200);
      expect(indicator(await card(), 'NQ07_OFFICIALS_TRAINED').latest).toEqual({ year: 2025, value: 600 });
    } finally {
      await other.close();
      await second.close();
    }
  });
});
