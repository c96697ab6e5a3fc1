import { ACCESS, type Access, type Actor } from '../access/index.js';
import type { LiveEvent, LiveTopic } from './schema.js';

/** Every signed-in person follows what they may see; a display token (scope "wall") follows what is not personal. */
export const LIVE_POLICY = {
  stream: ACCESS.readers(['wall']),
} as const satisfies Record<string, Access>;

/** Who receives a stream's events: the topics asked, the units in scope (null: all), the person (null: a screen). */
export interface Audience {
  topics: ReadonlySet<LiveTopic>;
  units: ReadonlySet<number> | null;
  userId: number | null;
}

export function audienceOf(actor: Actor, topics: readonly LiveTopic[], units: ReadonlySet<number> | null): Audience {
  return { topics: new Set(topics), units, userId: actor.kind === 'user' ? actor.id : null };
}

/**
 * Whether an event reaches an audience: a personal event only its people, any other event everyone whose units it
 * concerns (or everyone, when it names no unit).
 */
export function reaches(event: LiveEvent, audience: Audience): boolean {
  if (!audience.topics.has(event.topic)) return false;
  if (event.userIds) return audience.userId !== null && event.userIds.includes(audience.userId);
  if (!event.unitIds || audience.units === null) return true;
  return event.unitIds.some((u) => audience.units!.has(u));
}
