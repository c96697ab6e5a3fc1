import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabase } from '../../../../test/helpers.js';
import { prepareDatabase } from '../../../server/bootstrap.js';
import { SYSTEM } from '../../access/index.js';
import { ensureDataElements } from '../metadata/index.js';
import { findIndicator, indicatorsOfFramework, mostTargetedUnit, unitTargets } from './repo.js';
import type { IndicatorCreate } from './schema.js';
import { ensureIndicators, setTargets } from './service.js';

let database: Awaited<ReturnType<typeof freshDatabase>>;
let province: number;
let commune: number;
beforeAll(async () => {
  database = await freshDatabase();
  // The reference data: units, and the Resolution 07 indicators with the province's targets.
  await prepareDatabase(database.db, { demo: false });
  const units = await database.db.selectFrom('org_unit').select(['id', 'level']).orderBy('id').execute();
  province = units.find((u) => u.level === 'province')!.id;
  commune = units.find((u) => u.level !== 'province')!.id;
  await ensureDataElements({
    db: database.db, actor: SYSTEM, elements: ['T_DONE', 'T_ALL'].map((code) => ({
      code, nameVi: code, nameEn: code, valueType: 'integer', aggUnits: 'sum', aggTime: 'sum', periodTypes: ['year'],
    })),
  });
});
afterAll(() => database?.close());

const db = () => database.db;
const indicator = (code: string, sort: number): IndicatorCreate => ({
  code, nameVi: `${code} vi`, nameEn: `${code} en`, numerator: '#{T_DONE}', denominator: '#{T_ALL}', factor: 100, pillar: 'government',
  direction: 'higher', decimals: 1, unitLabel: '%', framework: 'TEST', sort, source: 'test/ensure',
});

describe('ensureIndicators', () => {
  it('creates the missing indicators as createIndicator does, audited, and leaves existing ones alone', async () => {
    expect(await ensureIndicators({ db: db(), actor: SYSTEM, indicators: [indicator('T_RATE_B', 1), indicator('T_RATE_A', 0)] })).toEqual(['T_RATE_B', 'T_RATE_A']);
    expect(await findIndicator(db(), 'T_RATE_A')).toMatchObject({
      name_vi: 'T_RATE_A vi', numerator: '#{T_DONE}', denominator: '#{T_ALL}', factor: 100, pillar: 'government', direction: 'higher', decimals: 1,
      unit_label: '%', framework: 'TEST', sort: 0, source: 'test/ensure', description: null,
    });
    await db().updateTable('indicator').set({ name_vi: 'sửa' }).where('code', '=', 'T_RATE_A').execute();
    expect(await ensureIndicators({ db: db(), actor: SYSTEM, indicators: [indicator('T_RATE_A', 0)] })).toEqual([]);
    expect(await findIndicator(db(), 'T_RATE_A')).toMatchObject({ name_vi: 'sửa' });
    const audit = await db().selectFrom('audit_log').select('entity_id').where('action', '=', 'indicator.create').where('entity_id', 'like', 'T\\_RATE%').orderBy('id').execute();
    expect(audit.map((a) => a.entity_id)).toEqual(['T_RATE_B', 'T_RATE_A']);
  });

  it('checks formulas, and creates none of a set when one is refused', async () => {
    const bad = { ...indicator('T_RATE_BAD', 3), numerator: '#{T_NO_SUCH}' };
    await expect(ensureIndicators({ db: db(), actor: SYSTEM, indicators: [indicator('T_RATE_C', 2), bad] })).rejects.toMatchObject({ code: 'invalid_formula', field: 'numerator' });
    expect(await findIndicator(db(), 'T_RATE_C')).toBeUndefined();
  });
});

describe('the reads a scorecard makes', () => {
  it('lists a framework by pillar and sort, and finds the targets of a unit', async () => {
    expect((await indicatorsOfFramework(db(), 'TEST')).map((i) => i.code)).toEqual(['T_RATE_A', 'T_RATE_B']);
    expect(await indicatorsOfFramework(db(), 'NO_SUCH')).toEqual([]);
    const [a, b] = await indicatorsOfFramework(db(), 'TEST');
    await setTargets({ db: db(), actor: SYSTEM, code: 'T_RATE_B', input: { orgUnitId: commune, targets: [{ year: 2030, kind: 'target', value: 90 }, { year: 2025, kind: 'target', value: 50, source: 'NQ' }, { year: 2024, kind: 'baseline', value: 10 }] } });
    await setTargets({ db: db(), actor: SYSTEM, code: 'T_RATE_A', input: { orgUnitId: province, targets: [{ year: 2030, kind: 'target', value: 1 }] } });
    expect(await unitTargets(db(), [a!.id, b!.id], commune)).toEqual([
      { indicator_id: b!.id, year: 2025, value: 50, source: 'NQ' },
      { indicator_id: b!.id, year: 2030, value: 90, source: null },
    ]);
    expect(await unitTargets(db(), [], commune)).toEqual([]);
  });

  it('names the unit most targets were set for, of a framework or of any', async () => {
    expect(await mostTargetedUnit(db(), 'TEST')).toEqual({ org_unit_id: commune });
    expect(await mostTargetedUnit(db(), null)).toEqual({ org_unit_id: province }); // Resolution 07's targets are the province's
    expect(await mostTargetedUnit(db(), 'NO_SUCH')).toBeUndefined();
  });
});
