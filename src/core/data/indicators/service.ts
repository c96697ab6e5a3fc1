import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError, alreadyExists, notFound } from '../../../server/errors.js';
import { TARGET_KIND_VI } from '../../../server/messages.js';
import type { Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { getById as getUnit } from '../../org-units/index.js';
import { checkFormula } from './check-formula.js';
import { repeatedTarget } from './policy.js';
import { existingIndicatorCodes, findIndicatorId, getIndicatorView, listTargets } from './repo.js';
import type { IndicatorCreate, IndicatorUpdate, IndicatorView, Targets } from './schema.js';

export async function createIndicator(options: { db: Db; actor: Actor; input: IndicatorCreate; request?: FastifyRequest }): Promise<IndicatorView> {
  const { db, actor, input, request } = options;
  await checkFormula(db, 'numerator', input.numerator);
  if (input.denominator) await checkFormula(db, 'denominator', input.denominator);
  return inTransaction(db, async (trx) => {
    if (await findIndicatorId(trx, input.code)) throw alreadyExists(input.code, 'code');
    await trx.insertInto('indicator').values({
      code: input.code, name_vi: input.nameVi, name_en: input.nameEn, numerator: input.numerator, denominator: input.denominator ?? '1',
      factor: input.factor ?? 1, pillar: input.pillar, direction: input.direction, decimals: input.decimals ?? 1, unit_label: input.unitLabel ?? null,
      framework: input.framework ?? 'NQ07', sort: input.sort ?? 0, description: input.description ?? null, source: input.source ?? null,
    }).execute();
    const after = (await getIndicatorView(trx, input.code))!;
    await recordAudit(trx, actor, { action: 'indicator.create', entity: 'indicator', entityId: input.code, after }, request);
    return after;
  });
}

/**
 * Creates the indicators of a reference definition that do not exist yet, each as createIndicator does (formulas
 * checked, audited); existing ones are left as they are. One transaction; returns the codes created.
 */
export async function ensureIndicators(options: { db: Db; actor: Actor; indicators: IndicatorCreate[]; request?: FastifyRequest }): Promise<string[]> {
  const { db, actor, indicators, request } = options;
  return inTransaction(db, async (trx) => {
    const have = await existingIndicatorCodes(trx, indicators.map((i) => i.code));
    const missing = indicators.filter((i) => !have.has(i.code));
    for (const input of missing) await createIndicator({ db: trx, actor, input, request });
    return missing.map((i) => i.code);
  });
}

export async function updateIndicator(options: { db: Db; actor: Actor; code: string; input: IndicatorUpdate; request?: FastifyRequest }): Promise<IndicatorView> {
  const { db, actor, code, input, request } = options;
  if (input.numerator) await checkFormula(db, 'numerator', input.numerator);
  if (input.denominator) await checkFormula(db, 'denominator', input.denominator);
  return inTransaction(db, async (trx) => {
    const before = await getIndicatorView(trx, code);
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
    const after = (await getIndicatorView(trx, code))!;
    await recordAudit(trx, actor, { action: 'indicator.update', entity: 'indicator', entityId: code, before, after }, request);
    return after;
  });
}

/** Replaces the baselines and targets of an indicator for one unit. */
export async function setTargets(options: { db: Db; actor: Actor; code: string; input: Targets; request?: FastifyRequest }): Promise<Targets> {
  const { db, actor, code, input, request } = options;
  return inTransaction(db, async (trx) => {
    const indicatorId = await findIndicatorId(trx, code);
    if (!indicatorId) throw notFound('code');
    if (!(await getUnit(trx, input.orgUnitId))) throw new AppError('reference_not_found', {}, 'orgUnitId');
    const repeat = repeatedTarget(input.targets);
    if (repeat >= 0) {
      const t = input.targets[repeat]!;
      throw new AppError('target_repeated', { kind: t.kind, kindVi: TARGET_KIND_VI[t.kind], year: t.year }, `targets.${repeat}.year`);
    }
    const before = await listTargets(trx, indicatorId, input.orgUnitId);
    await trx.deleteFrom('indicator_target').where('indicator_id', '=', indicatorId).where('org_unit_id', '=', input.orgUnitId).execute();
    if (input.targets.length) {
      await trx.insertInto('indicator_target').values(input.targets.map((t) => ({
        indicator_id: indicatorId, org_unit_id: input.orgUnitId, year: t.year, kind: t.kind, value: t.value, source: t.source ?? null,
      }))).execute();
    }
    await recordAudit(trx, actor, { action: 'indicator.targets', entity: 'indicator', entityId: code, before, after: input }, request);
    return input;
  });
}

/** One indicator with its baselines and targets for a unit, for its editor. */
export async function indicatorWithTargets(options: { db: Db; code: string; orgUnitId: number }) {
  const { db, code, orgUnitId } = options;
  const [indicatorId, indicator] = await Promise.all([findIndicatorId(db, code), getIndicatorView(db, code)]);
  if (!indicatorId || !indicator) throw notFound('code');
  return { ...indicator, orgUnitId, targets: await listTargets(db, indicatorId, orgUnitId) };
}
