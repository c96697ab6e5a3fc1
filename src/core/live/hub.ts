import { listenChannel, type Db } from '../../db/database.js';
import { lastLiveEventId, liveChannelName, liveEventsAfter } from './repo.js';
import type { LiveEvent } from './schema.js';

export type LiveListener = (event: LiveEvent) => void;

/** Events read at once when catching up; a client further behind is told to reload instead (event "reset"). */
export const REPLAY_LIMIT = 2000;

/**
 * One process's end of the live stream: it listens to the database's channel and hands each committed event, once
 * and in id order, to the listeners of this process (the SSE streams, the rule engine). After a lost link it reads
 * from the table what it missed, so a database restart loses nothing.
 */
export class LiveHub {
  private readonly listeners = new Set<LiveListener>();
  private lastId = 0;
  private catchingUp: Promise<void> | undefined;
  /** A notification came while catching up: read once more after the current read. */
  private again = false;
  private stop: (() => Promise<void>) | undefined;

  constructor(private readonly db: Db) {}

  async start(): Promise<void> {
    const channel = await liveChannelName(this.db);
    this.lastId = await lastLiveEventId(this.db);
    this.stop = await listenChannel(this.db, channel, {
      onPayload: (text) => this.received(text),
      onRejoin: () => void this.catchUp(),
    });
    // What committed between reading the last id and listening.
    await this.catchUp();
  }

  /** The id of the last event handed out: a new stream replays from the client's id up to it, then follows. */
  get position(): number {
    return this.lastId;
  }

  subscribe(listener: LiveListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Committed events after an id, for a client that reconnects with Last-Event-ID. */
  eventsAfter(id: number, limit = REPLAY_LIMIT): Promise<LiveEvent[]> {
    return liveEventsAfter(this.db, id, limit);
  }

  async close(): Promise<void> {
    this.listeners.clear();
    await this.stop?.();
  }

  private received(text: string): void {
    let event: Partial<LiveEvent>;
    try {
      event = JSON.parse(text) as Partial<LiveEvent>;
    } catch {
      return;
    }
    if (typeof event.id !== 'number') return;
    // A large event came by its id alone, or an id was skipped (a notification lost): read from the table.
    if (!event.topic || event.id > this.lastId + 1 || this.catchingUp) {
      void this.catchUp();
      return;
    }
    this.deliver({ ...(event as LiveEvent), at: new Date(event.at!).toISOString() });
  }

  private catchUp(): Promise<void> {
    this.again = true;
    this.catchingUp ??= (async () => {
      try {
        while (this.again) {
          this.again = false;
          let missed: LiveEvent[];
          do {
            missed = await this.eventsAfter(this.lastId);
            for (const event of missed) this.deliver(event);
          } while (missed.length === REPLAY_LIMIT);
        }
      } catch {
        // The database is away: the next notification or rejoin catches up.
      } finally {
        this.catchingUp = undefined;
      }
    })();
    return this.catchingUp;
  }

  private deliver(event: LiveEvent): void {
    if (event.id <= this.lastId) return;
    this.lastId = event.id;
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One listener's fault (a closed socket) does not stop the others.
      }
    }
  }
}

const hubs = new WeakMap<Db, Promise<LiveHub>>();

/** The process's hub for a database, started on first use. */
export function liveHub(db: Db): Promise<LiveHub> {
  let hub = hubs.get(db);
  if (!hub) {
    const created = new LiveHub(db);
    hub = created.start().then(() => created);
    hub.catch(() => hubs.delete(db));
    hubs.set(db, hub);
  }
  return hub;
}
