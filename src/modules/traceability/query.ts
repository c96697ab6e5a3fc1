import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Actor } from '../../core/access/index.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { EPCIS_EVENT_TYPES } from './epcis/schema.js';
import { storedIdentifier, storedTerm } from './event-fields.js';
import { producerScope } from './producers.js';

// The EPCIS 2.0 query interface over the store: the standard's SimpleEventQuery parameters, a list value written
// "a|b" or repeated, results in event time order, pages by nextPageToken (a position bound to the query it came from).

export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
const LIST_PARAMS = ['eventType', 'EQ_action', 'EQ_bizStep', 'EQ_disposition', 'EQ_bizLocation', 'EQ_readPoint', 'MATCH_epc', 'MATCH_anyEPC', 'MATCH_epcClass', 'MATCH_anyEPCClass'] as const;
const TIME_PARAMS = ['GE_eventTime', 'LT_eventTime', 'GE_recordTime', 'LT_recordTime'] as const;
export const QUERY_PARAMS = [...LIST_PARAMS, ...TIME_PARAMS, 'EXISTS_errorDeclaration', 'perPage', 'nextPageToken'] as const;
const MAX_PER_PAGE = 1000;

export type EventQuery = Partial<Record<(typeof LIST_PARAMS)[number], string[]>> & Partial<Record<(typeof TIME_PARAMS)[number], Date>> & {
  EXISTS_errorDeclaration?: boolean; perPage: number; after?: { time: string; id: number };
};

const bad = (detail: string) => new AppError('epcis_query_invalid', { detail });

/** The query a request's parameters ask for; an unknown parameter, time or event type is a QueryParameterException. */
export function parseEventQuery(raw: Record<string, unknown>): EventQuery {
  const query: EventQuery = { perPage: 30 };
  for (const [name, value] of Object.entries(raw)) {
    const values = (Array.isArray(value) ? value : [value]).map(String);
    if ((LIST_PARAMS as readonly string[]).includes(name)) {
      const list = values.flatMap((v) => v.split('|')).map((v) => v.trim()).filter(Boolean);
      if (!list.length || list.some((v) => v.length > 500)) throw bad(name);
      query[name as (typeof LIST_PARAMS)[number]] = list;
    } else if ((TIME_PARAMS as readonly string[]).includes(name)) {
      const at = new Date(values[0]!);
      if (!/^\d{4}-\d{2}-\d{2}T/.test(values[0]!) || Number.isNaN(at.getTime())) throw bad(`${name}=${values[0]!.slice(0, 40)}`);
      query[name as (typeof TIME_PARAMS)[number]] = at;
    } else if (name === 'EXISTS_errorDeclaration') {
      query.EXISTS_errorDeclaration = true;
    } else if (name === 'perPage') {
      const n = Number(values[0]);
      if (!Number.isInteger(n) || n < 1 || n > MAX_PER_PAGE) throw bad(`perPage (1–${MAX_PER_PAGE})`);
      query.perPage = n;
    } else if (name !== 'nextPageToken') {
      throw bad(name.slice(0, 60));
    }
  }
  for (const type of query.eventType ?? []) if (!EPCIS_EVENT_TYPES.includes(type)) throw bad(`eventType=${type.slice(0, 40)}`);
  if (raw.nextPageToken !== undefined) query.after = readToken(String(raw.nextPageToken), query);
  return query;
}

const fingerprint = (query: EventQuery) => crypto.createHash('sha256').update(JSON.stringify({ ...query, after: undefined })).digest('base64url').slice(0, 12);
const writeToken = (query: EventQuery, time: string, id: number) => Buffer.from(JSON.stringify({ t: time, i: id, q: fingerprint(query) })).toString('base64url');

function readToken(token: string, query: EventQuery): { time: string; id: number } {
  try {
    const { t, i, q } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { t: unknown; i: unknown; q: unknown };
    if (typeof t === 'string' && !Number.isNaN(Date.parse(t)) && Number.isInteger(i) && q === fingerprint(query)) return { time: t, id: i as number };
  } catch { /* a token that is not ours is refused below */ }
  throw new AppError('epcis_page_token');
}

const overlaps = (column: string, values: string[]) => sql<boolean>`${sql.ref(column)} && ${sql.val(values)}::text[]`;

/** One page of events in the actor's scope, each with its error declaration when one was captured. */
export async function queryEvents(db: Db, actor: Actor, query: EventQuery) {
  const scope = await producerScope(db, actor);
  let q = db.selectFrom('trace_event as e').innerJoin('trace_producer as p', 'p.id', 'e.producer_id')
    .select(['e.id', 'e.event_time', 'e.event_id', 'e.document', 'e.prefixes']).where('e.declares', 'is', null);
  // "+ 0" keeps the producer's own index out of the plan: the identifiers' GIN indexes or the time order find the page.
  if (scope.kind === 'producer') q = q.where(sql<number>`e.producer_id + 0`, '=', scope.producerId);
  if (scope.kind === 'units') q = q.where('p.unit_id', 'in', [...scope.unitIds]);
  const ids = (values?: string[]) => values?.map(storedIdentifier);
  if (query.eventType) q = q.where('e.event_type', 'in', query.eventType);
  if (query.EQ_action) q = q.where('e.action', 'in', query.EQ_action);
  if (query.EQ_bizStep) q = q.where('e.biz_step', 'in', query.EQ_bizStep.map((v) => storedTerm('bizStep', v)));
  if (query.EQ_disposition) q = q.where('e.disposition', 'in', query.EQ_disposition.map((v) => storedTerm('disposition', v)));
  if (query.EQ_bizLocation) q = q.where('e.biz_location', 'in', ids(query.EQ_bizLocation)!);
  if (query.EQ_readPoint) q = q.where('e.read_point', 'in', ids(query.EQ_readPoint)!);
  if (query.MATCH_epc) q = q.where(overlaps('e.epcs', ids(query.MATCH_epc)!));
  if (query.MATCH_anyEPC) { const any = ids(query.MATCH_anyEPC)!; q = q.where((eb) => eb.or([eb(overlaps('e.epcs', any), '=', true), eb('e.parent_id', 'in', any)])); }
  for (const list of [query.MATCH_epcClass, query.MATCH_anyEPCClass]) if (list) q = q.where(overlaps('e.epc_classes', ids(list)!));
  if (query.GE_eventTime) q = q.where('e.event_time', '>=', query.GE_eventTime);
  if (query.LT_eventTime) q = q.where('e.event_time', '<', query.LT_eventTime);
  if (query.GE_recordTime) q = q.where('e.record_time', '>=', query.GE_recordTime);
  if (query.LT_recordTime) q = q.where('e.record_time', '<', query.LT_recordTime);
  if (query.EXISTS_errorDeclaration) q = q.where((eb) => eb.exists(eb.selectFrom('trace_event as d').select('d.id').whereRef('d.declares', '=', 'e.event_id')));
  if (query.after) q = q.where(sql<boolean>`(e.event_time, e.id) > (${new Date(query.after.time)}, ${query.after.id})`);
  const rows = await q.orderBy('e.event_time').orderBy('e.id').limit(query.perPage + 1).execute();
  const page = rows.slice(0, query.perPage);
  const declarations = await declarationsOf(db, page.map((r) => r.event_id));
  const last = page.at(-1);
  return {
    events: page.map((r): Record<string, unknown> => (declarations.has(r.event_id) ? { ...r.document, errorDeclaration: declarations.get(r.event_id) } : r.document)),
    prefixes: Object.assign({}, ...page.map((r) => r.prefixes)) as Record<string, string>,
    nextPageToken: rows.length > query.perPage && last ? writeToken(query, last.event_time.toISOString(), Number(last.id)) : null,
  };
}

async function declarationsOf(db: Db, eventIds: string[]): Promise<Map<string, unknown>> {
  if (!eventIds.length) return new Map();
  const rows = await db.selectFrom('trace_event').select(['declares', 'document']).where('declares', 'in', eventIds).execute();
  return new Map(rows.map((r) => [r.declares!, r.document.errorDeclaration]));
}

/** An EPCIS query document holding some events, as the query interface answers. */
export function queryDocument(events: Record<string, unknown>[], prefixes: Record<string, string>, now: Date, queryName = 'SimpleEventQuery') {
  return {
    '@context': Object.keys(prefixes).length ? [EPCIS_CONTEXT, prefixes] : [EPCIS_CONTEXT],
    type: 'EPCISQueryDocument' as const, schemaVersion: '2.0' as const, creationDate: now.toISOString(),
    epcisBody: { queryResults: { queryName, resultsBody: { eventList: events } } },
  };
}
