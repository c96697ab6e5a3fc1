import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sendDownload } from '../../../server/replies.js';
import { errorBody, requestLocale } from '../../../server/errors.js';
import { fromDhis2Period, toDhis2Period } from '../periods/index.js';
import { dataValuesToCsv, dataValuesToXlsx, exportDataValues } from './formats.js';
import { dataSetElements } from './data-sets.js';
import { getImportJob, settleImports } from './import-jobs.js';
import { EXCHANGE_POLICY } from './policy.js';
import { ZAcceptedImport, ZExported, ZExportQuery, ZImportJob, ZImportParams, ZImportQuery, ZImportSummary, ZRefusedImport } from './schema.js';
import { importDataValueSet, XLSX_TYPE } from './use-cases/import-data-value-set.js';

/** /api/dataValueSets and /api/imports: DHIS2's exchange of values, in and out. */
export async function exchangeRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const tags = ['data'];

  // CSV is streamed straight into the importer, so a file of millions of rows never sits in memory; XLSX as bytes.
  app.addContentTypeParser(['application/csv', 'text/csv'], (_req, payload, done) => done(null, payload));
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: 100 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.post('/api/dataValueSets', {
    config: { access: EXCHANGE_POLICY.write },
    bodyLimit: 200 * 1024 * 1024,
    schema: { tags, querystring: ZImportQuery, response: { 200: ZImportSummary, 202: ZAcceptedImport, 409: ZRefusedImport } },
  }, async (request, reply) => {
    const contentType = String(request.headers['content-type'] ?? '');
    const outcome = await importDataValueSet({
      db, actor: request.user!, contentType, body: request.body, query: request.query, request, workbookLimits: app.ctx.config.workbook,
    });
    if ('job' in outcome) return reply.status(202).send({ id: outcome.job, status: 'running', url: `/api/imports/${outcome.job}` });
    const { summary } = outcome;
    if (summary.status !== 'ERROR') return summary;
    const bad = new Set(summary.conflicts.flatMap((c) => c.indexes)).size;
    return reply.status(409).send({ ...summary, ...errorBody('import_conflicts', requestLocale(request), { count: bad }) });
  });

  app.get('/api/imports/:id', {
    config: { access: EXCHANGE_POLICY.write }, schema: { tags, params: ZImportParams, response: { 200: ZImportJob } },
  }, async (request) => getImportJob(db, request.user!, request.params.id));
  app.addHook('onClose', settleImports);

  app.get('/api/dataValueSets', {
    config: { access: EXCHANGE_POLICY.read }, schema: { tags, querystring: ZExportQuery, response: { 200: ZExported } },
  }, async (request, reply) => {
    const q = request.query;
    const sets = await Promise.all((q.dataSet ?? []).map((code) => dataSetElements(db, code)));
    const dataElement = [...new Set([...(q.dataElement ?? []), ...sets.flatMap((s) => [...s])])];
    const stored = await exportDataValues(db, request.user!, {
      dataElement, period: (q.period ?? []).map(fromDhis2Period), startDate: q.startDate, endDate: q.endDate, orgUnit: q.orgUnit,
      children: q.children === 'true', includeDeleted: q.includeDeleted === 'true', lastUpdated: q.lastUpdated, limit: q.limit,
    });
    const values = stored.map((v) => ({ ...v, period: toDhis2Period(v.period) }));
    const accept = String(request.headers.accept ?? '');
    const format = q.format ?? (/csv/.test(accept) ? 'csv' : accept.includes('spreadsheetml') ? 'xlsx' : 'json');
    if (format === 'csv') return sendDownload(reply, { type: 'application/csv; charset=utf-8', name: 'dataValueSets.csv', body: dataValuesToCsv(values) });
    if (format === 'xlsx') return sendDownload(reply, { type: XLSX_TYPE, name: 'dataValueSets.xlsx', body: await dataValuesToXlsx(values) });
    return { dataValues: values };
  });
}
