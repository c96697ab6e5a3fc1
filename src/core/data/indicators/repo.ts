import type { Db } from '../../../db/database.js';
import { unitInEnglish } from '../metadata/index.js';
import type { IndicatorView } from './schema.js';

// The SQL of indicator and indicator_target.

const SUMMARY = ['code', 'name_vi as nameVi', 'name_en as nameEn', 'numerator', 'denominator', 'factor', 'pillar', 'direction', 'framework', 'unit_label as unitLabel', 'source'] as const;
const VIEW = [...SUMMARY, 'decimals', 'sort', 'description'] as const;

/** An indicator's unit label in both languages (the English from the table of units of measure). */
const withUnitEn = <T extends { unitLabel: string | null }>(row: T) => ({ ...row, unitLabelEn: unitInEnglish(row.unitLabel) });

export const listIndicatorSummaries = async (db: Db) =>
  (await db.selectFrom('indicator').select(SUMMARY).orderBy('framework').orderBy('pillar').orderBy('sort').execute()).map(withUnitEn);

export const findIndicatorId = async (db: Db, code: string) => (await db.selectFrom('indicator').select('id').where('code', '=', code).executeTakeFirst())?.id;

export async function getIndicatorView(db: Db, code: string): Promise<IndicatorView | undefined> {
  const row = await db.selectFrom('indicator').select(VIEW).where('code', '=', code).executeTakeFirst();
  return row && withUnitEn(row);
}

/** What analytics needs to compute an indicator. */
export const findDefinition = (db: Db, code: string) =>
  db.selectFrom('indicator').select(['code', 'numerator', 'denominator', 'factor']).where('code', '=', code).executeTakeFirst();

export const listTargets = (db: Db, indicatorId: number, orgUnitId: number) =>
  db.selectFrom('indicator_target').select(['year', 'kind', 'value', 'source'])
    .where('indicator_id', '=', indicatorId).where('org_unit_id', '=', orgUnitId).orderBy('year').orderBy('kind').execute();

/** The codes among these that name an indicator. */
export async function existingIndicatorCodes(db: Db, codes: string[]): Promise<Set<string>> {
  if (!codes.length) return new Set();
  return new Set((await db.selectFrom('indicator').select('code').where('code', 'in', codes).execute()).map((r) => r.code));
}

/** The indicators of a framework in the order a scorecard shows them: by pillar, then their sort. */
export const indicatorsOfFramework = (db: Db, framework: string) =>
  db.selectFrom('indicator').selectAll().where('framework', '=', framework).orderBy('pillar').orderBy('sort').orderBy('code').execute();

export const findIndicator = (db: Db, code: string) => db.selectFrom('indicator').selectAll().where('code', '=', code).executeTakeFirst();

/** The unit most targets were set for, of a framework's indicators or of any. */
export function mostTargetedUnit(db: Db, framework: string | null) {
  let q = db.selectFrom('indicator_target as t').innerJoin('indicator as i', 'i.id', 't.indicator_id').select(['t.org_unit_id']);
  if (framework) q = q.where('i.framework', '=', framework);
  return q.groupBy('t.org_unit_id').orderBy((eb) => eb.fn.countAll(), 'desc').executeTakeFirst();
}

/** The targets (not the baselines) of these indicators for one unit, by year. */
export async function unitTargets(db: Db, indicatorIds: number[], unitId: number) {
  if (!indicatorIds.length) return [];
  return db.selectFrom('indicator_target').select(['indicator_id', 'year', 'value', 'source'])
    .where('indicator_id', 'in', indicatorIds).where('org_unit_id', '=', unitId).where('kind', '=', 'target').orderBy('year').execute();
}
