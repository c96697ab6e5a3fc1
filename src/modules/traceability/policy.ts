import { ACCESS, type Access, type Actor } from '../../core/access/index.js';
import type { ProducerStatus, Role } from '../../db/schema.js';

/**
 * Producers keep their own records: a producer's people (role `producer`) see and write their organisation's
 * places, products, lots and events, and nobody else's. The department's officers register producers, make their
 * accounts and keep the records of the producers of their units; a reviewer or an administrator verifies a producer,
 * which puts its pages before the public; leaders read everything. API tokens name a unit, not a producer, so a
 * cooperative's own system captures through one of its accounts.
 */
const STAFF_AND_PRODUCERS: Role[] = ['admin', 'leader', 'officer', 'reviewer', 'producer'];

export const TRACE_POLICY = {
  read: { roles: STAFF_AND_PRODUCERS },
  write: { roles: ['admin', 'officer', 'producer'] as Role[] },
  register: ACCESS.writers(),
  verify: { roles: ['admin', 'reviewer'] as Role[] },
  public: { public: true },
} as const satisfies Record<string, Access>;

/** Whose records an actor may touch: one producer, the producers of some units, or every producer. */
export type ProducerScope = { kind: 'producer'; producerId: number } | { kind: 'units'; unitIds: Set<number> } | { kind: 'all' };

/** Whether the scope covers a producer (its id and the unit it sits in). */
export function coversProducer(scope: ProducerScope, producer: { id: number; unitId: number }): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'producer') return scope.producerId === producer.id;
  return scope.unitIds.has(producer.unitId);
}

/** The statuses a verifier may move a producer to from each: verification can be withdrawn (suspended) and given back. */
export const PRODUCER_NEXT: Record<ProducerStatus, ProducerStatus[]> = {
  pending: ['verified'],
  verified: ['suspended'],
  suspended: ['verified'],
};

/** A producer's own account, as opposed to the department's staff. */
export const isProducerAccount = (actor: Actor): boolean => actor.kind === 'user' && actor.role === 'producer';
