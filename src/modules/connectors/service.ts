import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../db/database.js';
import { actorName, type Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { elementsByCodes, optionCombosByCodes } from '../../core/data/index.js';
import { AppError, notFound } from '../../server/errors.js';
import { clearConnectorAlerts } from './alerts.js';
import { mergeHeaders } from './policy.js';
import { connectorView, deleteConnector, getConnector, insertConnector, lastOutcomes, listConnectors, listRuns, maskHeaders, runView, updateConnector, type ConnectorRow } from './repo.js';
import type { ConnectorInput, Mapping } from './schema.js';

export async function connectors(db: Db) {
  const [rows, outcomes] = await Promise.all([listConnectors(db), lastOutcomes(db)]);
  return rows.map((r) => connectorView(r, outcomes.get(r.id) ?? null));
}

export async function connectorRuns(db: Db, id: number, limit: number) {
  if (!(await getConnector(db, id))) throw notFound('id');
  return (await listRuns(db, id, limit)).map(runView);
}

/** The mapping names elements and disaggregations that exist: a 400 naming the first one that does not. */
export async function assertMappingExists(db: Db, mapping: Mapping): Promise<void> {
  const elements = new Set((await elementsByCodes(db, [...new Set(mapping.values.map((v) => v.element))])).map((e) => e.code));
  const cocs = new Set((await optionCombosByCodes(db, [...new Set(mapping.values.flatMap((v) => (v.coc ? [v.coc] : [])))])).map((c) => c.code));
  mapping.values.forEach((v, i) => {
    if (!elements.has(v.element)) throw new AppError('reference_not_found', { field: `mapping.values.${i}.element` }, `mapping.values.${i}.element`);
    if (v.coc && !cocs.has(v.coc)) throw new AppError('reference_not_found', { field: `mapping.values.${i}.coc` }, `mapping.values.${i}.coc`);
  });
}

const shown = (r: ConnectorRow) => ({ ...r, headers: maskHeaders(r.headers) });

/** Saves a connector (new when no id), audited; a changed address or format forgets what the source answered last. */
export async function saveConnector(options: { db: Db; actor: Actor; id?: number; input: ConnectorInput; now: Date; request?: FastifyRequest }) {
  const { db, actor, id, input, now, request } = options;
  await assertMappingExists(db, input.mapping);
  return inTransaction(db, async (trx) => {
    const before = id === undefined ? undefined : await getConnector(trx, id, true);
    if (id !== undefined && !before) throw notFound('id');
    const sourceChanged = !before || before.url !== input.url || before.format !== input.format || before.json_path !== input.jsonPath;
    const columns = {
      name_vi: input.nameVi, name_en: input.nameEn, url: input.url, format: input.format, json_path: input.jsonPath,
      headers: JSON.stringify(mergeHeaders(input.headers, before?.headers ?? {})), mapping: JSON.stringify(input.mapping),
      interval_minutes: input.intervalMinutes, stale_after_minutes: input.staleAfterMinutes, timeout_ms: input.timeoutSeconds * 1000,
      retries: input.retries, active: input.active, updated_at: now,
      ...(sourceChanged ? { etag: null, last_modified: null, content_hash: null } : {}),
    };
    const row = before
      ? await updateConnector(trx, before.id, columns)
      : await insertConnector(trx, { ...columns, next_run_at: now, created_by: actorName(actor) });
    await recordAudit(trx, actor, {
      action: before ? 'connector.update' : 'connector.create', entity: 'connector', entityId: row.id, before: before && shown(before), after: shown(row),
    }, request);
    // A connector switched off raises nothing more: what it raised is cleared.
    if (!row.active) await clearConnectorAlerts(trx, row.id, now, 'Kết nối đã tắt / The connector was switched off');
    return connectorView(row, before ? ((await lastOutcomes(trx)).get(row.id) ?? null) : null);
  });
}

export async function removeConnector(options: { db: Db; actor: Actor; id: number; now: Date; request?: FastifyRequest }) {
  const { db, actor, id, now, request } = options;
  return inTransaction(db, async (trx) => {
    const before = await getConnector(trx, id, true);
    if (!before) throw notFound('id');
    await clearConnectorAlerts(trx, id, now, 'Kết nối đã bị xoá / The connector was deleted');
    await deleteConnector(trx, id);
    await recordAudit(trx, actor, { action: 'connector.delete', entity: 'connector', entityId: id, before: shown(before) }, request);
    return connectorView(before, null);
  });
}
