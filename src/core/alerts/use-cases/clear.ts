import { inTransaction, type Db } from '../../../db/database.js';
import { actorName, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { publishLive } from '../../live/index.js';
import { unitsOfAlert } from '../policy.js';
import { findActiveByKey, getAlertRow, insertAlertEvent, updateAlert } from '../repo.js';
import { ACTIVE_STATES } from '../schema.js';

/**
 * The source says the condition is gone (a value recovered, a device came back): its active alert under that key is
 * resolved by it, on the timeline, and stays for the handler to close. Nothing active: nothing happens.
 */
export async function clearAlert(options: { db: Db; actor: Actor; source: string; dedupeKey: string; note: string; now: Date }): Promise<number | null> {
  const { db, source, dedupeKey } = options;
  return inTransaction(db, async (trx) => {
    const id = await findActiveByKey(trx, source, dedupeKey);
    return id === undefined ? null : clearAlertById({ ...options, db: trx, id });
  });
}

/** The same, for a caller that already holds the active alert's id (a sync run): locks it, checks it is still active. */
export async function clearAlertById(options: { db: Db; actor: Actor; id: number; note: string; now: Date }): Promise<number | null> {
  const { db, actor, id, note, now } = options;
  return inTransaction(db, async (trx) => {
    const alert = await getAlertRow(trx, id, true);
    if (!alert || !(ACTIVE_STATES as readonly string[]).includes(alert.state)) return null;
    await updateAlert(trx, alert.id, { state: 'resolved', resolved_at: now, updated_at: now });
    await insertAlertEvent(trx, { alert_id: alert.id, at: now, actor_kind: actor.kind, actor_name: actorName(actor), action: 'cleared', from_state: alert.state, to_state: 'resolved', note });
    await recordAudit(trx, actor, { action: 'alert.clear', entity: 'alert', entityId: alert.id, before: { state: alert.state }, after: { state: 'resolved' } });
    const units = unitsOfAlert(alert);
    await publishLive(trx, { topic: 'alert', unitIds: units.length ? units : null, payload: { alertId: alert.id, action: 'cleared', state: 'resolved' } });
    return alert.id;
  });
}
