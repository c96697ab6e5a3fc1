import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../server/errors.js';
import { type Actor, actorName } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { getById as getUnit } from '../../org-units/index.js';
import type { RoutingRulesInput, TemplateInput } from '../schema.js';
import { deleteTemplateRow, insertTemplate, replaceRuleRows, routingRuleRows, templateIdByTitle, updateTemplate } from '../settings-repo.js';
import { getCategory } from './open-case.js';

export interface SaveTemplateOptions { db: Db; actor: Actor; kind: string; id: number | null; input: TemplateInput; now: Date; request?: FastifyRequest }

/** Creates an answer template (id null) or rewrites one; titles are unique within a kind. */
export async function saveTemplate({ db, actor, kind, id, input, now, request }: SaveTemplateOptions): Promise<{ id: number }> {
  if (input.category) await getCategory(db, kind, input.category);
  return inTransaction(db, async (trx) => {
    const clash = await templateIdByTitle(trx, kind, input.title);
    if (clash && clash.id !== id) throw new AppError('already_exists', { what: input.title }, 'title');
    const values = { kind, title: input.title, body: input.body, category_code: input.category, updated_by: actorName(actor), updated_at: now };
    const row = id === null ? await insertTemplate(trx, values) : await updateTemplate(trx, id, values);
    if (!row) throw notFound('id');
    await recordAudit(trx, actor, { action: id === null ? 'case_template.create' : 'case_template.update', entity: 'case_answer_template', entityId: row.id, after: input }, request);
    return { id: row.id };
  });
}

export async function deleteTemplate({ db, actor, kind, id, request }: { db: Db; actor: Actor; kind: string; id: number; request?: FastifyRequest }): Promise<void> {
  await inTransaction(db, async (trx) => {
    const row = await deleteTemplateRow(trx, kind, id);
    if (!row) throw notFound('id');
    await recordAudit(trx, actor, { action: 'case_template.delete', entity: 'case_answer_template', entityId: row.id, before: row }, request);
  });
}

export interface ReplaceRoutingRulesOptions { db: Db; actor: Actor; kind: string; input: RoutingRulesInput; request?: FastifyRequest }

/**
 * Replaces the routing rules, in the order given, all or nothing. The last rule must apply to every category, so
 * that every case finds a unit.
 */
export async function replaceRoutingRules({ db, actor, kind, input, request }: ReplaceRoutingRulesOptions): Promise<{ rules: number }> {
  const last = input.rules[input.rules.length - 1]!;
  if (last.category !== null) throw new AppError('last_rule_catch_all', {}, `rules.${input.rules.length - 1}.category`);
  return inTransaction(db, async (trx) => {
    for (const [i, r] of input.rules.entries()) {
      if (r.category) await getCategory(trx, kind, r.category).catch(() => { throw new AppError('reference_not_found', {}, `rules.${i}.category`); });
      if ((r.target === 'unit') !== (r.unitId !== null)) throw new AppError('rule_unit_mismatch', {}, `rules.${i}.unitId`);
      if (r.unitId !== null && !(await getUnit(trx, r.unitId))) throw new AppError('reference_not_found', {}, `rules.${i}.unitId`);
    }
    const before = await routingRuleRows(trx, kind);
    await replaceRuleRows(trx, kind, input.rules.map((r, i) => ({ kind, category_code: r.category, target: r.target, unit_id: r.unitId, note: r.note, position: (i + 1) * 10 })));
    await recordAudit(trx, actor, { action: 'case_routing.replace', entity: 'case_routing_rule', entityId: null, before, after: input.rules }, request);
    return { rules: input.rules.length };
  });
}
