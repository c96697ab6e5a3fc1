import { syncAlerts, type WantedAlert } from '../../core/alerts/index.js';
import { vnDate } from '../../core/calendar/index.js';
import { Analytics, findIndicator, periodOf } from '../../core/data/index.js';
import { listInForce } from '../../core/org-units/index.js';
import type { Db } from '../../db/database.js';
import { breaches } from './policy.js';
import { listRules, ruleView } from './repo.js';
import type { RuleView } from './schema.js';

export const RULE_SOURCE = 'ioc.rules';
const number = (v: number) => (Math.round(v * 100) / 100).toLocaleString('vi-VN');

/** The values a rule reads: its indicator or element, for each unit of its level in force, in its running period. */
async function breachesOf(db: Db, rule: RuleView, now: Date): Promise<{ period: string; wanted: Map<string, WantedAlert> }> {
  const today = vnDate(now);
  const period = periodOf(rule.periodType, today);
  const units = await listInForce(db, today, { level: rule.unitLevel });
  const cells = units.map((u) => ({ unitId: u.id, period }));
  const analytics = new Analytics(db);
  let values: (number | null)[] = [];
  if (rule.targetKind === 'indicator') {
    const indicator = await findIndicator(db, rule.targetCode);
    if (indicator) values = await analytics.indicatorValues(indicator, cells);
  } else {
    values = await analytics.elementValues(rule.targetCode, cells).catch(() => []);
  }
  const wanted = new Map<string, WantedAlert>();
  units.forEach((unit, i) => {
    const value = values[i] ?? null;
    if (!breaches(rule, value)) return;
    const shown = `${number(value!)} (ngưỡng ${rule.comparator} ${number(rule.threshold)})`;
    const shownEn = `${number(value!)} (threshold ${rule.comparator} ${number(rule.threshold)})`;
    wanted.set(`rule:${rule.id}:${period.code}:${unit.id}`, {
      type: 'INDICATOR_THRESHOLD', severity: rule.severity, unitId: unit.id,
      title: { vi: `${rule.nameVi} — ${unit.name}, kỳ ${period.code}: ${shown}`, en: `${rule.nameEn} — ${unit.name}, period ${period.code}: ${shownEn}` },
      evidence: { ruleId: rule.id, target: rule.targetCode, period: period.code, value, threshold: rule.threshold, comparator: rule.comparator },
    });
  });
  return { period: period.code, wanted };
}

/**
 * Evaluates the active rules now: raises an alert for each unit whose value breaks a rule in the running period, and
 * clears the alert of each unit whose value recovered. A period that ended keeps its alerts for their handlers.
 */
export async function evaluateRules(db: Db, now: Date): Promise<{ raised: number; cleared: number }> {
  let raised = 0;
  let cleared = 0;
  for (const row of await listRules(db, true)) {
    const rule = ruleView(row);
    const { period, wanted } = await breachesOf(db, rule, now);
    const result = await syncAlerts({
      db, source: RULE_SOURCE, keyPrefix: `rule:${rule.id}:${period}:`, wanted, now,
      clearNote: 'Giá trị đã trở lại trong ngưỡng / The value is back within its threshold',
    });
    raised += result.raised;
    cleared += result.cleared;
  }
  return { raised, cleared };
}

/** A rule switched off or removed: its active alerts are cleared. */
export function clearRuleAlerts(db: Db, ruleId: number, now: Date) {
  return syncAlerts({ db, source: RULE_SOURCE, keyPrefix: `rule:${ruleId}:`, wanted: new Map(), now, clearNote: 'Quy tắc đã tắt hoặc bị xoá / The rule was switched off or removed' });
}
