import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { inTransaction, type Db } from '../../db/database.js';
import { actorName, type Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { ZCategoryCombo, ensureCategoryCombo, ensureDataElements } from '../../core/data/index.js';
import { findByCode } from '../../core/org-units/index.js';
import { vnDate } from '../../core/calendar/index.js';
import { AppError } from '../../server/errors.js';
import { PERIOD_TYPE_VI } from '../../server/messages.js';
import { ZFormDefinition, canonicalJson, type FormDefinition } from './forms.js';
import { ensureCompletenessFigures, publishConnectedRegimes } from './figures.js';
import { reportingPeriod, type Frequency, type ReportingPeriod } from './periods.js';
import {
  anyRegime, formRowById, insertFormRow, insertRegimeRow, latestFormRow, lockRegimeByCode, regimeHasReports, regimeRowByCode, regimeViews, updateRegimeRow, type Regime,
} from './repo.js';
import { ZRegime, type RegimeInput } from './schema.js';
import { formElement, isDisaggregationOf } from './data-reads.js';

export type { Regime };

export async function regimeByCode(db: Db, code: string): Promise<Regime> {
  const r = await regimeRowByCode(db, code);
  if (!r) throw new AppError('not_found', {}, 'regime');
  return r;
}

export async function currentForm(db: Db, regimeId: number): Promise<{ id: number; version: number; definition: FormDefinition }> {
  const f = await latestFormRow(db, regimeId);
  return { id: f.id, version: f.version, definition: f.definition as FormDefinition };
}

export async function formById(db: Db, id: number): Promise<{ id: number; version: number; definition: FormDefinition }> {
  const f = await formRowById(db, id);
  return { id: f.id, version: f.version, definition: f.definition as FormDefinition };
}

/** The form's elements must exist and accept the regime's period type; disaggregations must exist. */
async function checkFormElements(db: Db, form: FormDefinition, frequency: Frequency): Promise<void> {
  const items = form.sections.flatMap((s, si) => (s.kind === 'data' ? s.items.map((item, ii) => ({ item, path: `form.sections.${si}.items.${ii}` })) : []));
  for (const { item, path: field } of items) {
    const e = await formElement(db, item.element);
    if (!e) throw new AppError('unknown_element', { code: item.element }, `${field}.element`);
    if (!(e.period_types as string[]).includes(frequency)) throw new AppError('element_period_type', { code: item.element, type: frequency, typeVi: PERIOD_TYPE_VI[frequency] ?? frequency }, `${field}.element`);
    // A disaggregated element is entered by its disaggregations; an element without one, as a single number.
    if (!item.coc && e.combo !== 'default') throw new AppError('coc_required', { code: item.element, combo: e.combo }, `${field}.coc`);
    if (item.coc && !(await isDisaggregationOf(db, item.coc, e.category_combo_id))) {
      throw new AppError('not_disaggregation', { coc: item.coc, code: item.element }, `${field}.coc`);
    }
  }
}

/**
 * Creates a regime, or changes one: the regime's fields are updated, and a form that differs from the current one
 * becomes a new version (reports keep the version they were made with).
 */
export async function saveRegime(db: Db, actor: Actor, input: RegimeInput, options: { demo?: boolean; request?: FastifyRequest; asOf?: string; now?: Date } = {}) {
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
    const existing = await lockRegimeByCode(trx, input.code);
    if (existing && existing.frequency !== input.frequency && await regimeHasReports(trx, existing.id)) {
      throw new AppError('regime_frequency_locked', {}, 'frequency');
    }
    const regime = existing
      ? await updateRegimeRow(trx, existing.id, values)
      : await insertRegimeRow(trx, { ...values, code: input.code, demo: options.demo ?? false });
    const current = existing ? await currentForm(trx, regime.id).catch(() => null) : null;
    let version = current?.version ?? 0;
    if (!current || canonicalJson(ZFormDefinition.parse(current.definition)) !== canonicalJson(input.form)) {
      version += 1;
      await insertFormRow(trx, { regimeId: regime.id, version, definition: input.form, createdBy: actorName(actor) });
    }
    await ensureCompletenessFigures(trx, actor, [{ code: input.code, name_vi: input.nameVi, name_en: input.nameEn }]);
    // A regime connected or disconnected changes this year's count of connected regimes at once.
    if (options.now) await publishConnectedRegimes(trx, options.now);
    await recordAudit(trx, actor, { action: existing ? 'report_regime.update' : 'report_regime.create', entity: 'report_regime', entityId: regime.id, after: { ...input, formVersion: version } }, options.request);
    return { id: regime.id, code: input.code, formVersion: version };
  });
}

/** The period of a regime for a period code, or a 400 naming the field. */
export function regimePeriod(regime: Regime, code: string): ReportingPeriod {
  const patterns: Record<Frequency, RegExp> = { month: /^(\d{4})M(0[1-9]|1[0-2])$/, quarter: /^(\d{4})Q([1-4])$/, sixmonth: /^(\d{4})S([12])$/, year: /^(\d{4})()$/ };
  const m = patterns[regime.frequency].exec(code);
  if (!m) throw new AppError('period_not_of_regime', { code, frequency: regime.frequency, frequencyVi: PERIOD_TYPE_VI[regime.frequency] ?? regime.frequency }, 'period');
  return reportingPeriod(regime.frequency, Number(m[1]), m[2] ? Number(m[2]) : 1, regime.period_basis);
}

/** Every regime, as the list shows it. */
export const listRegimes = (db: Db) => regimeViews(db);

/** A regime with its current form. */
export async function regimeDetail(db: Db, code: string) {
  const regime = await regimeByCode(db, code);
  return { ...regime, form: await currentForm(db, regime.id) };
}

const FILE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../data/reference/reporting/regimes-demo.json');

const ZFile = z.object({
  demo: z.boolean(),
  categoryCombos: z.array(ZCategoryCombo).default([]),
  elements: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), unit: z.string(), valueType: z.enum(['integer', 'number']), aggUnits: z.enum(['sum']), aggTime: z.enum(['sum', 'last']), categoryCombo: z.string().default('default') })),
  regimes: z.array(z.unknown()),
});

/** Loads the demonstration regimes and their data elements on a database that has no regime yet. */
export async function loadDemoRegimes(db: Db, actor: Actor): Promise<number> {
  if (await anyRegime(db)) return 0;
  const file = ZFile.parse(JSON.parse(fs.readFileSync(FILE, 'utf8')));
  for (const combo of file.categoryCombos) {
    await ensureCategoryCombo({ db, actor, input: combo });
  }
  await ensureDataElements({
    db, actor, elements: file.elements.map((e) => ({ ...e, periodTypes: ['month', 'quarter', 'sixmonth', 'year'], source: 'data/reference/reporting/regimes-demo.json' })),
  });
  for (const raw of file.regimes) await saveRegime(db, actor, ZRegime.parse(raw), { demo: file.demo, asOf: '2025-07-01' });
  return file.regimes.length;
}
