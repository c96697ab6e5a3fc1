import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import { whileUnwritten } from '../../../db/while-unwritten.js';

/** The tables whose writes (directly or through their triggers) change figures_version(). */
const SOURCES = [
  'data_value', 'data_value_year_version', 'indicator', 'indicator_target', 'data_element', 'figure_definition_version',
  'org_unit', 'org_unit_event', 'org_unit_event_unit', 'org_unit_version',
] as const;

/**
 * One text that changes whenever any figure could: a value, an indicator, a target or an element, or the units
 * (figures_version(), migration 0023). Each part is a committed version bumped in the writer's transaction, so a
 * process caching something computed from figures serves it only while this text is the same, whichever process
 * made the change. On the embedded database it is remembered until one of its sources is written.
 */
export const figuresVersion: (db: Db) => Promise<string> = whileUnwritten(SOURCES, async (db) =>
  (await sql<{ v: string }>`SELECT figures_version() AS v`.execute(db)).rows[0]!.v);
