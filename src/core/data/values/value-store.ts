import { sql } from 'kysely';
import { copyField, copyText } from '../../../db/copy.js';
import type { Db } from '../../../db/database.js';
import type { SourceKind } from '../../../db/schema.js';
import type { Checked } from './checker.js';
import { keyOf, planChanges, type Plan, type StoredRow } from './write-plan.js';

/**
 * How checked values reach the store for every writer that holds its values in memory (the data-entry grid,
 * reports, module jobs, reference data): find what is stored under their keys, plan the changes row by row as a
 * person would make them one after another, then write the plan in bulk — new values and every history row by
 * COPY, changed values by one UPDATE — so a request of 50,000 values is a handful of statements. Files of any size
 * stream through bulk-import.ts instead, which never holds more than a batch of COPY text.
 */

export interface WriteCounts {
  imported: number;
  updated: number;
  ignored: number;
  deleted: number;
}

export interface WriteSource {
  /** Who or what writes, as history records it. */
  who: string;
  kind: SourceKind;
  ref: string | null;
}

async function findStored(trx: Db, rows: Checked[], keys: string[]): Promise<Map<string, StoredRow>> {
  const spans = new Map<number, Map<number, { e: number; u: number; f: string; t: string }>>();
  for (const r of rows) {
    let byUnit = spans.get(r.element.id);
    if (!byUnit) spans.set(r.element.id, (byUnit = new Map()));
    const span = byUnit.get(r.input.orgUnitId);
    if (!span) byUnit.set(r.input.orgUnitId, { e: r.element.id, u: r.input.orgUnitId, f: r.period.start, t: r.period.start });
    else if (r.period.start < span.f) span.f = r.period.start;
    else if (r.period.start > span.t) span.t = r.period.start;
  }
  const present = await sql<{ e: number; u: number }>`
    SELECT p.e, p.u FROM jsonb_to_recordset(${JSON.stringify([...spans.values()].flatMap((m) => [...m.values()]))}::jsonb) AS p(e bigint, u bigint, f date, t date)
    WHERE EXISTS (SELECT 1 FROM data_value d WHERE d.element_id = p.e AND d.org_unit_id = p.u AND d.start_date BETWEEN p.f AND p.t)`.execute(trx);
  if (!present.rows.length) return new Map();
  const pairs = new Set(present.rows.map((p) => `${p.e}|${p.u}`));
  const wanted = new Map<string, { e: number; u: number; s: string; t: string; c: number }>();
  rows.forEach((r, i) => {
    if (pairs.has(`${r.element.id}|${r.input.orgUnitId}`)) wanted.set(keys[i]!, { e: r.element.id, u: r.input.orgUnitId, s: r.period.start, t: r.period.end, c: r.cocId });
  });
  const found = await sql<StoredRow>`
    SELECT d.id, d.element_id, d.org_unit_id, d.start_date, d.end_date, d.coc_id, d.value, d.numeric_value, d.deleted, d.comment, d.followup
    FROM jsonb_to_recordset(${JSON.stringify([...wanted.values()])}::jsonb) AS k(e bigint, u bigint, s date, t date, c bigint)
    JOIN data_value d ON d.element_id = k.e AND d.org_unit_id = k.u AND d.start_date = k.s AND d.end_date = k.t AND d.coc_id = k.c
    ORDER BY d.id FOR UPDATE OF d`.execute(trx);
  return new Map(found.rows.map((f) => [`${f.element_id}|${f.org_unit_id}|${f.start_date}|${f.end_date}|${f.coc_id}`, f]));
}

const VALUE_COLUMNS = ['id', 'element_id', 'org_unit_id', 'period', 'period_type', 'start_date', 'end_date', 'coc_id', 'value', 'numeric_value',
  'stored_by', 'source_kind', 'source_ref', 'comment', 'followup', 'deleted'];
const HISTORY_COLUMNS = ['data_value_id', 'changed_by', 'source_kind', 'source_ref', 'change', 'old_value', 'new_value', 'comment'];

async function applyPlan(trx: Db, plan: Plan, source: WriteSource): Promise<void> {
  // COPY lines are written by hand: ids, dates, canonical period codes and flags never need COPY's escapes, and a
  // million rows would spend a second escaping fields that cannot hold a tab (copyLine).
  const sourceFields = `${copyField(source.who)}\t${source.kind}\t${copyField(source.ref)}`;
  const created = plan.slots.filter((s) => s.isNew);
  if (created.length) {
    // COPY returns nothing, so new values take their ids from the table's own sequence beforehand.
    const ids = await sql<{ id: number }>`SELECT nextval(pg_get_serial_sequence('data_value', 'id')) AS id FROM generate_series(1, ${created.length})`.execute(trx);
    let text = '';
    created.forEach((s, i) => {
      s.id = ids.rows[i]!.id;
      const { row } = s;
      text += `${s.id}\t${row.element.id}\t${row.input.orgUnitId}\t${row.period.code}\t${row.period.type}\t${row.period.start}\t${row.period.end}\t${row.cocId}\t`
        + `${copyField(s.value)}\t${copyField(s.numeric)}\t${sourceFields}\t${copyField(s.comment)}\t${s.followup}\t${s.deleted}\n`;
    });
    await copyText(trx, 'data_value', VALUE_COLUMNS, text);
  }
  const changed = plan.slots.filter((s) => !s.isNew).map((s) => ({ id: s.id, v: s.value, n: s.numeric, d: s.deleted, c: s.comment, f: s.followup }));
  if (changed.length) {
    await sql`UPDATE data_value d SET value = u.v, numeric_value = u.n, deleted = u.d, comment = u.c, followup = u.f,
        stored_by = ${source.who}, source_kind = ${source.kind}, source_ref = ${source.ref}, updated_at = now()
      FROM jsonb_to_recordset(${JSON.stringify(changed)}::jsonb) AS u(id bigint, v text, n double precision, d boolean, c text, f boolean)
      WHERE d.id = u.id`.execute(trx);
  }
  let history = '';
  for (const h of plan.history) history += `${h.slot.id}\t${sourceFields}\t${h.change}\t${copyField(h.old)}\t${copyField(h.new)}\t${copyField(h.comment)}\n`;
  await copyText(trx, 'data_value_history', HISTORY_COLUMNS, history);
}

/**
 * Writes checked rows inside the caller's transaction (dryRun: counts only). Keys found absent are not locked, so a
 * value another transaction creates meanwhile makes the write start over from a savepoint, then as an update.
 */
export async function writeChecked(trx: Db, rows: Checked[], source: WriteSource, options: { dryRun?: boolean } = {}): Promise<WriteCounts> {
  const keys = rows.map(keyOf);
  for (let tries = 0; tries < 5; tries++) {
    await sql`SAVEPOINT data_value_write`.execute(trx);
    try {
      const plan = planChanges(rows, keys, await findStored(trx, rows, keys));
      if (!options.dryRun) await applyPlan(trx, plan, source);
      await sql`RELEASE SAVEPOINT data_value_write`.execute(trx);
      return plan.counts;
    } catch (err) {
      if ((err as { code?: string }).code !== '23505') throw err;
      await sql`ROLLBACK TO SAVEPOINT data_value_write`.execute(trx);
    }
  }
  throw new Error('data values kept being created concurrently; try again');
}
