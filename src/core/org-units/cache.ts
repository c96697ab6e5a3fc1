import type { Db } from '../../db/database.js';
import { whileUnwritten } from '../../db/while-unwritten.js';
import { listInForce, type UnitRow } from './repo.js';
import { UnitGraph } from './rollup.js';

export interface TreeNode extends UnitRow {
  children: TreeNode[];
}

interface Entry {
  version: string;
  units: UnitRow[];
  json: Map<string, string>;
}

const MAX_DATES = 64;
/** The tables whose writes (directly or through their triggers) move org_unit_version. */
const SOURCES = ['org_unit', 'org_unit_event', 'org_unit_event_unit', 'org_unit_version'] as const;
const unitsVersion = whileUnwritten(SOURCES, async (db) =>
  String((await db.selectFrom('org_unit_version').select('version').executeTakeFirst())?.version ?? 0));

/**
 * The hierarchy in force on a date, kept in memory per date and checked against the committed version number that
 * a trigger bumps on any change to the unit tables (migration 0002). One tiny query replaces reading every unit, and
 * a change made by any process is seen at once.
 */
export class UnitCache {
  private readonly entries = new Map<string, Entry>();
  private graphEntry?: { version: string; graph: UnitGraph };

  constructor(private readonly db: Db) {}

  /** The graph of units across time, reloaded only when the unit tables changed. */
  async graph(): Promise<UnitGraph> {
    const version = await this.version();
    if (this.graphEntry?.version !== version) this.graphEntry = { version, graph: await UnitGraph.load(this.db) };
    return this.graphEntry.graph;
  }

  /** The committed version; on the embedded database, remembered while no unit table was written (whileUnwritten). */
  private version(): Promise<string> {
    return unitsVersion(this.db);
  }

  private async entry(asOf: string): Promise<Entry> {
    const version = await this.version();
    const cached = this.entries.get(asOf);
    if (cached && cached.version === version) return cached;
    const fresh: Entry = { version, units: await listInForce(this.db, asOf), json: new Map() };
    this.entries.delete(asOf);
    this.entries.set(asOf, fresh);
    if (this.entries.size > MAX_DATES) this.entries.delete(this.entries.keys().next().value!);
    return fresh;
  }

  async inForce(asOf: string): Promise<UnitRow[]> {
    return (await this.entry(asOf)).units;
  }

  /** The whole list or tree as JSON text, serialised once per version and date. */
  async json(asOf: string, shape: 'list' | 'tree'): Promise<string> {
    const entry = await this.entry(asOf);
    let text = entry.json.get(shape);
    if (!text) {
      text = JSON.stringify(shape === 'list' ? entry.units : buildTree(entry.units));
      entry.json.set(shape, text);
    }
    return text;
  }
}

export function buildTree(units: UnitRow[]): TreeNode[] {
  const nodes = new Map<number, TreeNode>(units.map((u) => [u.id, { ...u, children: [] }]));
  const roots: TreeNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId === null ? undefined : nodes.get(node.parentId);
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}

const caches = new WeakMap<Db, UnitCache>();

/** One cache per database handle, shared by every module of the process. */
export function unitCacheFor(db: Db): UnitCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new UnitCache(db)));
  return cache;
}
