import { afterAll, beforeAll, expect } from 'vitest';
import type { UserActor } from '../access/index.js';
import { createTestApp, unitId, type TestApp } from '../../../test/helpers.js';

// Live bindings, set by useCaseEngineApp's beforeAll: a trial kind of case with two categories, units of 2024 and
// 2025, and two officers of different units.
export let t: TestApp;
export let ids: Record<string, number>;
export let officer: UserActor;
export let otherOfficer: UserActor;
export const at = (iso: string) => new Date(`${iso}T09:00:00+07:00`);

export function useCaseEngineApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    const db = t.database.db;
    await db.insertInto('case_category').values([
      { kind: 'trial', code: 'ROADS', name_vi: 'Giao thông, đường sá', name_en: 'Roads', deadline_working_days: 3, forward_within_working_days: 5, legal_basis: 'cấu hình thử' },
      { kind: 'trial', code: 'OTHER', name_vi: 'Khác', name_en: 'Other', deadline_working_days: 10, forward_within_working_days: 5, legal_basis: 'cấu hình thử' },
    ]).execute();
    ids = {
      district941: await unitId(t, '941', '2024-12-31'),
      p5: await unitId(t, '31498', '2024-12-31'),
      p2: await unitId(t, '31510', '2024-12-31'),
      socTrang2025: await unitId(t, '31507', '2025-07-01'),
      phuLoi2025: await unitId(t, '31510', '2025-07-01'),
      city: await unitId(t, '92', '2025-07-01'),
    };
    const user = async (name: string, unit: number) => {
      const row = await db.insertInto('app_user').values({ username: name, display_name: name, password_hash: 'x', role: 'officer', org_unit_id: unit }).returning('id').executeTakeFirstOrThrow();
      return { kind: 'user' as const, id: row.id, username: name, displayName: name, role: 'officer' as const, orgUnitId: unit, locale: 'vi' as const, sessionId: '', csrfToken: '' };
    };
    officer = await user('can-bo-941', ids.district941!);
    otherOfficer = await user('can-bo-phu-loi', ids.phuLoi2025!);
  });
  afterAll(() => t?.close());
}

export const expectError = async (work: Promise<unknown>, code: string, status: number) => {
  await expect(work).rejects.toMatchObject({ code, status });
};
