import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { readAttachment, removeAttachment } from './attachments.js';
import { attachUploadedFiles, exportReportCsv, exportReportWorkbook, importReportCsv, importReportWorkbook } from './files.js';
import { REPORTING_POLICY } from './policy.js';
import { openReport, reportView, saveDraft } from './reports.js';
import {
  ZActed, ZActionBody, ZActionParams, ZAttached, ZAttachmentParams, ZDraft, ZFile, ZId, ZNoContent, ZOpenReport, ZReportView, ZSavedDraft,
} from './schema.js';
import { actOnReport } from './workflow.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** /api/reporting/reports: a unit's report, its files and the steps of its approval. */
export async function reportRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['reporting'];
  const read = { access: REPORTING_POLICY.read };
  const submit = { access: REPORTING_POLICY.submit };

  app.post('/api/reporting/reports', { config: submit, schema: { tags, body: ZOpenReport, response: { 200: ZReportView } } },
    async (request) => reportView(db, request.user!, await openReport(db, request.user!, request.body, now(), request)));

  app.get('/api/reporting/reports/:id', { config: read, schema: { tags, params: ZId, response: { 200: ZReportView } } }, async (request) => reportView(db, request.user!, request.params.id));

  app.put('/api/reporting/reports/:id', { config: submit, schema: { tags, params: ZId, body: ZDraft, response: { 200: ZSavedDraft } } },
    async (request) => saveDraft(db, request.user!, request.params.id, request.body, now()));

  app.get('/api/reporting/reports/:id/xlsx', { config: read, schema: { tags, params: ZId, response: { 200: ZFile } } }, async (request, reply) => {
    const file = await exportReportWorkbook({ db, actor: request.user!, id: request.params.id });
    return reply.type(XLSX).header('content-disposition', `attachment; filename="${file.name}"`).send(file.body);
  });

  /** A filled workbook back: all or nothing, every bad cell named by its sheet and cell. */
  app.post('/api/reporting/reports/:id/xlsx', { config: submit, schema: { tags, params: ZId, response: { 200: ZSavedDraft }, description: 'multipart/form-data, the workbook in the field "file"' } },
    async (request) => importReportWorkbook({ db, actor: request.user!, id: request.params.id, request, now: now(), limits: app.ctx.config.workbook }));

  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/api/reporting/reports/:id/csv', { config: read, schema: { tags, params: ZId, response: { 200: ZFile } } }, async (request, reply) => {
    const file = await exportReportCsv({ db, actor: request.user!, id: request.params.id });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${file.name}"`).send(file.body);
  });

  /** The numbers of a report from CSV (text/csv body), all or nothing, every bad line named. */
  app.post('/api/reporting/reports/:id/csv', { config: submit, schema: { tags, params: ZId, response: { 200: ZSavedDraft }, description: 'a text/csv body' } },
    async (request) => importReportCsv({ db, actor: request.user!, id: request.params.id, body: request.body, now: now() }));

  app.get('/api/reporting/reports/:id/attachments/:attachmentId', { config: read, schema: { tags, params: ZAttachmentParams, response: { 200: ZFile } } }, async (request, reply) => {
    await reportView(db, request.user!, request.params.id);
    const a = await readAttachment(db, request.params.id, request.params.attachmentId);
    return reply.type(a.content_type).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.file_name)}`).header('x-content-type-options', 'nosniff').send(a.content);
  });

  app.post('/api/reporting/reports/:id/attachments', { config: submit, schema: { tags, params: ZId, response: { 201: ZAttached }, description: 'multipart/form-data, files in the field "file"' } },
    async (request, reply) => reply.status(201).send(await attachUploadedFiles({ db, actor: request.user!, id: request.params.id, request })));

  app.delete('/api/reporting/reports/:id/attachments/:attachmentId', { config: submit, schema: { tags, params: ZAttachmentParams, response: { 204: ZNoContent } } }, async (request, reply) => {
    await removeAttachment(db, request.user!, request.params.id, request.params.attachmentId, request);
    return reply.status(204).send();
  });

  app.post('/api/reporting/reports/:id/:action', { config: submit, schema: { tags, params: ZActionParams, body: ZActionBody, response: { 200: ZActed } } },
    async (request) => actOnReport(db, request.user!, request.params.id, { action: request.params.action, note: request.body.note }, now(), request));
}
