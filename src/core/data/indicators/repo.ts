import type { Db } from '../../../db/database.js';
import type { IndicatorView } from './schema.js';

// The SQL of indicator and indicator_target.

const SUMMARY = ['code', 'name_vi as nameVi', 'name_en as nameEn', 'numerator', 'denominator', 'factor', 'pillar', 'direction', 'framework', 'unit_label as unitLabel', 'source'] as const;
const VIEW = [...SUMMARY, 'decimals', 'sort', 'description'] as const;

export const listIndicatorSummaries = (db: Db) => db.selectFrom('indicator').select(SUMMARY).orderBy('framework').orderBy('pillar').orderBy('sort').execute();

export const findIndicatorId = async (db: Db, code: string) => (await db.selectFrom('indicator').select('id').where('code', '=', code).executeTakeFirst())?.id;

export const getIndicatorView = (db: Db, code: string): Promise<IndicatorView | undefined> =>
  db.selectFrom('indicator').select(VIEW).where('code', '=', code).executeTakeFirst();

/** What analytics needs to compute an indicator. */
export const findDefinition = (db: Db, code: string) =>
  db.selectFrom('indicator').select(['code', 'numerator', 'denominator', 'factor']).where('code', '=', code).executeTakeFirst();

export const listTargets = (db: Db, indicatorId: number, orgUnitId: number) =>
  db.selectFrom('indicator_target').select(['year', 'kind', 'value', 'source'])
    .where('indicator_id', '=', indicatorId).where('org_unit_id', '=', orgUnitId).orderBy('year').orderBy('kind').execute();
