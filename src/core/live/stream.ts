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
 * Streams write what reached them in one chunk every COALESCE_MS, not one write per event: at a few hundred events a
 * second to hundreds of streams, a write (a system call) per event per stream is what the processor spends its time
 * on. Streams that got the same events write the same bytes, encoded once per flush.
 */
const COALESCE_MS = 25;
const due = new Set<() => void>();
let flushTimer: NodeJS.Timeout | undefined;
let encoded = new Map<string, Buffer>();
function scheduleFlush(flush: () => void): void {
  due.add(flush);
  flushTimer ??= setTimeout(() => {
    flushTimer = undefined;
    const flushes = [...due];
    due.clear();
    for (const f of flushes) f();
    encoded = new Map();
  }, COALESCE_MS);
}
/** The bytes of a run of events; the key is their objects' identity, held by the first event (one per hub). */
const runKeys = new WeakMap<LiveEvent, string>();
let runCounter = 0;
function chunkOf(events: LiveEvent[]): Buffer {
  let hubKey = runKeys.get(events[0]!);
  if (hubKey === undefined) runKeys.set(events[0]!, (hubKey = String(++runCounter)));
  const key = `${hubKey}:${events.map((e) => e.id).join(',')}`;
  let bytes = encoded.get(key);
  if (!bytes) encoded.set(key, (bytes = Buffer.from(events.map(frame).join(''))));
  return bytes;
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
  let pending: LiveEvent[] = [];
  const flush = () => {
    const events = pending;
    pending = [];
    if (!open || events.length === 0) return;
    raw.write(chunkOf(events));
    if (raw.writableLength > MAX_BUFFERED_BYTES) close();
  };
  const send = (event: LiveEvent) => {
    if (!open || event.id <= sentUpTo) return;
    sentUpTo = event.id;
    if (!reaches(event, audience)) return;
    if (pending.push(event) === 1) scheduleFlush(flush);
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
