import { figuresVersion } from '../../core/data/index.js';
import type { Db } from '../../db/database.js';
import { ZScorecard } from './schema.js';
import { scorecard } from './service.js';

// A scorecard reads hundreds of figures; leaders' screens ask for the same few again and again. Each process keeps
// the answers it computed, as JSON text, under the version of the figures they were computed from (checked with
// every request, so a value written through any process is seen at once), and computes each only once however many
// ask at the same moment.

const MAX_ENTRIES = 200;

interface Entry { version: string; value: Promise<unknown>; text: Promise<string> }

class ScorecardCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly db: Db) {}

  /** The answer for a key (what was asked, and the day) as JSON text, computed by `compute` unless the figures are unchanged. */
  async json(key: string, compute: () => Promise<unknown>): Promise<string> {
    return (await this.entry(key, compute)).text;
  }

  /** The same answer as an object, for a screen that puts it beside others (the IOC's overview). */
  async value<T>(key: string, compute: () => Promise<T>): Promise<T> {
    return (await this.entry(key, compute)).value as Promise<T>;
  }

  private async entry(key: string, compute: () => Promise<unknown>): Promise<Entry> {
    const version = await figuresVersion(this.db);
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit;
    const value = compute();
    const entry = { version, value, text: value.then((answer) => JSON.stringify(answer)) };
    this.entries.delete(key);
    this.entries.set(key, entry);
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    // A failure is answered to whoever asked, and not kept.
    entry.text.catch(() => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    });
    return entry;
  }
}

const caches = new WeakMap<Db, ScorecardCache>();

/** One cache per database handle, shared by the routes of the process. */
export function scorecardCacheFor(db: Db): ScorecardCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ScorecardCache(db)));
  return cache;
}

export const scorecardKey = (framework: string, unitId: number, asOf: string) => `card|${framework}|${unitId}|${asOf}`;

/** The scorecard as its route answers it, from the process's cache: the route and the IOC's overview share one entry. */
export function cachedScorecard(db: Db, options: { framework: string; unitId: number; asOf: string }) {
  const { framework, unitId, asOf } = options;
  return scorecardCacheFor(db).value(scorecardKey(framework, unitId, asOf), async () => ZScorecard.parse(await scorecard(db, options)));
}
