import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import { outOfScope } from '../../server/errors.js';
import type { Actor } from './actor.js';

/**
 * The units an actor works for: null means every unit (administrators, leaders, the platform, an unscoped token).
 * An officer or reviewer works for its own unit and every unit below it, in every period (parent links are
 * time-consistent, so a 2024 district officer keeps its 2024 communes but not their 2025 successors).
 */
export async function scopeUnitIds(db: Db, actor: Actor): Promise<Set<number> | null> {
  const root = rootUnitOf(actor);
  if (root === null) return null;
  const rows = await sql<{ id: number }>`
    WITH RECURSIVE below AS (
      SELECT id FROM org_unit WHERE id = ${root}
      UNION ALL
      SELECT u.id FROM org_unit u JOIN below b ON u.parent_id = b.id
    ) SELECT id FROM below`.execute(db);
  return new Set(rows.rows.map((r) => r.id));
}

function rootUnitOf(actor: Actor): number | null {
  if (actor.kind === 'user') return actor.role === 'admin' || actor.role === 'leader' ? null : actor.orgUnitId;
  if (actor.kind === 'token') return actor.orgUnitId;
  return null;
}

export async function assertUnitInScope(db: Db, actor: Actor, unitId: number, field?: string): Promise<void> {
  const scope = await scopeUnitIds(db, actor);
  if (scope && !scope.has(unitId)) throw outOfScope(field);
}
