import type { Insertable, Selectable } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { IocPanelTable } from '../../../db/schema.js';
import type { PanelInput, PanelView } from './schema.js';

// The SQL of ioc_panel and ioc_panel_seen.

type PanelRow = Selectable<IocPanelTable>;

export const panelView = (r: PanelRow): PanelView => ({
  id: Number(r.id), key: r.ref_key, fieldCode: r.field_code, kind: r.kind, targetKind: r.target_kind, targetCode: r.target_code,
  unitLevel: r.unit_level, periodType: r.period_type, options: r.options ?? {}, position: r.position,
  titleVi: r.title_vi, titleEn: r.title_en, updatedAt: r.updated_at,
});

const columns = (input: PanelInput) => ({
  field_code: input.fieldCode, kind: input.kind, target_kind: input.targetKind, target_code: input.targetCode, unit_level: input.unitLevel,
  period_type: input.periodType, options: JSON.stringify(input.options), position: input.position, title_vi: input.titleVi, title_en: input.titleEn,
});

export const listPanels = (db: Db, fieldCode?: string) => {
  let q = db.selectFrom('ioc_panel').selectAll().orderBy('field_code').orderBy('position').orderBy('id');
  if (fieldCode) q = q.where('field_code', '=', fieldCode);
  return q.execute();
};

export const getPanel = (db: Db, id: number, forUpdate = false) => {
  const q = db.selectFrom('ioc_panel').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
};

export const insertPanel = (db: Db, input: PanelInput, createdBy: string, now: Date) =>
  db.insertInto('ioc_panel').values({ ...columns(input), created_by: createdBy, updated_at: now }).returningAll().executeTakeFirstOrThrow();

export const updatePanel = (db: Db, id: number, input: PanelInput, now: Date) =>
  db.updateTable('ioc_panel').set({ ...columns(input), updated_at: now }).where('id', '=', id).returningAll().executeTakeFirst();

export const deletePanel = (db: Db, id: number) => db.deleteFrom('ioc_panel').where('id', '=', id).execute();

/** Adds the shipped panels whose key was never seen; a key seen once (kept, edited or removed) is left alone. */
export async function seedPanels(db: Db, rows: Insertable<IocPanelTable>[]): Promise<number> {
  const keys = rows.map((r) => r.ref_key!).filter(Boolean);
  if (!keys.length) return 0;
  const seen = new Set((await db.selectFrom('ioc_panel_seen').select('ref_key').where('ref_key', 'in', keys).execute()).map((r) => r.ref_key));
  const fresh = rows.filter((r) => !seen.has(r.ref_key!));
  if (!fresh.length) return 0;
  await db.insertInto('ioc_panel').values(fresh).onConflict((oc) => oc.column('ref_key').doNothing()).execute();
  await db.insertInto('ioc_panel_seen').values(fresh.map((r) => ({ ref_key: r.ref_key! }))).onConflict((oc) => oc.column('ref_key').doNothing()).execute();
  return fresh.length;
}
