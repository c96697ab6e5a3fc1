import { inTransaction, type Db } from '../../../db/database.js';
import { SYSTEM } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { publishLive } from '../../live/index.js';
import { getById } from '../../org-units/index.js';
import { queueAlertNotices } from '../notices.js';
import { unitsOfAlert } from '../policy.js';
import { alertsDueForEscalation, getAlertRow, insertAlertEvent, updateAlert } from '../repo.js';

/**
 * Moves each alert nobody acknowledged within its type's limit one level up: to the parent of the unit it was last
 * at, whose officers are told (at the top, the province's leaders are). The limit runs again from the escalation, so
 * an alert still ignored climbs on. Each alert in its own transaction, locked, and checked again under the lock.
 */
export async function escalateAlerts(db: Db, now: Date): Promise<number> {
  let escalated = 0;
  for (const { id } of await alertsDueForEscalation(db, now)) {
    const done = await inTransaction(db, async (trx) => {
      const alert = await getAlertRow(trx, id, true);
      if (!alert || alert.state !== 'open') return false;
      const from = alert.escalated_unit_id ?? alert.unit_id;
      const current = from === null ? undefined : await getById(trx, from);
      const parent = current?.parentId ? await getById(trx, current.parentId) : undefined;
      const level = alert.escalation_level + 1;
      await updateAlert(trx, id, { escalation_level: level, escalated_unit_id: parent?.id ?? alert.escalated_unit_id, escalated_at: now, updated_at: now });
      await insertAlertEvent(trx, {
        alert_id: id, at: now, actor_kind: 'system', actor_name: 'system', action: 'escalated', from_state: null, to_state: null,
        data: { level, fromUnitId: from, toUnitId: parent?.id ?? null },
      });
      await recordAudit(trx, SYSTEM, { action: 'alert.escalate', entity: 'alert', entityId: id, before: { level: alert.escalation_level, unitId: from }, after: { level, unitId: parent?.id ?? null } });
      // At the top of the structure the province's leaders answer: a critical-alert notice reaches them.
      await queueAlertNotices(trx, 'escalated', {
        id, severity: alert.severity, title_vi: alert.title_vi, title_en: alert.title_en, unitName: (parent ?? current)?.name ?? null,
      }, { units: parent ? [parent.id] : [], leaders: parent ? undefined : true });
      const units = unitsOfAlert({ ...alert, escalated_unit_id: parent?.id ?? alert.escalated_unit_id });
      await publishLive(trx, { topic: 'alert', unitIds: units.length ? units : null, payload: { alertId: id, action: 'escalated', level } });
      return true;
    });
    if (done) escalated++;
  }
  return escalated;
}
