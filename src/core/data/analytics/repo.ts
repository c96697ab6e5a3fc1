import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import type { Aggregation } from '../../../db/schema.js';

// analytics_cache, the one table analytics owns, and the store's reads that every question starts with.

export type ElementRow = { id: number; code: string; agg_units: Aggregation; agg_time: Aggregation; value_type: string; unit_version: number; versions: [number, number][] };
export type CachedAnswer = { value: number | null; data_version: number; unit_version: number };

/**
 * The elements asked about with the versions their answers are cached under — the unit-structure version and the
 * per-year data versions — read in one statement, before any data (see the Analytics class comment).
 */
export async function readElements(db: Db, codes: string[]): Promise<Map<string, ElementRow>> {
  const rows = (await sql<ElementRow>`
    SELECT e.id, e.code, e.agg_units, e.agg_time, e.value_type, coalesce((SELECT structure_version FROM org_unit_version), 0) AS unit_version,
      coalesce((SELECT json_agg(json_build_array(v.year, v.version)) FROM data_value_year_version v WHERE v.element_id = e.id), '[]'::json) AS versions
    FROM data_element e WHERE e.code = ANY(${codes}::text[])`.execute(db)).rows;
  return new Map(rows.map((e) => [e.code, e]));
}

export async function readCocIds(db: Db, codes: string[]): Promise<Map<string, number>> {
  if (!codes.length) return new Map();
  return new Map((await db.selectFrom('category_option_combo').select(['id', 'code']).where('code', 'in', codes).execute()).map((c) => [c.code, c.id]));
}

export async function readCached(db: Db, keys: string[]): Promise<Map<string, CachedAnswer>> {
  const hits = new Map<string, CachedAnswer>();
  if (!keys.length) return hits;
  for (const h of await db.selectFrom('analytics_cache').select(['key', 'value', 'data_version', 'unit_version']).where('key', 'in', keys).execute()) {
    hits.set(h.key, { value: h.value, data_version: Number(h.data_version), unit_version: Number(h.unit_version) });
  }
  return hits;
}

/** Stores computed answers under the versions they were computed at. */
export async function storeAnswers(db: Db, rows: { key: string; element_id: number; data_version: number; unit_version: number; value: number | null }[]): Promise<void> {
  // In key order: concurrent readers storing overlapping answers then lock them in the same order (no deadlock).
  const unique = [...new Map(rows.map((r) => [r.key, r])).values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (let i = 0; i < unique.length; i += 500) {
    await db
      .insertInto('analytics_cache')
      .values(unique.slice(i, i + 500))
      .onConflict((oc) => oc.column('key').doUpdateSet({
        value: sql`excluded.value`, data_version: sql`excluded.data_version`, unit_version: sql`excluded.unit_version`, computed_at: sql`now()`,
      }))
      .execute();
  }
}
