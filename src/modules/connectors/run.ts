import type { FastifyRequest } from 'fastify';
import { sql } from 'kysely';
import { inTransaction, type Db } from '../../db/database.js';
import { SYSTEM, type Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { ValueChecker, isChecked, writeChecked } from '../../core/data/index.js';
import type { JobDefinition } from '../../core/jobs/index.js';
import { formatMessage } from '../../server/error-codes/index.js';
import { AppError, notFound } from '../../server/errors.js';
import { clearConnectorAlert, raiseConnectorAlert } from './alerts.js';
import { mapRecords } from './mapping.js';
import { isStale, mergeHeaders, nextRun } from './policy.js';
import { pull, PullFailure, type PullResult } from './pull.js';
import { claimConnector, dueConnectors, getConnector, insertRun, runView, updateConnector, type ConnectorRow } from './repo.js';
import type { PreviewInput, RunView } from './schema.js';
import { assertMappingExists } from './service.js';

/** At most this many refused rows are kept with a run; the count says how many there were. */
const BAD_ROWS_KEPT = 200;

/**
 * The values come from another system: checked as an entering system's are (a computed element or a unit level that
 * does not report it is refused), over every unit.
 */
const ENTERING: Actor = { kind: 'token', id: 0, name: 'connector', scopes: ['data-exchange'], orgUnitId: null };

/** Pulls once and shows what would be written and what would be refused. Writes nothing; a failed pull is its 422. */
export async function previewConnector({ db, input }: { db: Db; input: PreviewInput }) {
  await assertMappingExists(db, input.mapping);
  const stored = input.connectorId === undefined ? undefined : await getConnector(db, input.connectorId);
  if (input.connectorId !== undefined && !stored) throw new AppError('reference_not_found', { field: 'connectorId' }, 'connectorId');
  let result: PullResult;
  try {
    result = await pull({ ...input, headers: mergeHeaders(input.headers, stored?.headers ?? {}) });
  } catch (err) {
    if (err instanceof PullFailure) throw new AppError(err.code, err.params, 'url');
    throw err;
  }
  const records = result.kind === 'content' ? result.records : [];
  const { rows, badRows } = mapRecords(records, input.mapping, await ValueChecker.load(db, ENTERING));
  return {
    rowsRead: records.length,
    rows: rows.slice(0, 500).map((r) => ({ row: r.row, unitCode: r.unitCode, orgUnitId: r.input.orgUnitId, period: r.input.period, element: r.input.element, coc: r.input.coc ?? null, value: String(r.input.value) })),
    badRows: badRows.slice(0, BAD_ROWS_KEPT),
  };
}

type Trigger = 'schedule' | 'manual';

/** One run of a connector: pull, write the good rows in one transaction with the run, and raise or clear its alerts. */
export async function runConnector(options: { db: Db; id: number; trigger: Trigger; now: Date; actor?: Actor; request?: FastifyRequest; connector?: ConnectorRow }): Promise<RunView> {
  const { db, id, trigger, now, request } = options;
  const actor = options.actor ?? SYSTEM;
  const c = options.connector ?? await getConnector(db, id);
  if (!c) throw notFound('id');
  const started = now;
  let result: PullResult;
  try {
    result = await pull({ url: c.url, format: c.format, jsonPath: c.json_path, headers: c.headers, timeoutSeconds: c.timeout_ms / 1000, retries: c.retries, etag: c.etag, lastModified: c.last_modified });
  } catch (err) {
    if (!(err instanceof PullFailure)) throw err;
    const error = { vi: formatMessage(err.code, 'vi', err.params), en: formatMessage(err.code, 'en', err.params) };
    const run = await inTransaction(db, async (trx) => {
      await updateConnector(trx, id, { last_run_at: started, next_run_at: nextRun(c.interval_minutes, now) });
      const row = await insertRun(trx, { connector_id: id, started_at: started, finished_at: new Date(), outcome: 'failed', trigger, http_status: err.httpStatus, attempts: err.attempts, error_vi: error.vi, error_en: error.en });
      if (trigger === 'manual') await recordAudit(trx, actor, { action: 'connector.run', entity: 'connector', entityId: id, after: { outcome: 'failed', runId: row.id } }, request);
      return row;
    });
    await raiseConnectorAlert(db, c, 'failed', error, now);
    return runView(run);
  }
  let changedAt = c.changed_at;
  const run = await inTransaction(db, async (trx) => {
    const counts = { imported: 0, updated: 0, ignored: 0, deleted: 0 };
    let badRows: ReturnType<typeof mapRecords>['badRows'] = [];
    let rowsRead = 0;
    const unchanged = result.kind === 'not_modified' || result.hash === c.content_hash;
    changedAt = unchanged && c.changed_at ? c.changed_at : now;
    if (result.kind === 'content' && !unchanged) {
      rowsRead = result.records.length;
      const checker = await ValueChecker.load(trx, ENTERING);
      const mapped = mapRecords(result.records, c.mapping, checker);
      badRows = mapped.badRows;
      const checked = mapped.rows.map((r) => checker.check(r.input)).filter(isChecked);
      Object.assign(counts, await writeChecked(trx, checked, { who: `connector:${id}`, kind: 'import', ref: `connector:${id}` }));
    }
    await updateConnector(trx, id, {
      last_run_at: started, next_run_at: nextRun(c.interval_minutes, now),
      ...(result.kind === 'content' ? { etag: result.etag, last_modified: result.lastModified, content_hash: result.hash } : {}),
      ...(changedAt === c.changed_at ? {} : { changed_at: changedAt }),
    });
    const row = await insertRun(trx, {
      connector_id: id, started_at: started, finished_at: new Date(), outcome: unchanged ? 'unchanged' : 'ok', trigger, http_status: result.httpStatus,
      attempts: result.attempts, rows_read: rowsRead, imported: counts.imported, updated: counts.updated, ignored: counts.ignored,
      refused: badRows.length, bad_rows: JSON.stringify(badRows.slice(0, BAD_ROWS_KEPT)),
    });
    if (counts.imported + counts.updated > 0 || trigger === 'manual') {
      await recordAudit(trx, actor, { action: 'connector.run', entity: 'connector', entityId: id, after: { outcome: row.outcome, runId: row.id, ...counts, refused: badRows.length } }, request);
    }
    return row;
  });
  await clearConnectorAlert(db, id, 'failed', 'Kết nối lấy được dữ liệu trở lại / The connector pulls again', now);
  await followStaleness(db, { ...c, changed_at: changedAt }, now);
  return runView(run);
}

async function followStaleness(db: Db, c: ConnectorRow, now: Date): Promise<void> {
  if (isStale(c, now)) {
    const minutes = Math.round((now.getTime() - c.changed_at!.getTime()) / 60_000);
    await raiseConnectorAlert(db, c, 'stale', { vi: `Không có thay đổi trong ${minutes} phút.`, en: `No change for ${minutes} minutes.` }, now);
  } else {
    await clearConnectorAlert(db, c.id, 'stale', 'Dữ liệu đã thay đổi / The data changed', now);
  }
}

/**
 * Runs the connectors that are due; each is claimed first, so several processes never pull the same one twice. The
 * scheduler runs this outside a transaction (the pulls wait on other systems): each run writes in its own short ones,
 * and a run that breaks is counted failed while the others go on.
 */
export async function runDueConnectors(db: Db, now: Date, log: (message: string) => void = () => {}): Promise<{ ran: number; failed: number }> {
  let ran = 0;
  let failed = 0;
  for (const { id } of await dueConnectors(db, now)) {
    const c = await getConnector(db, id);
    if (!c || !(await claimConnector(db, id, now, nextRun(c.interval_minutes, now)))) continue;
    // Inside a caller's transaction, a connector whose run breaks is rolled back alone.
    if (db.isTransaction) await sql`SAVEPOINT connector_run`.execute(db);
    try {
      const run = await runConnector({ db, id, trigger: 'schedule', now, connector: c });
      if (db.isTransaction) await sql`RELEASE SAVEPOINT connector_run`.execute(db);
      if (run.outcome === 'failed') failed++;
    } catch (err) {
      if (db.isTransaction) await sql`ROLLBACK TO SAVEPOINT connector_run`.execute(db);
      log(`connector ${id}: ${err instanceof Error ? err.message : String(err)}`);
      failed++;
    }
    ran++;
  }
  return { ran, failed };
}

export const connectorJobs: JobDefinition[] = [
  {
    name: 'connectors.pull',
    intervalSeconds: 60,
    outsideTransaction: true,
    run: async (db, now) => {
      const { ran, failed } = await runDueConnectors(db, now);
      return `${ran} connectors pulled, ${failed} failed`;
    },
  },
];
