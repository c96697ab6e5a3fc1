import { sql } from 'kysely';
import type { Actor } from '../../core/access/index.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { eventRow } from './events-repo.js';
import { producerInScope, producerScope } from './producers.js';

// One event by its eventID, and the values of a resource the query interface browses by.

/** The resources of the REST bindings and the query parameter each one's /{id}/events stands for. */
export const RESOURCES = {
  eventTypes: 'eventType', epcs: 'MATCH_anyEPC', bizSteps: 'EQ_bizStep', bizLocations: 'EQ_bizLocation', readPoints: 'EQ_readPoint', dispositions: 'EQ_disposition',
} as const;
export type Resource = keyof typeof RESOURCES;

const COLUMNS: Record<Exclude<Resource, 'epcs'>, string> = {
  eventTypes: 'event_type', bizSteps: 'biz_step', bizLocations: 'biz_location', readPoints: 'read_point', dispositions: 'disposition',
};

export async function eventById(db: Db, actor: Actor, eventId: string) {
  const row = await eventRow(db, eventId);
  if (!row || row.declares) throw new AppError('not_found');
  await producerInScope(db, actor, Number(row.producer_id));
  const declaration = await eventRow(db, `${eventId}#errorDeclaration`);
  return declaration ? { ...row.document, errorDeclaration: declaration.document.errorDeclaration } : row.document;
}

/** The distinct values of a resource among the events the actor may read (at most 1,000, in order). */
export async function resourceValues(db: Db, actor: Actor, resource: Resource): Promise<string[]> {
  const scope = await producerScope(db, actor);
  const where = scope.kind === 'producer' ? sql`e.producer_id = ${scope.producerId}`
    : scope.kind === 'units' ? sql`e.producer_id IN (SELECT id FROM trace_producer WHERE unit_id IN (${sql.join([...scope.unitIds, -1])}))` : sql`true`;
  const values = resource === 'epcs'
    ? sql<{ v: string }>`SELECT DISTINCT v FROM trace_event e, unnest(e.epcs) v WHERE ${where} AND e.declares IS NULL ORDER BY v LIMIT 1000`
    : sql<{ v: string }>`SELECT DISTINCT ${sql.ref(`e.${COLUMNS[resource]}`)} AS v FROM trace_event e WHERE ${where} AND e.declares IS NULL AND ${sql.ref(`e.${COLUMNS[resource]}`)} IS NOT NULL ORDER BY v LIMIT 1000`;
  return (await values.execute(db)).rows.map((r) => r.v);
}
