import type { Db } from '../../../db/database.js';
import { AppError } from '../../../server/errors.js';

/**
 * DHIS2 clients name a data set (a form) where they exchange its values. The store keeps no forms of its own: the
 * capabilities that own forms (reporting's regimes) answer which elements a data set holds. Kept by name, so that
 * every app built in a process (tests build many) provides each source once.
 */
export type DataSetElements = (db: Db, code: string) => Promise<string[] | null>;

const sources = new Map<string, DataSetElements>();

export function provideDataSets(source: string, elements: DataSetElements): void {
  sources.set(source, elements);
}

/** The element codes of a data set; a 400 naming the field when no source knows it. */
export async function dataSetElements(db: Db, code: string, field = 'dataSet'): Promise<Set<string>> {
  for (const elements of sources.values()) {
    const found = await elements(db, code);
    if (found) return new Set(found);
  }
  throw new AppError('unknown_data_set', { code }, field);
}
