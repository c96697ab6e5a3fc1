import { sql } from 'kysely';
import { copyText } from '../../../db/copy.js';
import type { Db } from '../../../db/database.js';

/**
 * The store's path for values that arrive as a stream (file imports): checked rows are staged as COPY text in a
 * temporary table, and one set-based statement per batch applies them — values, history and counts. Values held in
 * memory take the other path (value-store.ts), planned row by row.
 */
export const STAGED_COLUMNS = ['idx', 'element_id', 'org_unit_id', 'period', 'period_type', 'start_date', 'end_date', 'coc_id', 'value', 'numeric_value', 'comment', 'has_comment', 'followup'];

/** The staging table of one transaction; it is dropped at its end. */
export async function createStaging(trx: Db): Promise<void> {
  await sql`CREATE TEMP TABLE import_staging (
    idx integer, element_id bigint, org_unit_id bigint, period text, period_type text, start_date date, end_date date,
    coc_id bigint, value text, numeric_value double precision, comment text, has_comment boolean, followup boolean
  ) ON COMMIT DROP`.execute(trx);
}

/** Stages a batch of COPY lines (in STAGED_COLUMNS order), applies it, and empties the staging table. */
export async function applyStagedBatch(trx: Db, text: string, who: string, ref: string): Promise<{ imported: number; updated: number; deleted: number }> {
  await copyText(trx, 'import_staging', STAGED_COLUMNS, text);
  const applied = await applyStaging(trx, who, ref);
  await sql`TRUNCATE import_staging`.execute(trx);
  return applied;
}

/** The staged rows, the last of each key, joined to what is stored: only real changes go on. */
const CHANGED = sql`
  incoming AS (
    SELECT DISTINCT ON (element_id, org_unit_id, period, coc_id) * FROM import_staging
    ORDER BY element_id, org_unit_id, period, coc_id, idx DESC
  ),
  changed AS (
    SELECT i.element_id, i.org_unit_id, i.period, i.period_type, i.start_date, i.end_date, i.coc_id, i.value, i.numeric_value,
      CASE WHEN i.has_comment THEN i.comment ELSE d.comment END AS comment,
      coalesce(i.followup, d.followup, false) AS followup,
      d.id AS existing_id, d.value AS old_value, d.deleted AS old_deleted
    FROM incoming i
    -- One probe of the key per row, whatever the planner believes of data_value's size: during an import the table
    -- grows by every batch while its statistics stay as they were, and a merge join would sort all of it each time.
    LEFT JOIN LATERAL (
      SELECT id, value, deleted, comment, followup FROM data_value d
      WHERE d.element_id = i.element_id AND d.org_unit_id = i.org_unit_id AND d.start_date = i.start_date AND d.end_date = i.end_date AND d.coc_id = i.coc_id
      LIMIT 1
    ) d ON true
    WHERE (i.value IS NOT NULL AND (d.id IS NULL OR d.deleted OR d.value IS DISTINCT FROM i.value
              OR (i.has_comment AND d.comment IS DISTINCT FROM i.comment) OR (i.followup IS NOT NULL AND d.followup IS DISTINCT FROM i.followup)))
       OR (i.value IS NULL AND d.id IS NOT NULL AND NOT d.deleted)
  )`;

async function applyStaging(trx: Db, who: string, ref: string) {
  const r = await sql<{ imported: number; updated: number; deleted: number }>`
    WITH ${CHANGED},
    -- New keys are plain inserts and known keys plain updates (no speculative insertion per row); each statement
    -- returns what its history rows need, so no join back to the staged rows is necessary.
    inserted AS (
      INSERT INTO data_value (element_id, org_unit_id, period, period_type, start_date, end_date, coc_id, value, numeric_value,
                              stored_by, source_kind, source_ref, comment, followup)
      SELECT element_id, org_unit_id, period, period_type, start_date, end_date, coc_id, value, numeric_value, ${who}, 'import', ${ref}, comment, followup
      FROM changed WHERE value IS NOT NULL AND existing_id IS NULL
      RETURNING id, value, comment
    ),
    updated AS (
      UPDATE data_value d SET value = c.value, numeric_value = c.numeric_value, deleted = false, stored_by = ${who}, source_kind = 'import',
        source_ref = ${ref}, comment = c.comment, followup = c.followup, updated_at = now()
      FROM changed c WHERE c.value IS NOT NULL AND d.id = c.existing_id
      RETURNING d.id, c.value, c.comment, c.old_value, c.old_deleted
    ),
    deleted AS (
      UPDATE data_value d SET deleted = true, stored_by = ${who}, source_kind = 'import', source_ref = ${ref}, updated_at = now()
      FROM changed c WHERE c.value IS NULL AND d.id = c.existing_id
      RETURNING d.id, c.old_value
    ),
    history AS (
      INSERT INTO data_value_history (data_value_id, changed_by, source_kind, source_ref, change, old_value, new_value, comment)
      SELECT id, ${who}, 'import', ${ref}, 'create', NULL, value, comment FROM inserted
      UNION ALL
      SELECT id, ${who}, 'import', ${ref}, CASE WHEN old_deleted THEN 'restore' ELSE 'update' END, CASE WHEN old_deleted THEN NULL ELSE old_value END, value, comment FROM updated
      UNION ALL
      SELECT id, ${who}, 'import', ${ref}, 'delete', old_value, NULL, NULL FROM deleted
      RETURNING 1
    )
    SELECT (SELECT count(*) FROM changed WHERE value IS NOT NULL AND existing_id IS NULL)::int AS imported,
           (SELECT count(*) FROM changed WHERE value IS NOT NULL AND existing_id IS NOT NULL)::int AS updated,
           (SELECT count(*) FROM deleted)::int AS deleted,
           (SELECT count(*) FROM history)::int AS history`.execute(trx);
  const { imported, updated, deleted } = r.rows[0]!;
  return { imported, updated, deleted };
}
