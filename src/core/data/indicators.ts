import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { AppError, alreadyExists, notFound } from '../../server/errors.js';
import { FORMULA_FAULTS, TARGET_KIND_VI } from '../../server/messages.js';
import { fillTemplate, formatMessage } from '../../server/error-codes/index.js';
import type { Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { nameText } from '../validation/index.js';
import { FormulaError, parseFormula, type Formula } from './formula.js';

const ZCode = z.string().trim().regex(/^[A-Z0-9_]{2,60}$/, 'code_chars');
const ZFormula = z.string().trim().min(1).max(2000);

export const ZIndicatorCreate = z.object({
  code: ZCode,
  nameVi: nameText(200),
  nameEn: nameText(200),
  numerator: ZFormula,
  denominator: ZFormula.optional(),
  factor: z.number().finite().positive().optional(),
  pillar: z.enum(['government', 'economy', 'society', 'foundations']),
  direction: z.enum(['higher', 'lower']),
  decimals: z.number().int().min(0).max(6).optional(),
  unitLabel: z.string().trim().max(30).optional(),
  framework: ZCode.optional(),
  sort: z.number().int().min(0).max(10_000).optional(),
  description: z.string().trim().max(2000).optional(),
  source: z.string().trim().max(500).optional(),
}).strict();
export const ZIndicatorUpdate = ZIndicatorCreate.omit({ code: true }).partial().strict();

export const ZTargets = z.object({
  orgUnitId: z.number().int().positive(),
  targets: z.array(z.object({
    year: z.number().int().min(2000).max(2100),
    kind: z.enum(['baseline', 'target']),
    value: z.number().finite(),
    source: z.string().trim().max(500).optional(),
  }).strict()).max(100),
}).strict();

type Fault = keyof typeof FORMULA_FAULTS;

/** The refusal of a formula: its field, the 1-based position of the fault and the fault in both languages. */
function formulaError(field: string, position: number, fault: Fault, params: Record<string, string> = {}): AppError {
  const words = (locale: 'vi' | 'en') => fillTemplate(FORMULA_FAULTS[fault][locale], params);
  return new AppError('invalid_formula', { position, reasonVi: words('vi'), reasonEn: words('en') }, field);
}

/**
 * Checks a formula when it is saved: the grammar, then every referenced element and disaggregation. The error
 * names the field and the 1-based position of the fault.
 */
export async function checkFormula(db: Db, field: 'numerator' | 'denominator', source: string): Promise<Formula> {
  let formula: Formula;
  try {
    formula = parseFormula(source);
  } catch (err) {
    if (err instanceof FormulaError) throw formulaError(field, err.position + 1, err.fault, { ch: err.ch });
    throw err;
  }
  const refs: { element: string; coc?: string; position: number }[] = [];
  const walk = (f: Formula): void => {
    if (f.kind === 'ref') refs.push(f);
    else if (f.kind === 'negate') walk(f.operand);
    else if (f.kind === 'binary') {
      walk(f.left);
      walk(f.right);
    }
  };
  walk(formula);
  for (const ref of refs) {
    const element = await db.selectFrom('data_element').select(['category_combo_id']).where('code', '=', ref.element).executeTakeFirst();
    if (!element) throw formulaError(field, ref.position + 1, 'unknown_element', { code: ref.element });
    if (ref.coc) {
      const coc = await db.selectFrom('category_option_combo').select('combo_id').where('code', '=', ref.coc).executeTakeFirst();
      if (!coc || coc.combo_id !== element.category_combo_id) throw formulaError(field, ref.position + 1, 'not_disaggregation', { code: ref.element, coc: ref.coc });
    }
  }
  return formula;
}

export const ZFormulaCheck = z.object({ numerator: z.string().max(2000), denominator: z.string().max(2000).optional() }).strict();

/**
 * The verdict on an indicator's formulas while they are being written (the editor asks as one types): valid, or the
 * field, position and wording of the first fault — the same check that saving makes.
 */
export async function checkFormulas(db: Db, input: z.infer<typeof ZFormulaCheck>) {
  try {
    await checkFormula(db, 'numerator', input.numerator);
    if (input.denominator !== undefined && input.denominator.trim() !== '') await checkFormula(db, 'denominator', input.denominator);
    return { valid: true as const };
  } catch (err) {
    if (!(err instanceof AppError) || err.code !== 'invalid_formula') throw err;
    return { valid: false as const, field: err.field!, position: Number(err.params.position), messages: { vi: formatMessage('invalid_formula', 'vi', err.params), en: formatMessage('invalid_formula', 'en', err.params) } };
  }
}

const view = (db: Db, code: string) => db.selectFrom('indicator').selectAll().where('code', '=', code).executeTakeFirst();

export async function createIndicator(db: Db, actor: Actor, input: z.infer<typeof ZIndicatorCreate>, request?: FastifyRequest) {
  await checkFormula(db, 'numerator', input.numerator);
  if (input.denominator) await checkFormula(db, 'denominator', input.denominator);
  return db.transaction().execute(async (trx) => {
    if (await view(trx, input.code)) throw alreadyExists(input.code, 'code');
    await trx.insertInto('indicator').values({
      code: input.code, name_vi: input.nameVi, name_en: input.nameEn, numerator: input.numerator, denominator: input.denominator ?? '1',
      factor: input.factor ?? 1, pillar: input.pillar, direction: input.direction, decimals: input.decimals ?? 1, unit_label: input.unitLabel ?? null,
      framework: input.framework ?? 'NQ07', sort: input.sort ?? 0, description: input.description ?? null, source: input.source ?? null,
    }).execute();
    const after = await view(trx, input.code);
    await recordAudit(trx, actor, { action: 'indicator.create', entity: 'indicator', entityId: input.code, after }, request);
    return after!;
  });
}

export async function updateIndicator(db: Db, actor: Actor, code: string, input: z.infer<typeof ZIndicatorUpdate>, request?: FastifyRequest) {
  if (input.numerator) await checkFormula(db, 'numerator', input.numerator);
  if (input.denominator) await checkFormula(db, 'denominator', input.denominator);
  return db.transaction().execute(async (trx) => {
    const before = await view(trx, code);
    if (!before) throw notFound('code');
    await trx.updateTable('indicator').set({
      ...(input.nameVi !== undefined && { name_vi: input.nameVi }), ...(input.nameEn !== undefined && { name_en: input.nameEn }),
      ...(input.numerator !== undefined && { numerator: input.numerator }), ...(input.denominator !== undefined && { denominator: input.denominator }),
      ...(input.factor !== undefined && { factor: input.factor }), ...(input.pillar !== undefined && { pillar: input.pillar }),
      ...(input.direction !== undefined && { direction: input.direction }), ...(input.decimals !== undefined && { decimals: input.decimals }),
      ...(input.unitLabel !== undefined && { unit_label: input.unitLabel }), ...(input.framework !== undefined && { framework: input.framework }),
      ...(input.sort !== undefined && { sort: input.sort }), ...(input.description !== undefined && { description: input.description }),
      ...(input.source !== undefined && { source: input.source }), updated_at: new Date(),
    }).where('code', '=', code).execute();
    const after = await view(trx, code);
    await recordAudit(trx, actor, { action: 'indicator.update', entity: 'indicator', entityId: code, before, after }, request);
    return after!;
  });
}

/** Replaces the baselines and targets of an indicator for one unit. */
export async function setTargets(db: Db, actor: Actor, code: string, input: z.infer<typeof ZTargets>, request?: FastifyRequest) {
  return db.transaction().execute(async (trx) => {
    const indicator = await view(trx, code);
    if (!indicator) throw notFound('code');
    const unit = await trx.selectFrom('org_unit').select('id').where('id', '=', input.orgUnitId).executeTakeFirst();
    if (!unit) throw new AppError('reference_not_found', {}, 'orgUnitId');
    const seen = new Set<string>();
    for (const [i, t] of input.targets.entries()) {
      const key = `${t.year}:${t.kind}`;
      if (seen.has(key)) throw new AppError('target_repeated', { kind: t.kind, kindVi: TARGET_KIND_VI[t.kind], year: t.year }, `targets.${i}.year`);
      seen.add(key);
    }
    const before = await trx.selectFrom('indicator_target').selectAll().where('indicator_id', '=', indicator.id).where('org_unit_id', '=', input.orgUnitId).execute();
    await trx.deleteFrom('indicator_target').where('indicator_id', '=', indicator.id).where('org_unit_id', '=', input.orgUnitId).execute();
    if (input.targets.length) {
      await trx.insertInto('indicator_target').values(input.targets.map((t) => ({
        indicator_id: indicator.id, org_unit_id: input.orgUnitId, year: t.year, kind: t.kind, value: t.value, source: t.source ?? null,
      }))).execute();
    }
    await recordAudit(trx, actor, { action: 'indicator.targets', entity: 'indicator', entityId: code, before, after: input }, request);
    return input;
  });
}

/** One indicator with its baselines and targets for a unit, for its editor. */
export async function indicatorWithTargets(db: Db, code: string, orgUnitId: number) {
  const indicator = await db.selectFrom('indicator')
    .select(['id', 'code', 'name_vi as nameVi', 'name_en as nameEn', 'numerator', 'denominator', 'factor', 'pillar', 'direction', 'decimals', 'unit_label as unitLabel',
      'framework', 'sort', 'description', 'source'])
    .where('code', '=', code).executeTakeFirst();
  if (!indicator) throw notFound('code');
  const targets = await db.selectFrom('indicator_target').select(['year', 'kind', 'value', 'source'])
    .where('indicator_id', '=', indicator.id).where('org_unit_id', '=', orgUnitId).orderBy('year').orderBy('kind').execute();
  const { id: _, ...rest } = indicator;
  return { ...rest, orgUnitId, targets };
}
