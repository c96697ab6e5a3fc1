import type { FastifyRequest } from 'fastify';
import { copyLine } from '../../../db/copy.js';
import { inTransaction, isEmbedded, type Db } from '../../../db/database.js';
import { type Actor, actorName } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { applyStagedBatch, createStaging, isChecked, valueProblem, ValueChecker, type RowProblem } from '../values/index.js';
import type { DataValueDto, ImportConflict, ImportSummary } from './formats.js';

// Rows per staged batch. On PostgreSQL 10,000 keeps a million-row import under 300 MB (20,000 peaked at 304–319 MB) at
// the same speed, and 2,500 cost a third of it. PGlite applies a batch on this process's own thread, so a batch's
// statement is a pause for every other request: 2,500 rows brought /readyz's p99 during a million-row import from
// 320 ms to 87 ms at the same speed (npm run bench -- import).
const BATCH = { server: 10_000, embedded: 2_500 };

export interface ImportOptions {
  dryRun: boolean;
  atomicMode: 'ALL' | 'NONE';
  sourceRef: string;
  request?: FastifyRequest;
  /** DHIS2's data set the rows belong to: a row of another element is a conflict. */
  dataSet?: { code: string; elements: Set<string> };
  /** Called after each batch with the number of rows read so far. */
  onProgress?: (rowsRead: number) => void;
}

class Rollback extends Error {}

/**
 * Imports any number of data values from a stream of rows in bounded memory: each row is checked in memory (against
 * elements read and locked in the import's transaction), good rows are staged in a temporary table in batches (COPY),
 * and one set-based statement per batch applies them — values, history and counts — inside the same transaction.
 * With atomicMode ALL one bad row rolls everything back; a dry run imports and rolls back, so its counts are the
 * import's. Later rows for the same value override earlier ones.
 */
export async function importValueRows(db: Db, actor: Actor, rows: AsyncIterable<DataValueDto> | Iterable<DataValueDto>, options: ImportOptions): Promise<ImportSummary> {
  const conflicts = new Map<string, ImportConflict>();
  // As in DHIS2, the same fault of the same object is one conflict listing every row it occurs in.
  const conflict = (object: string, problem: Omit<RowProblem, 'row'>, index: number) => {
    const property = problem.field;
    const key = `${property}\u0000${object}\u0000${problem.en}`;
    const existing = conflicts.get(key);
    if (existing) existing.indexes.push(index);
    else conflicts.set(key, { object, value: problem.en, vi: problem.vi, errorCode: problem.code, property, indexes: [index] });
  };
  const who = actorName(actor);
  const batchSize = isEmbedded(db) ? BATCH.embedded : BATCH.server;
  let total = 0;
  let counts = { imported: 0, updated: 0, deleted: 0 };

  try {
    await inTransaction(db, async (trx) => {
      const checker = await ValueChecker.load(trx, actor);
      await createStaging(trx);
      // Rows wait as COPY text, not as objects: a batch is a few megabytes and nothing outlives it.
      let batch = '';
      let batchRows = 0;
      // Each batch is staged and applied while the next is read and checked (on PostgreSQL the server works beside
      // this process), so the progress reported is work done, not rows read. A value repeated within a batch counts
      // once (its last row); repeated in a later batch, it is an update of what the earlier one stored.
      let applying: Promise<void> = Promise.resolve();
      const flush = async () => {
        const text = batch;
        const read = total;
        batch = '';
        batchRows = 0;
        await applying;
        // With atomicMode ALL, one bad row means nothing will be kept: the rest of the file is only checked.
        if (conflicts.size && options.atomicMode === 'ALL') return;
        applying = (async () => {
          const applied = await applyStagedBatch(trx, text, who, options.sourceRef);
          counts = { imported: counts.imported + applied.imported, updated: counts.updated + applied.updated, deleted: counts.deleted + applied.deleted };
          options.onProgress?.(read);
        })();
        applying.catch(() => undefined); // awaited at the next flush; not an unhandled rejection meanwhile
      };
      for await (const row of rows) {
        const index = total++;
        if (!row.dataElement) conflict('', valueProblem('dataElement', 'missing_element'), index);
        else if (!row.period) conflict('', valueProblem('period', 'missing_period'), index);
        else if (!row.orgUnit) conflict('', valueProblem('orgUnit', 'missing_unit'), index);
        else if (options.dataSet && !options.dataSet.elements.has(row.dataElement)) {
          conflict(row.dataElement, valueProblem('dataElement', 'not_in_data_set', row.dataElement, { dataSet: options.dataSet.code }), index);
        }
        else if (row.attributeOptionCombo && row.attributeOptionCombo !== 'default') {
          conflict(row.attributeOptionCombo, valueProblem('attributeOptionCombo', 'attribute_combo', row.attributeOptionCombo), index);
        } else {
          const unitId = checker.unitByCode(row.orgUnit, row.period);
          if (unitId === undefined) conflict(row.orgUnit, valueProblem('orgUnit', 'unit_code', row.orgUnit), index);
          else {
            const coc = row.categoryOptionCombo && row.categoryOptionCombo !== 'default' ? row.categoryOptionCombo : undefined;
            const result = checker.check({
              element: row.dataElement, orgUnitId: unitId, period: row.period, coc, value: row.deleted ? null : (row.value ?? null),
              comment: row.comment ?? null,
            });
            if (isChecked(result)) {
              batch += copyLine([index, result.element.id, unitId, result.period.code, result.period.type, result.period.start, result.period.end, result.cocId,
                result.text, result.number, row.comment ?? null, row.comment !== undefined && row.comment !== null, row.followup ?? null]);
              batchRows++;
            } else {
              const field = result.field;
              const object = field === 'orgUnit' ? row.orgUnit : field === 'dataElement' ? row.dataElement : field === 'period' ? row.period
                : field === 'categoryOptionCombo' ? (row.categoryOptionCombo ?? 'default') : String(row.value ?? '');
              conflict(object, result, index);
            }
          }
        }
        if (batchRows >= batchSize) await flush();
      }
      await flush();
      await applying;
      // A dry run has written everything, so its counts are exactly the import's; now nothing is kept.
      if ((conflicts.size && options.atomicMode === 'ALL') || options.dryRun) throw new Rollback();
      if (counts.imported + counts.updated + counts.deleted > 0) {
        await recordAudit(trx, actor, { action: 'data_value.import', entity: 'data_value', after: { source: options.sourceRef, rows: total, ...counts } }, options.request);
      }
    });
  } catch (err) {
    if (!(err instanceof Rollback)) throw err;
  }

  const refused = conflicts.size > 0 && options.atomicMode === 'ALL';
  return {
    responseType: 'ImportSummary',
    status: refused ? 'ERROR' : conflicts.size ? 'WARNING' : 'SUCCESS',
    description: refused ? 'Import refused: the file has conflicts and nothing was imported (atomicMode=ALL)'
      : conflicts.size ? 'Import completed with conflicts: the rows named in conflicts were ignored' : 'Import process completed successfully',
    importOptions: { dryRun: options.dryRun, atomicMode: options.atomicMode, idScheme: 'code' },
    importCount: refused ? { imported: 0, updated: 0, ignored: total, deleted: 0 }
      : { ...counts, ignored: total - counts.imported - counts.updated - counts.deleted },
    conflicts: [...conflicts.values()],
    dataSetComplete: 'false',
  };
}
