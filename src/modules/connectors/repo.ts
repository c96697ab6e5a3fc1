import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { ConnectorRunTable, ConnectorTable } from '../../db/schema.js';
import type { ConnectorView, RunView } from './schema.js';

// The SQL of connector and connector_run.

export type ConnectorRow = Selectable<ConnectorTable>;
type RunRow = Selectable<ConnectorRunTable>;

/** Header values as the API shows them: never the secret, only its last characters when it is long enough. */
export const maskHeaders = (headers: Record<string, string>): Record<string, string> =>
  Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, v.length >= 12 ? `••••${v.slice(-4)}` : '••••']));

export const connectorView = (r: ConnectorRow, lastOutcome: RunRow['outcome'] | null): ConnectorView => ({
  id: r.id, nameVi: r.name_vi, nameEn: r.name_en, url: r.url, format: r.format, jsonPath: r.json_path, headers: maskHeaders(r.headers),
  mapping: r.mapping, intervalMinutes: r.interval_minutes, staleAfterMinutes: r.stale_after_minutes, timeoutSeconds: r.timeout_ms / 1000,
  retries: r.retries, active: r.active, lastRunAt: r.last_run_at, nextRunAt: r.next_run_at, changedAt: r.changed_at, lastOutcome,
  createdBy: r.created_by, updatedAt: r.updated_at,
});

export const runView = (r: RunRow): RunView => ({
  id: r.id, connectorId: r.connector_id, startedAt: r.started_at, finishedAt: r.finished_at, outcome: r.outcome, trigger: r.trigger,
  httpStatus: r.http_status, attempts: r.attempts, rowsRead: r.rows_read, imported: r.imported, updated: r.updated, ignored: r.ignored,
  refused: r.refused, badRows: r.bad_rows, error: r.error_vi === null ? null : { vi: r.error_vi, en: r.error_en ?? r.error_vi },
});

export const listConnectors = (db: Db) => db.selectFrom('connector').selectAll().orderBy('id').execute();

export const getConnector = (db: Db, id: number, forUpdate = false) => {
  const q = db.selectFrom('connector').selectAll().where('id', '=', id);
  return (forUpdate ? q.forUpdate() : q).executeTakeFirst();
};

/** The outcome of each connector's last run. */
export async function lastOutcomes(db: Db): Promise<Map<number, RunRow['outcome']>> {
  const rows = await db.selectFrom('connector_run').distinctOn('connector_id').select(['connector_id', 'outcome']).orderBy('connector_id').orderBy('id', 'desc').execute();
  return new Map(rows.map((r) => [r.connector_id, r.outcome]));
}

export const insertConnector = (db: Db, row: Insertable<ConnectorTable>) => db.insertInto('connector').values(row).returningAll().executeTakeFirstOrThrow();

export const updateConnector = (db: Db, id: number, set: Updateable<ConnectorTable>) =>
  db.updateTable('connector').set(set).where('id', '=', id).returningAll().executeTakeFirstOrThrow();

export async function deleteConnector(db: Db, id: number): Promise<void> {
  await db.deleteFrom('connector').where('id', '=', id).execute();
}

/** The active connectors whose next run is due. */
export const dueConnectors = (db: Db, now: Date) =>
  db.selectFrom('connector').select('id').where('active', '=', true).where('next_run_at', '<=', now).orderBy('next_run_at').limit(20).execute();

/** Takes a due connector for one run: moves its next run on, and answers false when another process took it first. */
export async function claimConnector(db: Db, id: number, now: Date, next: Date): Promise<boolean> {
  const r = await db.updateTable('connector').set({ next_run_at: next }).where('id', '=', id).where('active', '=', true).where('next_run_at', '<=', now).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export const insertRun = (db: Db, row: Insertable<ConnectorRunTable>) => db.insertInto('connector_run').values(row).returningAll().executeTakeFirstOrThrow();

export const listRuns = (db: Db, connectorId: number, limit: number) =>
  db.selectFrom('connector_run').selectAll().where('connector_id', '=', connectorId).orderBy('id', 'desc').limit(limit).execute();
