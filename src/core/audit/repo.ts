import type { Db } from '../../db/database.js';
import { containsPattern, escapeLike } from '../../db/like.js';
import type { AuditQuery } from './schema.js';

/** The audit rows matching a search, newest first, with how many match in all. */
export async function searchAudit(db: Db, f: AuditQuery) {
  let q = db.selectFrom('audit_log').selectAll();
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.entityId) q = q.where('entity_id', '=', f.entityId);
  if (f.actor) q = q.where('actor_name', '=', f.actor);
  if (f.action) q = q.where('action', 'like', `${escapeLike(f.action)}%`);
  if (f.from) q = q.where('at', '>=', f.from);
  if (f.to) q = q.where('at', '<=', f.to);
  if (f.q) {
    const like = containsPattern(f.q);
    q = q.where((eb) => eb.or([eb('action', 'ilike', like), eb('actor_name', 'ilike', like), eb(eb.cast('before', 'text'), 'ilike', like), eb(eb.cast('after', 'text'), 'ilike', like)]));
  }
  const total = await q.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const items = await q.orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
  return { items, total: Number(total.n) };
}
