import { sql } from 'kysely';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError } from '../../../server/errors.js';
import { SYSTEM } from '../../access/index.js';
import { activeByPrefix } from '../repo.js';
import type { RaiseAlertInput } from '../schema.js';
import { clearAlertById } from './clear.js';
import { raiseAlert } from './raise.js';

/** A condition that should have an alert: what to raise, its key aside. */
export type WantedAlert = Omit<RaiseAlertInput, 'dedupeKey'>;

export interface SyncAlertsOptions {
  db: Db;
  /** The module that owns these alerts ('feedback.overdue', 'ioc.rules'). */
  source: string;
  /** The keys this run answers for: an active alert under the prefix that is not wanted is cleared. */
  keyPrefix: string;
  /** The conditions that hold now, by dedupe key. */
  wanted: Map<string, WantedAlert>;
  /** Why an alert is cleared, on its timeline. */
  clearNote: string;
  now: Date;
  /** A condition that cannot be raised (its unit ceased): told, and the others go on. */
  onRefused?: (key: string, err: AppError) => void;
  /** Each alert newly raised, in the run's transaction: to tell people outside the platform (subscribers). */
  onRaised?: (db: Db, key: string, alert: { id: number; input: WantedAlert }) => Promise<void>;
}

/**
 * Makes a module's alerts follow the conditions it sees: each condition that holds and has no active alert raises
 * one; each active alert whose condition is gone is cleared. A condition still holding changes nothing (no repeat
 * counted), so the run can be repeated at will, and runs of several processes take turns under one lock.
 */
export async function syncAlerts(options: SyncAlertsOptions): Promise<{ raised: number; cleared: number }> {
  const { db, source, keyPrefix, wanted, clearNote, now } = options;
  return inTransaction(db, async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':alerts.sync:' || ${source}))`.execute(trx);
    const active = await activeByPrefix(trx, source, keyPrefix);
    let raised = 0;
    let cleared = 0;
    for (const [key, input] of wanted) {
      if (active.has(key)) continue;
      // A refused condition leaves nothing half-written behind it, and the run goes on.
      await sql`SAVEPOINT sync_raise`.execute(trx);
      try {
        const made = await raiseAlert({ db: trx, actor: SYSTEM, source, input: { ...input, dedupeKey: key }, now });
        // Inside the savepoint: a telling that fails undoes its alert alone, and the run goes on.
        await options.onRaised?.(trx, key, { id: made.id, input });
        await sql`RELEASE SAVEPOINT sync_raise`.execute(trx);
        raised++;
      } catch (err) {
        if (!(err instanceof AppError)) throw err;
        await sql`ROLLBACK TO SAVEPOINT sync_raise`.execute(trx);
        options.onRefused?.(key, err);
      }
    }
    for (const [key, id] of active) {
      if (wanted.has(key)) continue;
      if (await clearAlertById({ db: trx, actor: SYSTEM, id, note: clearNote, now })) cleared++;
    }
    return { raised, cleared };
  });
}
