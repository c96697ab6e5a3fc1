import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../db/database.js';
import { actorName, type Actor } from '../../core/access/index.js';
import { listAlerts } from '../../core/alerts/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { vnDate } from '../../core/calendar/index.js';
import { findIndicator, elementsByCodes } from '../../core/data/index.js';
import type { JobDefinition } from '../../core/jobs/index.js';
import { listInForce } from '../../core/org-units/index.js';
import { cachedScorecard, scorecardUnit } from '../scorecard/index.js';
import { AppError, notFound } from '../../server/errors.js';
import { deleteRule, getRule, insertRule, listRules, ruleView, updateRule } from './repo.js';
import { clearRuleAlerts, evaluateRules } from './rules.js';
import type { RuleInput } from './schema.js';

export const rules = async (db: Db) => (await listRules(db)).map(ruleView);

async function assertTargetExists(db: Db, input: RuleInput): Promise<void> {
  const found = input.targetKind === 'indicator' ? await findIndicator(db, input.targetCode) : (await elementsByCodes(db, [input.targetCode]))[0];
  if (!found) throw new AppError('reference_not_found', { field: 'targetCode' }, 'targetCode');
}

/** Saves a rule (new when no id) and evaluates the rules at once, so its alerts appear without waiting for a write. */
export async function saveRule(options: { db: Db; actor: Actor; id?: number; input: RuleInput; now: Date; request?: FastifyRequest }) {
  const { db, actor, id, input, now, request } = options;
  await assertTargetExists(db, input);
  const saved = await inTransaction(db, async (trx) => {
    const before = id === undefined ? undefined : await getRule(trx, id, true);
    if (id !== undefined && !before) throw notFound('id');
    const row = id === undefined ? await insertRule(trx, input, actorName(actor), now) : (await updateRule(trx, id, input, now))!;
    await recordAudit(trx, actor, { action: id === undefined ? 'ioc_rule.create' : 'ioc_rule.update', entity: 'ioc_rule', entityId: row.id, before, after: row }, request);
    // A rule changed: what it raised under its old terms is cleared, and evaluated again below.
    if (before) await clearRuleAlerts(trx, row.id, now);
    return ruleView(row);
  });
  await evaluateRules(db, now);
  return saved;
}

export async function removeRule(options: { db: Db; actor: Actor; id: number; now: Date; request?: FastifyRequest }) {
  const { db, actor, id, now, request } = options;
  return inTransaction(db, async (trx) => {
    const before = await getRule(trx, id, true);
    if (!before) throw notFound('id');
    await clearRuleAlerts(trx, id, now);
    await deleteRule(trx, id);
    await recordAudit(trx, actor, { action: 'ioc_rule.delete', entity: 'ioc_rule', entityId: id, before }, request);
    return ruleView(before);
  });
}

/** How many units of each level and kind stand below a unit on a day: the structure in force. */
async function structureBelow(db: Db, unitId: number, asOf: string) {
  const below = await listInForce(db, asOf, { parentId: unitId });
  const counts = new Map<string, { level: string; type: string; count: number }>();
  for (const u of below) {
    const key = `${u.level}|${u.type}`;
    counts.set(key, { level: u.level, type: u.type, count: (counts.get(key)?.count ?? 0) + 1 });
  }
  return [...counts.values()];
}

/**
 * The operations centre's first screen for a unit on a day (today, the caller's unit as it stands: Thành phố Cần Thơ
 * on the demo): the structure in force, the Resolution 07 indicators with their status, the active alerts.
 */
export async function iocOverview({ db, actor, query, now }: { db: Db; actor: Actor; query: { unitId?: number; asOf?: string }; now: Date }) {
  const asOf = query.asOf ?? vnDate(now);
  const unitId = await scorecardUnit(db, { unitId: query.unitId, actor, asOf });
  const [card, alerts, structure] = await Promise.all([
    cachedScorecard(db, { framework: 'NQ07', unitId, asOf }),
    listAlerts({ db, actor, query: { state: 'active', limit: 20 } }),
    structureBelow(db, unitId, asOf),
  ]);
  return { asOf, unit: card.unit, history: card.history, years: card.years, structure, pillars: card.pillars, alerts };
}

export const iocJobs: JobDefinition[] = [
  {
    name: 'ioc.evaluate_rules',
    // Values trigger the rules as they are written (engine.ts); this run catches a new period starting.
    intervalSeconds: 600,
    run: async (db, now) => {
      const { raised, cleared } = await evaluateRules(db, now);
      return `${raised} threshold alerts raised, ${cleared} cleared`;
    },
  },
];
