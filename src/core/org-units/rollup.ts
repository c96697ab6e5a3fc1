import type { Db } from '../../db/database.js';

interface Node {
  id: number;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
}

export interface Rollup {
  /** The date whose hierarchy is used: the period's end, moved into the unit's own validity. */
  asOf: string;
  /** Every unit whose values count toward the target, including units that ended and were merged into it. */
  contributors: number[];
  /** Contributors that stand for the target itself (the unit, its earlier versions, units merged into it). */
  own: number[];
}

const inForce = (n: Node, date: string) => (n.validFrom === null || n.validFrom <= date) && (n.validTo === null || n.validTo >= date);

/**
 * The administrative graph across time: parent links within each period and predecessor → successor links of the
 * reorganisations. It answers which units' data roll up into a unit on a date, so that values entered under a
 * commune merged in 2025 count for its successor, and a district's data stays with its 2024 hierarchy.
 */
export class UnitGraph {
  private readonly nodes = new Map<number, Node>();
  private readonly children = new Map<number, number[]>();
  private readonly successors = new Map<number, number[]>();
  private readonly predecessors = new Map<number, number[]>();
  private readonly memo = new Map<string, Rollup>();

  constructor(nodes: Node[], links: { from: number; to: number }[]) {
    for (const n of nodes) {
      this.nodes.set(n.id, n);
      if (n.parentId !== null) this.children.set(n.parentId, [...(this.children.get(n.parentId) ?? []), n.id]);
    }
    for (const { from, to } of links) {
      this.successors.set(from, [...(this.successors.get(from) ?? []), to]);
      this.predecessors.set(to, [...(this.predecessors.get(to) ?? []), from]);
    }
  }

  static async load(db: Db): Promise<UnitGraph> {
    const nodes = await db.selectFrom('org_unit').select(['id', 'parent_id as parentId', 'valid_from as validFrom', 'valid_to as validTo']).execute();
    const links = await db
      .selectFrom('org_unit_event_unit as p')
      .innerJoin('org_unit_event_unit as s', (j) => j.onRef('s.event_id', '=', 'p.event_id').on('s.role', '=', 'successor'))
      .where('p.role', '=', 'predecessor')
      .select(['p.unit_id as from', 's.unit_id as to'])
      .execute();
    return new UnitGraph(nodes, links);
  }

  node(id: number): Node | undefined {
    return this.nodes.get(id);
  }

  /**
   * The unit that stands for `id` on `date`: itself when in force; otherwise, forward through its successors (a
   * merged commune is represented by the new commune), or back through a single predecessor. A unit formed by
   * merging several cannot be split back into them, so it has no representative before it existed.
   */
  representative(id: number, date: string, seen = new Set<number>()): number | null {
    const node = this.nodes.get(id);
    if (!node || seen.has(id)) return null;
    seen.add(id);
    if (inForce(node, date)) return id;
    if (node.validTo !== null && node.validTo < date) {
      for (const next of this.successors.get(id) ?? []) {
        const rep = this.representative(next, date, seen);
        if (rep !== null) return rep;
      }
      return null;
    }
    const before = this.predecessors.get(id) ?? [];
    return before.length === 1 ? this.representative(before[0]!, date, seen) : null;
  }

  /** The unit and its descendants in force on a date. */
  subtree(id: number, date: string): Set<number> {
    const out = new Set<number>();
    const walk = (n: number) => {
      out.add(n);
      for (const c of this.children.get(n) ?? []) if (inForce(this.nodes.get(c)!, date)) walk(c);
    };
    walk(id);
    return out;
  }

  /** The units in force on `date` whose parent is the unit `id`. */
  childrenOn(id: number, date: string): number[] {
    return (this.children.get(id) ?? []).filter((c) => inForce(this.nodes.get(c)!, date));
  }

  rollup(unitId: number, periodEnd: string): Rollup {
    const node = this.nodes.get(unitId);
    if (!node) return { asOf: periodEnd, contributors: [], own: [] };
    let asOf = periodEnd;
    if (node.validTo !== null && asOf > node.validTo) asOf = node.validTo;
    if (node.validFrom !== null && asOf < node.validFrom) asOf = node.validFrom;
    const key = `${unitId}@${asOf}`;
    const cached = this.memo.get(key);
    if (cached) return cached;
    const tree = this.subtree(unitId, asOf);
    const contributors: number[] = [];
    const own: number[] = [];
    for (const id of this.nodes.keys()) {
      const rep = this.representative(id, asOf);
      if (rep === null || !tree.has(rep)) continue;
      contributors.push(id);
      if (rep === unitId) own.push(id);
    }
    const result = { asOf, contributors, own };
    this.memo.set(key, result);
    return result;
  }
}
