import crypto from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { actorName, type Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import type { CaptureProblemColumns, Locale } from '../../db/schema.js';
import { AppError } from '../../server/errors.js';
import { append, CaptureRefused } from './append.js';
import { documentEvents } from './epcis/document.js';
import { farmFieldProblems } from './epcis/farm.js';
import { validateEpcisDocument, type EpcisProblem } from './epcis/validate.js';
import { captureRow, finishCapture, insertCapture } from './events-repo.js';
import { isProducerAccount } from './policy.js';
import { epcisInvalid, worded } from './problems.js';
import { producerInScope, producerScope } from './producers.js';

// EPCIS capture (REST bindings): the document is checked whole against the schema and our farm steps (400 with
// every problem); then the capture job runs — the whole batch stored with the job's record in one transaction, or
// none of it and the job recording why — and is answered (202, its Location), finished.

export const MAX_CAPTURE_EVENTS = 1000;

/** Which producer the events are for: a producer's account records its own; staff name the producer. */
async function capturingProducer(db: Db, actor: Actor, producerId: number | undefined): Promise<number> {
  if (isProducerAccount(actor)) {
    const scope = await producerScope(db, actor);
    if (scope.kind !== 'producer') throw new AppError('forbidden');
    if (producerId !== undefined && producerId !== scope.producerId) throw new AppError('out_of_scope', {}, 'producerId');
    return scope.producerId;
  }
  if (producerId === undefined) throw new AppError('producer_required', {}, 'producerId');
  return Number((await producerInScope(db, actor, producerId, 'producerId')).id);
}

function documentProblems(document: unknown): { problems: EpcisProblem[]; events: number } {
  const problems = validateEpcisDocument(document);
  if (problems.length) return { problems, events: 0 };
  const { events } = documentEvents(document as Record<string, unknown>);
  if (events.length > MAX_CAPTURE_EVENTS) throw new AppError('epcis_too_large', { max: MAX_CAPTURE_EVENTS, count: events.length });
  const farm = events.flatMap((event, i) => farmFieldProblems(event).map((p) => ({ pointer: `/epcisBody/eventList/${i}/${p.field}`, code: p.code, detail: p.code })));
  return { problems: farm, events: events.length };
}

export async function captureDocument(options: { db: Db; actor: Actor; producerId?: number; document: unknown; now: Date; locale: Locale; request?: FastifyRequest }) {
  const { db, actor, document, now, locale, request } = options;
  const producerId = await capturingProducer(db, actor, options.producerId);
  const { problems, events } = documentProblems(document);
  if (problems.length) throw epcisInvalid(problems, locale);
  const id = crypto.randomUUID();
  const job = { id, producerId, events, by: actorName(actor), at: now };
  try {
    await inTransaction(db, async (trx) => {
      await insertCapture(trx, { ...job, status: 'succeeded', problems: [], finished: now });
      const warnings = await append(trx, { producerId, document: document as Record<string, unknown>, captureId: id, now });
      await finishCapture(trx, id, warnings, new Date());
      await recordAudit(trx, actor, { action: 'trace_capture.create', entity: 'trace_capture', entityId: id, after: { producerId, events } }, request);
    });
  } catch (err) {
    if (!(err instanceof CaptureRefused)) throw err;
    await insertCapture(db, { ...job, status: 'failed', problems: err.problems, finished: new Date() });
  }
  return captureView(db, actor, id, locale);
}

const wordedAll = (problems: CaptureProblemColumns[], locale: Locale) => problems.map((p) => worded(p, locale));

/** A capture job as the standard shows it, with the warnings of a stored batch (a harvest inside a spraying's interval). */
export async function captureView(db: Db, actor: Actor, id: string, locale: Locale) {
  const row = await captureRow(db, id);
  if (!row) throw new AppError('not_found');
  await producerInScope(db, actor, Number(row.producer_id));
  const errors = row.status === 'failed' ? row.problems : [];
  return {
    captureID: row.id, producerId: Number(row.producer_id), createdAt: row.received_at, finishedAt: row.finished_at, running: false, success: row.status === 'succeeded',
    captureErrorBehaviour: 'rollback' as const, eventCount: row.event_count, errors: wordedAll(errors, locale),
    warnings: wordedAll(row.status === 'succeeded' ? row.problems : [], locale),
  };
}
