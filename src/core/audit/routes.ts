import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendDownload } from '../../server/replies.js';
import { auditCsv } from './export.js';
import { AUDIT_POLICY } from './policy.js';
import { searchAudit } from './repo.js';
import { ZAuditPage, ZAuditQuery } from './schema.js';

export async function auditRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;

  app.get('/api/audit', {
    config: { access: AUDIT_POLICY.read }, schema: { tags: ['audit'], querystring: ZAuditQuery, response: { 200: ZAuditPage } },
  }, async (request, reply) => {
    const page = await searchAudit(db, request.query);
    if (request.query.format === 'csv') return sendDownload(reply, { type: 'text/csv; charset=utf-8', name: 'nhat-ky-he-thong.csv', body: auditCsv(page.items) });
    return page;
  });
}
