import type { FastifyReply } from 'fastify';
import { REPLAY_LIMIT, type LiveHub } from './hub.js';
import { reaches, type Audience } from './policy.js';
import type { LiveEvent } from './schema.js';

const HEARTBEAT_MS = 15_000;
/** A stream is closed after this long, and the browser reconnects with its last id: its access is checked again. */
const MAX_STREAM_MS = 30 * 60_000;
/** A client that reads slower than this much is cut off; it reconnects and replays from its last id. */
const MAX_BUFFERED_BYTES = 1024 * 1024;

/** An event's frame, made once however many streams send it (a hub hands every stream the same event object). */
const frames = new WeakMap<LiveEvent, string>();
function frame(event: LiveEvent): string {
  let text = frames.get(event);
  if (text === undefined) frames.set(event, (text = `id: ${event.id}\nevent: ${event.topic}\ndata: ${JSON.stringify({ id: event.id, at: event.at, ...event.payload })}\n\n`));
  return text;
}

/**
 * Serves one text/event-stream: the events after the client's last id (from the table), then the live ones, each
 * once and in order, filtered for the audience. Live events that arrive during the replay wait for it.
 */
export async function serveStream(hub: LiveHub, reply: FastifyReply, audience: Audience, lastEventId: number | undefined): Promise<void> {
  const raw = reply.raw;
  let sentUpTo = lastEventId ?? hub.position;
  let queued: LiveEvent[] | null = [];
  let open = true;
  const send = (event: LiveEvent) => {
    if (!open || event.id <= sentUpTo) return;
    sentUpTo = event.id;
    if (!reaches(event, audience)) return;
    raw.write(frame(event));
    if (raw.writableLength > MAX_BUFFERED_BYTES) close();
  };
  const unsubscribe = hub.subscribe((event) => (queued ? queued.push(event) : send(event)));
  const heartbeat = setInterval(() => raw.write(': ping\n\n'), HEARTBEAT_MS);
  const limit = setTimeout(() => close(), MAX_STREAM_MS);
  function close() {
    if (!open) return;
    open = false;
    unsubscribe();
    clearInterval(heartbeat);
    clearTimeout(limit);
    raw.end();
  }
  raw.on('close', close);

  reply.hijack();
  raw.writeHead(200, {
    'content-type': 'text/event-stream; charset=utf-8',
    'cache-control': 'no-cache, no-transform',
    'x-accel-buffering': 'no',
    connection: 'keep-alive',
  });
  raw.write('retry: 2000\n\n');
  if (lastEventId !== undefined) {
    const missed = await hub.eventsAfter(lastEventId);
    // Too far behind to replay: the client reloads what it shows, then follows from now.
    if (missed.length === REPLAY_LIMIT) {
      sentUpTo = hub.position;
      raw.write(`id: ${sentUpTo}\nevent: reset\ndata: {}\n\n`);
    } else {
      for (const event of missed) send(event);
    }
  }
  const waiting = queued;
  queued = null;
  for (const event of waiting) send(event);
}
