import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../../db/database.js';
import type { SourceKind } from '../../../db/schema.js';
import { AppError } from '../../../server/errors.js';
import { type Actor, actorName } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { isChecked, ValueChecker, type Checked, type RowProblem, type ValueInput } from './checker.js';
import { writeChecked } from './value-store.js';

export interface WriteSummary {
  imported: number;
  updated: number;
  ignored: number;
  deleted: number;
  problems: RowProblem[];
}

/** Checks every row before anything is written, and returns the rows ready to write and every problem found. */
export async function checkValues(db: Db, actor: Actor, inputs: ValueInput[]): Promise<{ ok: Checked[]; problems: RowProblem[] }> {
  const checker = await ValueChecker.load(db, actor);
  const ok: Checked[] = [];
  const problems: RowProblem[] = [];
  inputs.forEach((input, row) => {
    const result = checker.check(input);
    if (isChecked(result)) ok.push(result);
    else problems.push({ row, ...result });
  });
  return { ok, problems };
}

class DryRun extends Error {}

/**
 * Writes values in one transaction, all or nothing: with any problem nothing is written and every problem is
 * returned (dryRun checks and counts without writing). A null value deletes (softly); history keeps every change.
 */
export async function writeValues(
  db: Db,
  actor: Actor,
  inputs: ValueInput[],
  source: { kind: SourceKind; ref?: string | null },
  options: { dryRun?: boolean; request?: FastifyRequest } = {},
): Promise<WriteSummary> {
  const summary: WriteSummary = { imported: 0, updated: 0, ignored: 0, deleted: 0, problems: [] };
  try {
    await inTransaction(db, async (trx) => {
      const { ok, problems } = await checkValues(trx, actor, inputs);
      summary.problems = problems;
      if (problems.length) return;
      Object.assign(summary, await writeChecked(trx, ok, { who: actorName(actor), kind: source.kind, ref: source.ref ?? null }, { dryRun: options.dryRun }));
      if (options.dryRun) throw new DryRun();
      if (summary.imported + summary.updated + summary.deleted > 0) {
        await recordAudit(trx, actor, {
          action: 'data_value.write', entity: 'data_value',
          after: { source: source.kind, ref: source.ref ?? null, imported: summary.imported, updated: summary.updated, deleted: summary.deleted },
        }, options.request);
      }
    });
  } catch (err) {
    if (!(err instanceof DryRun)) throw err;
  }
  return summary;
}

/** Raises the all-or-nothing failure of a write as one 400 that lists every bad row. */
export function assertNoProblems(summary: WriteSummary): void {
  if (!summary.problems.length) return;
  const outside = summary.problems.find((p) => p.code === 'out_of_scope');
  if (outside) throw new AppError('out_of_scope', {}, `values.${outside.row}.orgUnitId`, { details: summary.problems });
  const first = summary.problems[0]!;
  throw new AppError('invalid_value', { row: first.row + 1, field: first.field, reasonVi: first.vi, reasonEn: first.en }, `values.${first.row}.${first.field}`, { details: summary.problems });
}
