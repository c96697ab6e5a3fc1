import type { Db } from '../../db/database.js';
import type { CaptureProblemColumns } from '../../db/schema.js';
import { linkHash, hashIdOf } from './chain.js';
import { documentEvents } from './epcis/document.js';
import { farmStep, farmVocabulary, preHarvestIntervalBreaches } from './epcis/farm.js';
import { eventColumns, gtinsOf, type EventColumns } from './event-fields.js';
import { eventRow, gtinOwners, insertEvents, lockChain, setChainHead, sprayingsFor, takenEventIds } from './events-repo.js';

// Appending a capture's events to the producer's chain, inside the caller's transaction: every event checked first
// (a duplicate, another producer's product, a declaration of an unknown event refuse the whole batch), then each
// linked to the one before. An error declaration is a new link that names the event it declares (`declares`); the
// declared event is never touched.

type Event = Record<string, unknown>;

export class CaptureRefused extends Error {
  constructor(readonly problems: CaptureProblemColumns[]) {
    super('capture refused');
  }
}

const DAY = 86_400_000;
/** How far back a harvest looks for sprayings: a season, longer than any pre-harvest interval. */
const SPRAYINGS_WINDOW_DAYS = 180;

interface Prepared { index: number; event: Event; eventId: string; hashId: string; declares: string | null; columns: EventColumns }

function prepare(events: Event[], prefixes: Record<string, string>): { prepared: Prepared[]; problems: CaptureProblemColumns[] } {
  const problems: CaptureProblemColumns[] = [];
  const prepared = events.map((event, index) => {
    const hashId = hashIdOf(event, prefixes);
    const given = typeof event.eventID === 'string' ? event.eventID : null;
    if (given?.startsWith('ni:///') && given !== hashId) problems.push({ pointer: `/epcisBody/eventList/${index}/eventID`, code: 'hash_mismatch', detail: hashId });
    const declares = event.errorDeclaration ? (given ?? hashId) : null;
    return { index, event, hashId, declares, eventId: declares ? `${declares}#errorDeclaration` : (given ?? hashId), columns: eventColumns(event, prefixes) };
  });
  return { prepared, problems };
}

async function scopeProblems(db: Db, producerId: number, prepared: Prepared[]): Promise<CaptureProblemColumns[]> {
  const problems: CaptureProblemColumns[] = [];
  const at = (p: Prepared, field = '') => `/epcisBody/eventList/${p.index}${field}`;
  const seen = new Set<string>();
  const taken = await takenEventIds(db, prepared.map((p) => p.eventId));
  for (const p of prepared) {
    if (taken.has(p.eventId) || seen.has(p.eventId)) problems.push({ pointer: at(p, '/eventID'), code: 'duplicate', detail: p.eventId });
    seen.add(p.eventId);
  }
  const owners = await gtinOwners(db, [...new Set(prepared.flatMap((p) => gtinsOf(p.columns)))]);
  for (const p of prepared) {
    const foreign = gtinsOf(p.columns).find((g) => owners.has(g) && owners.get(g) !== producerId);
    if (foreign) problems.push({ pointer: at(p), code: 'scope', detail: `GTIN ${foreign}` });
  }
  for (const p of prepared.filter((x) => x.declares)) {
    const declared = await eventRow(db, p.declares!);
    const inBatch = prepared.some((x) => !x.declares && x.eventId === p.declares);
    if (!declared && !inBatch) problems.push({ pointer: at(p, '/eventID'), code: 'declares_unknown', detail: p.declares! });
    else if (declared && Number(declared.producer_id) !== producerId) problems.push({ pointer: at(p, '/eventID'), code: 'scope', detail: p.declares! });
  }
  return problems;
}

/** Harvests inside the pre-harvest interval of a spraying of the same lot or place: stored, with a warning each. */
async function intervalWarnings(db: Db, producerId: number, prepared: Prepared[]): Promise<CaptureProblemColumns[]> {
  const spraying = farmVocabulary().steps.find((s) => s.id === 'spraying')!.uri;
  const warnings: CaptureProblemColumns[] = [];
  for (const p of prepared.filter((x) => farmStep(x.columns.biz_step)?.id === 'harvesting' && !x.declares)) {
    const since = new Date(p.columns.event_time.getTime() - SPRAYINGS_WINDOW_DAYS * DAY);
    const locations = [p.columns.biz_location, p.columns.read_point].filter((l): l is string => Boolean(l));
    const stored = await sprayingsFor(db, producerId, spraying, p.columns.epc_classes, locations, since);
    const sameBatch = prepared.filter((x) => x.columns.biz_step === spraying && !x.declares && (x.columns.epc_classes.some((c) => p.columns.epc_classes.includes(c))
      || (x.columns.biz_location !== null && locations.includes(x.columns.biz_location)))).map((x) => ({ ...x.event, eventID: x.eventId }));
    for (const b of preHarvestIntervalBreaches(p.event, [...stored, ...sameBatch])) {
      warnings.push({ pointer: `/epcisBody/eventList/${p.index}`, code: 'pre_harvest_interval', detail: `${b.pesticide ?? '?'} ${b.sprayedOn} +${b.preHarvestIntervalDays}d → ${b.harvestAllowedFrom}` });
    }
  }
  return warnings;
}

/** Appends a valid document's events to the producer's chain; returns the warnings, or throws CaptureRefused. */
export async function append(db: Db, options: { producerId: number; document: Record<string, unknown>; captureId: string; now: Date }): Promise<CaptureProblemColumns[]> {
  const { producerId, document, captureId, now } = options;
  const { events, prefixes } = documentEvents(document);
  const { prepared, problems } = prepare(events, prefixes);
  const chain = await lockChain(db, producerId);
  problems.push(...(await scopeProblems(db, producerId, prepared)));
  if (problems.length) throw new CaptureRefused(problems);
  const warnings = await intervalWarnings(db, producerId, prepared);
  const recordTime = now.toISOString();
  let { seq, head } = chain;
  const rows = prepared.map((p) => {
    const stored = { ...p.event, eventID: p.declares ?? p.eventId, recordTime };
    const chainHash = linkHash(head, p.eventId, p.hashId, stored);
    const row = {
      producer_id: producerId, seq: ++seq, event_id: p.eventId, hash_id: p.hashId, ...p.columns, record_time: now, declares: p.declares, capture_id: captureId,
      prefixes: JSON.stringify(prefixes), document: JSON.stringify(stored), prev_hash: head, chain_hash: chainHash,
    };
    head = chainHash;
    return row;
  });
  await insertEvents(db, rows);
  await setChainHead(db, producerId, seq, head);
  return warnings;
}
