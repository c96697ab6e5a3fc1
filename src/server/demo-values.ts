import type { Db } from '../db/database.js';
import { SYSTEM } from '../core/access/index.js';
import { writeValues } from '../core/data/index.js';
import { listInForce } from '../core/org-units/index.js';

/** A small deterministic generator (mulberry32), so every demo database shows the same figures. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Demo only: synthetic commune figures for 2023 (work files processed online at commune level, around the province's
 * published 76.28%), so that a newcomer can drill down from the province to districts and communes. They are
 * stored with source 'seed' and reference 'demo'; the province keeps its own published figure.
 */
export async function loadDemoValues(db: Db): Promise<number> {
  const next = random(94);
  const communes = await listInForce(db, '2023-12-31', { level: 'commune' });
  const summary = await writeValues(
    db,
    SYSTEM,
    communes.map((c) => ({
      element: 'WORKFILES_ONLINE_COMMUNE_PCT', orgUnitId: c.id, period: '2023',
      value: Math.round((60 + next() * 35) * 100) / 100, comment: 'Dữ liệu mẫu / demo data',
    })),
    { kind: 'seed', ref: 'demo' },
  );
  if (summary.problems.length) throw new Error(`demo values: ${JSON.stringify(summary.problems.slice(0, 3))}`);
  return summary.imported;
}
