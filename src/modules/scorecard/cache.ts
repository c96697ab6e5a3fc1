import { figuresVersion } from '../../core/data/index.js';
import type { Db } from '../../db/database.js';

// A scorecard reads hundreds of figures; leaders' screens ask for the same few again and again. Each process keeps
// the answers it computed, as JSON text, under the version of the figures they were computed from (checked with
// every request, so a value written through any process is seen at once), and computes each only once however many
// ask at the same moment.

const MAX_ENTRIES = 200;

interface Entry { version: string; text: Promise<string> }

class ScorecardCache {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly db: Db) {}

  /** The answer for a key (what was asked, and the day), computed by `compute` unless the figures are unchanged. */
  async json(key: string, compute: () => Promise<unknown>): Promise<string> {
    const version = await figuresVersion(this.db);
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.text;
    const text = compute().then((answer) => JSON.stringify(answer));
    this.entries.delete(key);
    this.entries.set(key, { version, text });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
    // A failure is answered to whoever asked, and not kept.
    text.catch(() => {
      if (this.entries.get(key)?.text === text) this.entries.delete(key);
    });
    return text;
  }
}

const caches = new WeakMap<Db, ScorecardCache>();

/** One cache per database handle, shared by the routes of the process. */
export function scorecardCacheFor(db: Db): ScorecardCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new ScorecardCache(db)));
  return cache;
}
