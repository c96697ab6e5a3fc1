import { describe, expect, it } from 'vitest';
import { SYSTEM } from '../access/index.js';
import { actOnCase, receiveCase } from './index.js';
import { at, expectError, ids, officer, otherOfficer, t, useCaseEngineApp } from './test-setup.js';

useCaseEngineApp();

describe('scope on every unit and case an action names', () => {
  it('refuses to accept a case naming an officer of another unit, and to merge a case into another unit\'s case, changing nothing', async () => {
    const db = t.database.db;
    const mine = await receiveCase(db, SYSTEM, { kind: 'trial', category: 'ROADS', description: 'Cống bị tắc', channel: 'web', unitId: ids.district941 }, at('2024-11-04'));
    const theirs = await receiveCase(db, SYSTEM, { kind: 'trial', category: 'ROADS', description: 'Cống bị tắc ở Phú Lợi', channel: 'web', unitId: ids.phuLoi2025 }, at('2025-08-04'));
    await expectError(actOnCase(db, officer, mine.id, { action: 'accept', officerId: otherOfficer.id }, at('2024-11-04')), 'officer_not_in_unit', 400);
    await expectError(actOnCase(db, officer, mine.id, { action: 'merge', mergeInto: theirs.id }, at('2024-11-04')), 'out_of_scope', 403);
    const rows = await db.selectFrom('case_record').select(['id', 'state', 'officer_id', 'merged_into_id']).where('id', 'in', [mine.id, theirs.id]).orderBy('id').execute();
    expect(rows).toEqual([
      { id: mine.id, state: 'routed', officer_id: null, merged_into_id: null },
      { id: theirs.id, state: 'routed', officer_id: null, merged_into_id: null },
    ]);
    expect(await actOnCase(db, officer, mine.id, { action: 'accept', officerId: officer.id }, at('2024-11-04'))).toMatchObject({ state: 'accepted' });
  });
});

