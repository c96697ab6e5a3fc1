import { afterAll, beforeAll } from 'vitest';
import { createTestApp, unitId, type Session, type TestApp } from '../helpers.js';

// Live bindings, set by useDataValuesApp's beforeAll: the tests read them as plain names, each file its own app.
export let t: TestApp;
export let admin: Session;
export let officer: Session;
export let u: Record<string, number>;

/** One app per test file (files run in parallel processes), with the administrator, the officer and the units used. */
export function useDataValuesApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    officer = await t.login('canbo');
    u = {
      province: await unitId(t, '94', '2024-12-31'),
      city2025: await unitId(t, '92', '2025-07-01'),
      district941: await unitId(t, '941', '2024-12-31'),
      p5: await unitId(t, '31498', '2024-12-31'),
      p6: await unitId(t, '31507', '2024-12-31'),
      p7: await unitId(t, '31501', '2024-12-31'),
      p8: await unitId(t, '31504', '2024-12-31'),
      p2: await unitId(t, '31510', '2024-12-31'),
      socTrang2025: await unitId(t, '31507', '2025-07-01'),
      phuLoi2025: await unitId(t, '31510', '2025-07-01'),
    };
  });
  afterAll(() => t?.close());
}

export const write = (s: Session, values: unknown[], dryRun = false) => s.request({ method: 'POST', url: `/api/data-values?dryRun=${dryRun}`, payload: { values } });
export const analytics = async (query: string) => (await admin.request({ method: 'GET', url: `/api/analytics?${query}` })).json();

/**
 * The 2024 figures of five communes of district 941 that the analytics tests sum (1,050 in all). Phường 5's 100 was
 * left behind by the writing tests while they shared one app with these; it is written here so each file stands alone.
 */
export async function writeMergerValues(): Promise<void> {
  await write(admin, [
    { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p5, period: '2024', value: 100 },
    { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p6, period: '2024', value: 200 },
    { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p7, period: '2024', value: 300 },
    { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p8, period: '2024', value: 400 },
    { element: 'PAYMENT_ACCOUNT_15PLUS', orgUnitId: u.p2, period: '2024', value: 50 },
  ]);
}
