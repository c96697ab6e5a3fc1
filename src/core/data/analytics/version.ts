import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';

/**
 * One text that changes whenever any figure could: a value, an indicator, a target or an element, or the units
 * (figures_version(), migration 0023). Each part is a committed version bumped in the writer's transaction, so a
 * process caching something computed from figures serves it only while this text is the same, whichever process
 * made the change.
 */
export async function figuresVersion(db: Db): Promise<string> {
  const { rows } = await sql<{ v: string }>`SELECT figures_version() AS v`.execute(db);
  return rows[0]!.v;
}
