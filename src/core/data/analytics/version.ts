import { sql } from 'kysely';
import { writeStamp, type Db } from '../../../db/database.js';

const remembered = new WeakMap<Db, { epoch: number; version: string }>();
/** The tables whose writes (directly or through their triggers) change figures_version(). */
const SOURCES = [
  'data_value', 'data_value_year_version', 'indicator', 'indicator_target', 'data_element', 'figure_definition_version',
  'org_unit', 'org_unit_event', 'org_unit_event_unit', 'org_unit_version',
] as const;

/**
 * One text that changes whenever any figure could: a value, an indicator, a target or an element, or the units
 * (figures_version(), migration 0023). Each part is a committed version bumped in the writer's transaction, so a
 * process caching something computed from figures serves it only while this text is the same, whichever process
 * made the change.
 */
export async function figuresVersion(db: Db): Promise<string> {
  // On the embedded database the answer stays true until one of its sources is written (writeStamp).
  const epoch = writeStamp(db, SOURCES);
  const known = remembered.get(db);
  if (epoch !== null && known?.epoch === epoch) return known.version;
  const { rows } = await sql<{ v: string }>`SELECT figures_version() AS v`.execute(db);
  if (epoch !== null) remembered.set(db, { epoch, version: rows[0]!.v });
  return rows[0]!.v;
}
