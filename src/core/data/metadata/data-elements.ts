import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError, alreadyExists, notFound } from '../../../server/errors.js';
import type { Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { renewElementVersions, retypeElementValues } from '../values/index.js';
import { aggregationFits } from './policy.js';
import { ensureCategoryCombo } from './category-combos.js';
import { existingElementCodes, findComboId, findElement, lockElement, markComputed } from './repo.js';
import type { CategoryComboInput, DataElementInput, DataElementUpdate } from './schema.js';

export async function createDataElement(options: { db: Db; actor: Actor; input: DataElementInput; request?: FastifyRequest }) {
  const { db, actor, input, request } = options;
  return inTransaction(db, async (trx) => {
    if (await findElement(trx, input.code)) throw alreadyExists(input.code, 'code');
    const comboId = await findComboId(trx, input.categoryCombo);
    if (!comboId) throw new AppError('reference_not_found', {}, 'categoryCombo');
    if (!aggregationFits(input.valueType, input.aggUnits)) throw new AppError('text_not_aggregable', {}, 'aggUnits');
    await trx.insertInto('data_element').values({
      code: input.code, name_vi: input.nameVi, name_en: input.nameEn, value_type: input.valueType, agg_units: input.aggUnits, agg_time: input.aggTime,
      unit_of_measure: input.unit ?? null, category_combo_id: comboId, period_types: JSON.stringify([...new Set(input.periodTypes)]),
      description: input.description ?? null, source: input.source ?? null,
      reported_by: input.reportedBy ? JSON.stringify([...new Set(input.reportedBy)]) : null, computed: input.computed ?? false,
    }).execute();
    await recordAudit(trx, actor, { action: 'data_element.create', entity: 'data_element', entityId: input.code, after: input }, request);
    return input;
  });
}

/** An element as a reference file defines it: its disaggregation named by code (default 'default'), or whole. */
export type ElementDefinition = Omit<DataElementInput, 'categoryCombo' | 'computed'> & { categoryCombo?: string | CategoryComboInput; computed?: boolean };

/**
 * Creates the elements of a reference definition that do not exist yet, each as createDataElement does (and audited
 * so), a disaggregation given whole made or grown first by ensureCategoryCombo. Existing elements are left as they
 * are: a module's figures may have been edited since. One transaction; returns the codes created.
 */
export async function ensureDataElements(options: { db: Db; actor: Actor; elements: ElementDefinition[]; request?: FastifyRequest }): Promise<string[]> {
  const { db, actor, elements, request } = options;
  return inTransaction(db, async (trx) => {
    const have = await existingElementCodes(trx, elements.map((e) => e.code));
    const missing = elements.filter((e) => !have.has(e.code));
    // Whether the platform computes an element is the defining module's to say, also of elements made before it said so.
    const computed = elements.filter((e) => have.has(e.code) && e.computed).map((e) => e.code);
    if (computed.length) await markComputed(trx, computed);
    const ensured = new Set<string>();
    for (const e of missing) {
      const combo = e.categoryCombo ?? 'default';
      if (typeof combo !== 'string' && !ensured.has(combo.code)) {
        await ensureCategoryCombo({ db: trx, actor, input: combo, request });
        ensured.add(combo.code);
      }
      await createDataElement({ db: trx, actor, input: { ...e, computed: e.computed ?? false, categoryCombo: typeof combo === 'string' ? combo : combo.code }, request });
    }
    return missing.map((e) => e.code);
  });
}

/**
 * Changes an element. A new value type reads every stored value again and is refused while one does not fit; a new
 * value type or aggregation renews the element's data versions, so no cached answer outlives the old rules.
 */
export async function updateDataElement(options: { db: Db; actor: Actor; code: string; input: DataElementUpdate; request?: FastifyRequest }) {
  const { db, actor, code, input, request } = options;
  return inTransaction(db, async (trx) => {
    const before = await lockElement(trx, code);
    if (!before) throw notFound('code');
    const valueType = input.valueType ?? before.value_type;
    if (!aggregationFits(valueType, input.aggUnits ?? before.agg_units)) throw new AppError('text_not_aggregable', {}, 'aggUnits');
    if (valueType !== before.value_type) await retypeElementValues(trx, before.id, valueType);
    await trx.updateTable('data_element').set({
      ...(input.nameVi !== undefined && { name_vi: input.nameVi }), ...(input.nameEn !== undefined && { name_en: input.nameEn }),
      ...(input.unit !== undefined && { unit_of_measure: input.unit || null }), ...(input.description !== undefined && { description: input.description || null }),
      ...(input.source !== undefined && { source: input.source || null }),
      ...(input.reportedBy !== undefined && { reported_by: input.reportedBy ? JSON.stringify([...new Set(input.reportedBy)]) : null }),
      ...(input.periodTypes !== undefined && { period_types: JSON.stringify([...new Set(input.periodTypes)]) }),
      ...(input.valueType !== undefined && { value_type: input.valueType }),
      ...(input.aggUnits !== undefined && { agg_units: input.aggUnits }), ...(input.aggTime !== undefined && { agg_time: input.aggTime }), updated_at: new Date(),
    }).where('id', '=', before.id).execute();
    const after = (await findElement(trx, code))!;
    if (after.value_type !== before.value_type || after.agg_units !== before.agg_units || after.agg_time !== before.agg_time) {
      await renewElementVersions(trx, before.id);
    }
    await recordAudit(trx, actor, { action: 'data_element.update', entity: 'data_element', entityId: code, before, after }, request);
    return { code, ...input };
  });
}
