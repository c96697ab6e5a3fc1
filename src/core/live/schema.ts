import { z } from 'zod';

/** What a screen can follow: each topic names a kind of change, its payload the ids to refetch (never personal data). */
export const LIVE_TOPICS = ['alert', 'case', 'report', 'value', 'notification'] as const;
export type LiveTopic = (typeof LIVE_TOPICS)[number];

/** A change as it is published, in the transaction that makes it. */
export interface LiveInput {
  topic: LiveTopic;
  /** The units the change concerns; absent: every signed-in user may know of it. */
  unitIds?: number[] | null;
  /** A change for these users only (their notifications). */
  userIds?: number[] | null;
  /** Small: ids, codes and states for the screen to refetch what it shows (pg_notify carries at most 8000 bytes). */
  payload?: Record<string, unknown>;
}

export interface LiveEvent {
  id: number;
  at: string;
  topic: LiveTopic;
  unitIds: number[] | null;
  userIds: number[] | null;
  payload: Record<string, unknown>;
}

const topicList = z.string().max(200).transform((text) => text.split(',').map((t) => t.trim()).filter(Boolean)).pipe(z.array(z.enum(LIVE_TOPICS)));
const eventId = z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

export const ZLiveQuery = z.object({
  /** Comma-separated topics; all when absent. */
  topics: topicList.optional(),
  /** For clients that cannot send the Last-Event-ID header. */
  lastEventId: eventId.optional(),
});

export const ZLiveHeaders = z.object({ 'last-event-id': eventId.optional() }).passthrough();

/** The stream itself: text/event-stream, one `id:`/`event:`/`data:` block per change. */
export const ZLiveStream = z.string().describe('text/event-stream: events "alert", "case", "report", "value", "notification", and "reset" when the gap is too long to replay');
