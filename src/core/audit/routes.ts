import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { containsPattern, escapeLike } from '../../db/like.js';

const ZQuery = z.object({
  q: z.string().max(200).optional(),
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});

export function searchAudit(db: Db, f: z.infer<typeof ZQuery>) {
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
  return q;
}

const csvCell = (v: unknown) => {
  const s = v === null || v === undefined ? '' : v instanceof Date ? v.toISOString() : typeof v === 'object' ? JSON.stringify(v) : String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

export async function auditRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;

  app.get('/api/audit', { config: { access: { roles: ['admin'] } }, schema: { tags: ['audit'], querystring: ZQuery } }, async (request, reply) => {
    const f = request.query;
    const base = searchAudit(db, f);
    const total = await base.clearSelect().select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await base.orderBy('id', 'desc').limit(f.limit).offset(f.offset).execute();
    if (f.format === 'csv') {
      const columns = ['id', 'at', 'actor_kind', 'actor_name', 'action', 'entity', 'entity_id', 'before', 'after', 'ip', 'request_id'] as const;
      const lines = [columns.join(','), ...rows.map((r) => columns.map((c) => csvCell(r[c])).join(','))];
      reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="nhat-ky-he-thong.csv"');
      return `\uFEFF${lines.join('\r\n')}\r\n`;
    }
    return { items: rows, total: Number(total.n) };
  });
}
