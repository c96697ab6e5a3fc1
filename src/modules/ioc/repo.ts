import type { Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { IocRuleTable } from '../../db/schema.js';
import type { RuleInput, RuleView } from './schema.js';

// The SQL of ioc_rule.

type RuleRow = Selectable<IocRuleTable>;

export const ruleView = (r: RuleRow): RuleView => ({
  id: r.id, nameVi: r.name_vi, nameEn: r.name_en, targetKind: r.target_kind, targetCode: r.target_code, unitLevel: r.unit_level,
  periodType: r.period_type, comparator: r.comparator, threshold: Number(r.threshold), severity: r.severity, active: r.active,
  createdBy: r.created_by, updatedAt: r.updated_at,
});

const columns = (input: RuleInput) => ({
  name_vi: input.nameVi, name_en: input.nameEn, target_kind: input.targetKind, target_code: input.targetCode, unit_level: input.unitLevel,
  period_type: input.periodType, comparator: input.comparator, threshold: input.threshold, severity: input.severity, active: input.active,
});

export const listRules = (db: Db, activeOnly = false) => {
  let q = db.selectFrom('ioc_rule').selectAll().orderBy('id');
  if (activeOnly) q = q.where('active', '=', true);
  return q.execute();
};

export const getRule = (db: Db, id: number, forUpdate = false) => {
  const q = db.selectFrom('ioc_rule').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
};

export async function insertRule(db: Db, input: RuleInput, createdBy: string, now: Date): Promise<RuleRow> {
  return db.insertInto('ioc_rule').values({ ...columns(input), created_by: createdBy, updated_at: now }).returningAll().executeTakeFirstOrThrow();
}

export async function updateRule(db: Db, id: number, input: RuleInput, now: Date): Promise<RuleRow | undefined> {
  return db.updateTable('ioc_rule').set({ ...columns(input), updated_at: now }).where('id', '=', id).returningAll().executeTakeFirst();
}

export async function deleteRule(db: Db, id: number): Promise<boolean> {
  return Number((await db.deleteFrom('ioc_rule').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0;
}
