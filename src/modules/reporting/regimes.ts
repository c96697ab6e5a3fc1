import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyRequest } from 'fastify';
import type { Selectable } from 'kysely';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import type { ReportRegimeTable } from '../../db/schema.js';
import { actorName, type Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { findByCode, unitCacheFor } from '../../core/org-units/index.js';
import { vnDate } from '../../core/calendar/index.js';
import { AppError, notFound } from '../../server/errors.js';
import { PERIOD_TYPE_VI } from '../../server/messages.js';
import { ZFormDefinition, canonicalJson, type FormDefinition } from './forms.js';
import { ZCategoryCombo, ensureCategoryCombo } from '../../core/data/index.js';
import { ensureCompletenessFigures } from './figures.js';
import { reportingPeriod, type Frequency, type ReportingPeriod } from './periods.js';

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/reference/reporting/regimes-demo.json');

export const ZDeadlineRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('day_of_month'), day: z.number().int().min(1).max(31), monthsAfterCutoff: z.number().int().min(0).max(3), nextWorkingDay: z.boolean().default(true) }).strict(),
  z.object({ kind: z.literal('working_days_after_cutoff'), days: z.number().int().min(0).max(60) }).strict(),
]);

export const ZRegime = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/),
  nameVi: z.string().trim().min(3).max(300),
  nameEn: z.string().trim().min(3).max(300),
  kind: z.enum(['periodic', 'thematic', 'ad_hoc']).default('periodic'),
  content: z.string().trim().min(3).max(4000),
  reportingLevel: z.enum(['province', 'district', 'commune', 'department']).nullable().default(null),
  reportingUnitIds: z.array(z.number().int().positive()).max(2000).default([]),
  /** Only units of this type within the level (e.g. "Phường" or "Xã"). */
  reportingUnitType: z.string().trim().min(1).max(50).nullable().default(null),
  receivingUnitCode: z.string().trim().min(1).max(20),
  sendingMethod: z.string().trim().min(3).max(500),
  frequency: z.enum(['month', 'quarter', 'sixmonth', 'year']),
  basis: z.enum(['decree09', 'calendar']).default('decree09'),
  deadline: ZDeadlineRule,
  guidance: z.string().trim().max(8000).nullable().default(null),
  legalBasis: z.string().trim().max(1000).nullable().default(null),
  electronic: z.boolean().default(true),
  form: ZFormDefinition,
}).strict().refine((r) => r.reportingLevel !== null || r.reportingUnitIds.length > 0, { message: 'give a reporting level or a list of units', path: ['reportingLevel'] });
export type RegimeInput = z.infer<typeof ZRegime>;

const ZFile = z.object({
  demo: z.boolean(),
  categoryCombos: z.array(ZCategoryCombo).default([]),
  elements: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), unit: z.string(), valueType: z.enum(['integer', 'number']), aggUnits: z.enum(['sum']), aggTime: z.enum(['sum', 'last']), categoryCombo: z.string().default('default') })),
  regimes: z.array(z.unknown()),
});

export type Regime = Selectable<ReportRegimeTable>;

export async function regimeByCode(db: Db, code: string): Promise<Regime> {
  const r = await db.selectFrom('report_regime').selectAll().where('code', '=', code).executeTakeFirst();
  if (!r) throw new AppError('not_found', {}, 'regime');
  return r;
}

export async function currentForm(db: Db, regimeId: number): Promise<{ id: number; version: number; definition: FormDefinition }> {
  const f = await db.selectFrom('report_form').select(['id', 'version', 'definition']).where('regime_id', '=', regimeId).orderBy('version', 'desc').limit(1).executeTakeFirstOrThrow();
  return { id: f.id, version: f.version, definition: f.definition as FormDefinition };
}

export async function formById(db: Db, id: number): Promise<{ id: number; version: number; definition: FormDefinition }> {
  const f = await db.selectFrom('report_form').select(['id', 'version', 'definition']).where('id', '=', id).executeTakeFirstOrThrow();
  return { id: f.id, version: f.version, definition: f.definition as FormDefinition };
}

/** The form's elements must exist and accept the regime's period type; disaggregations must exist. */
async function checkFormElements(db: Db, form: FormDefinition, frequency: Frequency): Promise<void> {
  const items = form.sections.flatMap((s, si) => (s.kind === 'data' ? s.items.map((item, ii) => ({ item, path: `form.sections.${si}.items.${ii}` })) : []));
  for (const { item, path: field } of items) {
    const e = await db.selectFrom('data_element as e').innerJoin('category_combo as c', 'c.id', 'e.category_combo_id')
      .select(['e.id', 'e.period_types', 'e.category_combo_id', 'c.code as combo']).where('e.code', '=', item.element).executeTakeFirst();
    if (!e) throw new AppError('unknown_element', { code: item.element }, `${field}.element`);
    if (!(e.period_types as string[]).includes(frequency)) throw new AppError('element_period_type', { code: item.element, type: frequency, typeVi: PERIOD_TYPE_VI[frequency] ?? frequency }, `${field}.element`);
    // A disaggregated element is entered by its disaggregations; an element without one, as a single number.
    if (!item.coc && e.combo !== 'default') throw new AppError('coc_required', { code: item.element, combo: e.combo }, `${field}.coc`);
    if (item.coc && !(await db.selectFrom('category_option_combo').select('id').where('code', '=', item.coc).where('combo_id', '=', e.category_combo_id).executeTakeFirst())) {
      throw new AppError('not_disaggregation', { coc: item.coc, code: item.element }, `${field}.coc`);
    }
  }
}

/**
 * Creates a regime, or changes one: the regime's fields are updated, and a form that differs from the current one
 * becomes a new version (reports keep the version they were made with).
 */
export async function saveRegime(db: Db, actor: Actor, input: RegimeInput, options: { demo?: boolean; request?: FastifyRequest; asOf?: string } = {}) {
  const receiving = await findByCode(db, input.receivingUnitCode, options.asOf ?? vnDate(new Date()));
  if (!receiving) throw new AppError('unit_code_unknown', { code: input.receivingUnitCode, date: options.asOf ?? vnDate(new Date()) }, 'receivingUnitCode');
  await checkFormElements(db, input.form, input.frequency);
  return inTransaction(db, async (trx) => {
    const values = {
      name_vi: input.nameVi, name_en: input.nameEn, kind: input.kind, content: input.content, reporting_level: input.reportingLevel,
      reporting_unit_ids: JSON.stringify(input.reportingUnitIds), reporting_unit_type: input.reportingUnitType, receiving_unit_id: receiving.id, sending_method: input.sendingMethod,
      frequency: input.frequency, period_basis: input.basis, deadline_rule: JSON.stringify(input.deadline), guidance: input.guidance,
      legal_basis: input.legalBasis, electronic: input.electronic, updated_at: new Date(),
    };
    const existing = await trx.selectFrom('report_regime').select(['id', 'frequency']).where('code', '=', input.code).forUpdate().executeTakeFirst();
    if (existing && existing.frequency !== input.frequency && await trx.selectFrom('report').select('id').where('regime_id', '=', existing.id).limit(1).executeTakeFirst()) {
      throw new AppError('regime_frequency_locked', {}, 'frequency');
    }
    const regime = existing
      ? await trx.updateTable('report_regime').set(values).where('id', '=', existing.id).returning('id').executeTakeFirstOrThrow()
      : await trx.insertInto('report_regime').values({ ...values, code: input.code, demo: options.demo ?? false }).returning('id').executeTakeFirstOrThrow();
    const current = existing ? await currentForm(trx, regime.id).catch(() => null) : null;
    let version = current?.version ?? 0;
    if (!current || canonicalJson(ZFormDefinition.parse(current.definition)) !== canonicalJson(input.form)) {
      version += 1;
      await trx.insertInto('report_form').values({ regime_id: regime.id, version, definition: JSON.stringify(input.form), created_by: actorName(actor) }).execute();
    }
    await ensureCompletenessFigures(trx, [{ code: input.code, name_vi: input.nameVi, name_en: input.nameEn }]);
    await recordAudit(trx, actor, { action: existing ? 'report_regime.update' : 'report_regime.create', entity: 'report_regime', entityId: regime.id, after: { ...input, formVersion: version } }, options.request);
    return { id: regime.id, code: input.code, formVersion: version };
  });
}

/** Loads the demonstration regimes and their data elements on a database that has no regime yet. */
export async function loadDemoRegimes(db: Db, actor: Actor): Promise<number> {
  if (await db.selectFrom('report_regime').select('id').limit(1).executeTakeFirst()) return 0;
  const file = ZFile.parse(JSON.parse(fs.readFileSync(FILE, 'utf8')));
  for (const combo of file.categoryCombos) {
    await ensureCategoryCombo({ db, actor, input: combo });
  }
  for (const e of file.elements) {
    if (await db.selectFrom('data_element').select('id').where('code', '=', e.code).executeTakeFirst()) continue;
    const combo = await db.selectFrom('category_combo').select('id').where('code', '=', e.categoryCombo).executeTakeFirstOrThrow();
    await db.insertInto('data_element').values({
      code: e.code, name_vi: e.nameVi, name_en: e.nameEn, value_type: e.valueType, agg_units: e.aggUnits, agg_time: e.aggTime, unit_of_measure: e.unit,
      category_combo_id: combo.id, period_types: JSON.stringify(['month', 'quarter', 'sixmonth', 'year']), source: 'data/reference/reporting/regimes-demo.json',
    }).execute();
  }
  for (const raw of file.regimes) await saveRegime(db, actor, ZRegime.parse(raw), { demo: file.demo, asOf: '2025-07-01' });
  return file.regimes.length;
}

/** The period of a regime for a period code, or a 400 naming the field. */
export function regimePeriod(regime: Regime, code: string): ReportingPeriod {
  const patterns: Record<Frequency, RegExp> = { month: /^(\d{4})M(0[1-9]|1[0-2])$/, quarter: /^(\d{4})Q([1-4])$/, sixmonth: /^(\d{4})S([12])$/, year: /^(\d{4})()$/ };
  const m = patterns[regime.frequency].exec(code);
  if (!m) throw new AppError('period_not_of_regime', { code, frequency: regime.frequency, frequencyVi: PERIOD_TYPE_VI[regime.frequency] ?? regime.frequency }, 'period');
  return reportingPeriod(regime.frequency, Number(m[1]), m[2] ? Number(m[2]) : 1, regime.period_basis);
}

export interface ReportingUnit { id: number; name: string; parentId: number | null; level: string }

/**
 * The units that must report under a regime, on any date: its list, or every unit of its level (and type, when it
 * names one) in force on the date. One read of the candidates, then a filter per date (a 10-year trend asks for 120 dates).
 */
export async function expectedUnitsOver(db: Db, regime: Regime): Promise<(date: string) => ReportingUnit[]> {
  let q = db.selectFrom('org_unit').select(['id', 'name', 'parent_id as parentId', 'level', 'valid_from as validFrom', 'valid_to as validTo']).orderBy('code');
  q = regime.reporting_unit_ids.length ? q.where('id', 'in', regime.reporting_unit_ids) : q.where('level', '=', regime.reporting_level!);
  if (regime.reporting_unit_type) q = q.where('type', '=', regime.reporting_unit_type);
  const rows = await q.execute();
  return (date) => rows.filter((u) => (u.validFrom === null || u.validFrom <= date) && (u.validTo === null || u.validTo >= date))
    .map(({ id, name, parentId, level }) => ({ id, name, parentId, level }));
}

/** The units that must report under a regime for a period: those expected on its cut-off day. */
export async function expectedUnits(db: Db, regime: Regime, period: ReportingPeriod): Promise<ReportingUnit[]> {
  return (await expectedUnitsOver(db, regime))(period.end);
}

/**
 * Who approves a unit's report, lowest first: its ancestors on the hierarchy in force at the cut-off, up to the
 * province (a commune of 2024: its district, then the province; a ward of 2025: the city).
 */
export async function approvalChain(db: Db, unitId: number, cutoff: string): Promise<number[]> {
  return chainIn(await unitCacheFor(db).inForce(cutoff), unitId);
}

/** The approval chain on a hierarchy already loaded (the units in force on the cut-off day). */
export function chainIn(units: { id: number; parentId: number | null; level: string }[], unitId: number): number[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const chain: number[] = [];
  for (let u = byId.get(unitId); u?.parentId;) {
    const parent = byId.get(u.parentId);
    if (!parent) break;
    chain.push(parent.id);
    if (parent.level === 'province') break;
    u = parent;
  }
  return chain;
}

export { notFound };
