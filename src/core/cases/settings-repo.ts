import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { CaseCategoryTable, CaseRoutingRuleTable } from '../../db/schema.js';

// The SQL of what each kind of case is configured with: case_category, case_routing_rule, case_answer_template.

export type CaseCategory = Selectable<CaseCategoryTable>;

export function activeCategory(db: Db, kind: string, code: string): Promise<CaseCategory | undefined> {
  return db.selectFrom('case_category').selectAll().where('kind', '=', kind).where('code', '=', code).where('active', '=', true).executeTakeFirst();
}

/** A kind's active categories in their order. */
export function activeCategories(db: Db, kind: string): Promise<CaseCategory[]> {
  return db.selectFrom('case_category').selectAll().where('kind', '=', kind).where('active', '=', true).orderBy('sort').execute();
}

/** A kind's categories, active or not, in their order. */
export function allCategories(db: Db, kind: string) {
  return db.selectFrom('case_category').select(['code', 'name_vi', 'name_en']).where('kind', '=', kind).orderBy('sort').execute();
}

export async function hasCategories(db: Db, kind: string): Promise<boolean> {
  return !!(await db.selectFrom('case_category').select('code').where('kind', '=', kind).limit(1).executeTakeFirst());
}

export async function insertCategories(db: Db, rows: Insertable<CaseCategoryTable>[]): Promise<void> {
  await db.insertInto('case_category').values(rows).execute();
}

export function routingRuleRows(db: Db, kind: string) {
  return db.selectFrom('case_routing_rule').selectAll().where('kind', '=', kind).orderBy('position').execute();
}

/** The rules as the settings screen shows them, with the fixed unit's name. */
export function routingRuleViews(db: Db, kind: string) {
  return db.selectFrom('case_routing_rule as r').leftJoin('org_unit as u', 'u.id', 'r.unit_id')
    .select(['r.id', 'r.category_code as category', 'r.target', 'r.unit_id as unitId', 'u.name as unit', 'r.note', 'r.position'])
    .where('r.kind', '=', kind).orderBy('r.position').execute();
}

export async function insertRuleRows(db: Db, rows: Insertable<CaseRoutingRuleTable>[]): Promise<void> {
  if (rows.length) await db.insertInto('case_routing_rule').values(rows).execute();
}

export async function replaceRuleRows(db: Db, kind: string, rows: Insertable<CaseRoutingRuleTable>[]): Promise<void> {
  await db.deleteFrom('case_routing_rule').where('kind', '=', kind).execute();
  await insertRuleRows(db, rows);
}

/** A kind's answer templates by title; with a category, those for it and those for every category. */
export function templateViews(db: Db, kind: string, category?: string) {
  let q = db.selectFrom('case_answer_template').select(['id', 'title', 'body', 'category_code as category', 'updated_by as updatedBy', 'updated_at as updatedAt']).where('kind', '=', kind);
  if (category) q = q.where((eb) => eb.or([eb('category_code', '=', category), eb('category_code', 'is', null)]));
  return q.orderBy('title').execute();
}

export function templateIdByTitle(db: Db, kind: string, title: string) {
  return db.selectFrom('case_answer_template').select('id').where('kind', '=', kind).where('title', '=', title).executeTakeFirst();
}

interface TemplateValues { kind: string; title: string; body: string; category_code: string | null; updated_by: string; updated_at: Date }

export function insertTemplate(db: Db, values: TemplateValues) {
  return db.insertInto('case_answer_template').values(values).returning('id').executeTakeFirstOrThrow();
}

export function updateTemplate(db: Db, id: number, values: TemplateValues) {
  return db.updateTable('case_answer_template').set(values).where('id', '=', id).where('kind', '=', values.kind).returning('id').executeTakeFirst();
}

export function deleteTemplateRow(db: Db, kind: string, id: number) {
  return db.deleteFrom('case_answer_template').where('id', '=', id).where('kind', '=', kind).returning(['id', 'title']).executeTakeFirst();
}
