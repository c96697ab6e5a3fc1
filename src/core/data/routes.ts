import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS, assertUnitInScope, scopeUnitIds } from '../access/index.js';
import { AppError } from '../../server/errors.js';
import { Analytics } from './analytics.js';
import { ZCategoryCombo, ZDataElement, ZDataElementUpdate, createCategoryCombo, createDataElement, listCategoryCombos, updateDataElement } from './metadata.js';
import { ZFormulaCheck, ZIndicatorCreate, ZIndicatorUpdate, ZTargets, checkFormulas, createIndicator, indicatorWithTargets, setTargets, updateIndicator } from './indicators.js';
import { isPeriodCode, parsePeriod } from './periods.js';
import { assertNoProblems, writeValues } from './values.js';
import { dataValuesToCsv, dataValuesToXlsx, exportDataValues, parseDataValueXlsx, readDataValueCsv, type DataValueDto } from './exchange.js';
import { importValueRows } from './bulk-import.js';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { countBytes, getImportJob, settleImports, startImportJob } from './import-jobs.js';

async function* markDeleted(rows: AsyncIterable<DataValueDto> | DataValueDto[]): AsyncGenerator<DataValueDto> {
  for await (const row of rows) yield { ...row, deleted: true };
}

async function* removeAfter(rows: AsyncIterable<DataValueDto> | DataValueDto[], file: string): AsyncGenerator<DataValueDto> {
  try {
    yield* rows;
  } finally {
    fs.rmSync(file, { force: true });
  }
}
import { errorBody, requestLocale } from '../../server/errors.js';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ZRepeated = z.union([z.string().max(200), z.array(z.string().max(200)).max(10_000)]).transform((v) => (Array.isArray(v) ? v : [v]));
const ZDataValueSet = z.object({
  dataSet: z.string().max(100).optional(),
  completeDate: z.string().max(40).optional(),
  period: z.string().max(20).optional(),
  orgUnit: z.string().max(60).optional(),
  attributeOptionCombo: z.string().max(120).optional(),
  dataValues: z.array(z.object({
    dataElement: z.string().max(60),
    period: z.string().max(20).optional(),
    orgUnit: z.string().max(60).optional(),
    categoryOptionCombo: z.string().max(120).optional(),
    attributeOptionCombo: z.string().max(120).optional(),
    value: z.union([z.string().max(50_000), z.number(), z.boolean(), z.null()]).optional().transform((v) => (v === undefined || v === null ? null : String(v))),
    storedBy: z.string().max(100).optional(),
    lastUpdated: z.string().max(40).optional(),
    created: z.string().max(40).optional(),
    comment: z.string().max(2000).nullable().optional(),
    followup: z.boolean().optional(),
    deleted: z.boolean().optional(),
  })).max(1_000_000),
});

const everyone = ACCESS.readers(['read', 'data-exchange']);
const writers = ACCESS.writers(['data-exchange']);

const ZValue = z.object({
  element: z.string().min(1).max(60),
  orgUnitId: z.number().int().positive(),
  period: z.string().min(4).max(10),
  coc: z.string().min(1).max(120).optional(),
  value: z.union([z.string().max(50_000), z.number(), z.boolean(), z.null()]),
  comment: z.string().max(2000).nullable().optional(),
  followup: z.boolean().optional(),
}).strict();

export async function dataRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;

  app.get('/api/data-elements', { config: { access: everyone }, schema: { tags: ['data'] } }, async () => {
    const elements = await db.selectFrom('data_element as e')
      .innerJoin('category_combo as c', 'c.id', 'e.category_combo_id')
      .select(['e.code', 'e.name_vi as nameVi', 'e.name_en as nameEn', 'e.value_type as valueType', 'e.agg_units as aggUnits', 'e.agg_time as aggTime',
        'e.unit_of_measure as unit', 'e.period_types as periodTypes', 'c.code as categoryCombo', 'c.id as comboId'])
      .orderBy('e.code').execute();
    const cocs = await db.selectFrom('category_option_combo').select(['combo_id', 'code', 'name_vi as nameVi', 'name_en as nameEn']).orderBy('id').execute();
    return elements.map(({ comboId, ...e }) => ({ ...e, disaggregations: cocs.filter((c) => c.combo_id === comboId).map(({ combo_id: _, ...c }) => c) }));
  });

  app.get('/api/indicators', { config: { access: everyone }, schema: { tags: ['data'] } }, async () =>
    db.selectFrom('indicator').select(['code', 'name_vi as nameVi', 'name_en as nameEn', 'numerator', 'denominator', 'factor', 'pillar', 'direction', 'framework', 'unit_label as unitLabel', 'source'])
      .orderBy('framework').orderBy('pillar').orderBy('sort').execute());

  const admins = ACCESS.admins;
  const ZCodeParam = z.object({ code: z.string().regex(/^[A-Z0-9_]{1,60}$/) });
  app.get('/api/category-combos', { config: { access: everyone }, schema: { tags: ['data'] } }, async () => listCategoryCombos(db));
  app.get('/api/indicators/:code', {
    config: { access: everyone }, schema: { tags: ['data'], params: ZCodeParam, querystring: z.object({ orgUnitId: z.coerce.number().int().positive() }) },
  }, async (request) => indicatorWithTargets(db, request.params.code, request.query.orgUnitId));
  app.post('/api/indicators/check', { config: { access: admins }, schema: { tags: ['data'], body: ZFormulaCheck } }, async (request) => checkFormulas(db, request.body));
  app.patch('/api/data-elements/:code', {
    config: { access: admins }, schema: { tags: ['data'], params: ZCodeParam, body: ZDataElementUpdate },
  }, async (request) => updateDataElement(db, request.user!, request.params.code, request.body, request));
  app.post('/api/category-combos', { config: { access: admins }, schema: { tags: ['data'], body: ZCategoryCombo } }, async (request, reply) =>
    reply.status(201).send(await createCategoryCombo(db, request.user!, request.body, request)));
  app.post('/api/data-elements', { config: { access: admins }, schema: { tags: ['data'], body: ZDataElement } }, async (request, reply) =>
    reply.status(201).send(await createDataElement(db, request.user!, request.body, request)));
  app.post('/api/indicators', { config: { access: admins }, schema: { tags: ['data'], body: ZIndicatorCreate } }, async (request, reply) =>
    reply.status(201).send(await createIndicator(db, request.user!, request.body, request)));
  app.patch('/api/indicators/:code', {
    config: { access: admins }, schema: { tags: ['data'], params: z.object({ code: z.string().max(60) }), body: ZIndicatorUpdate },
  }, async (request) => updateIndicator(db, request.user!, request.params.code, request.body, request));
  app.put('/api/indicators/:code/targets', {
    config: { access: admins }, schema: { tags: ['data'], params: z.object({ code: z.string().max(60) }), body: ZTargets },
  }, async (request) => setTargets(db, request.user!, request.params.code, request.body, request));

  /** Values flagged for follow-up, within the caller's units, newest first. */
  app.get('/api/data-values/follow-up', {
    config: { access: everyone },
    schema: { tags: ['data'], querystring: z.object({ limit: z.coerce.number().int().min(1).max(1000).default(200) }) },
  }, async (request) => {
    const scope = await scopeUnitIds(db, request.user!);
    let q = db.selectFrom('data_value as v')
      .innerJoin('data_element as e', 'e.id', 'v.element_id')
      .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
      .innerJoin('category_option_combo as c', 'c.id', 'v.coc_id')
      .select(['v.id', 'e.code as element', 'e.name_vi as elementNameVi', 'e.name_en as elementNameEn', 'o.id as orgUnitId', 'o.code as orgUnitCode', 'o.name as orgUnitName',
        'v.period', 'c.code as coc', 'v.value', 'v.comment', 'v.stored_by as storedBy', 'v.updated_at as lastUpdated'])
      .where('v.followup', '=', true)
      .where('v.deleted', '=', false);
    if (scope) q = q.where('v.org_unit_id', 'in', [...scope]);
    return q.orderBy('v.updated_at', 'desc').limit(request.query.limit).execute();
  });

  app.get('/api/data-values', {
    config: { access: everyone },
    schema: { tags: ['data'], querystring: z.object({ element: z.string().max(60), orgUnitId: z.coerce.number().int().positive(), period: z.string().max(10).optional() }) },
  }, async (request) => {
    await assertUnitInScope(db, request.user!, request.query.orgUnitId, 'orgUnitId');
    let q = db.selectFrom('data_value as v')
      .innerJoin('data_element as e', 'e.id', 'v.element_id')
      .innerJoin('category_option_combo as c', 'c.id', 'v.coc_id')
      .select(['v.id', 'e.code as element', 'v.org_unit_id as orgUnitId', 'v.period', 'c.code as coc', 'v.value', 'v.comment', 'v.followup', 'v.stored_by as storedBy',
        'v.source_kind as sourceKind', 'v.source_ref as sourceRef', 'v.updated_at as lastUpdated'])
      .where('e.code', '=', request.query.element)
      .where('v.org_unit_id', '=', request.query.orgUnitId)
      .where('v.deleted', '=', false);
    if (request.query.period) q = q.where('v.period', '=', request.query.period);
    return q.orderBy('v.start_date').orderBy('c.code').execute();
  });

  app.get('/api/data-values/:id/history', {
    config: { access: everyone },
    schema: { tags: ['data'], params: z.object({ id: z.coerce.number().int().positive() }) },
  }, async (request) => {
    const value = await db.selectFrom('data_value').select(['id', 'org_unit_id']).where('id', '=', request.params.id).executeTakeFirst();
    if (!value) throw new AppError('not_found', {}, 'id');
    await assertUnitInScope(db, request.user!, value.org_unit_id, 'id');
    return db.selectFrom('data_value_history').selectAll().where('data_value_id', '=', value.id).orderBy('id').execute();
  });

  // DHIS2's exchange formats: CSV as text, XLSX as bytes; JSON is Fastify's own.
  // CSV is streamed straight into the importer, so a file of millions of rows never sits in memory.
  app.addContentTypeParser(['application/csv', 'text/csv'], (_req, payload, done) => done(null, payload));
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: 100 * 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.post('/api/dataValueSets', {
    config: { access: writers },
    bodyLimit: 200 * 1024 * 1024,
    schema: {
      tags: ['data'],
      querystring: z.object({
        dryRun: z.enum(['true', 'false']).default('false'),
        atomicMode: z.enum(['ALL', 'NONE']).default('ALL'),
        importStrategy: z.enum(['CREATE_AND_UPDATE', 'DELETE']).default('CREATE_AND_UPDATE'),
        async: z.enum(['true', 'false']).default('false'),
        idScheme: z.enum(['code', 'CODE']).optional(),
      }),
    },
  }, async (request, reply) => {
    const type = String(request.headers['content-type'] ?? '');
    let values: AsyncIterable<DataValueDto> | DataValueDto[];
    let sourceRef: string;
    if (type.startsWith(XLSX_TYPE)) {
      values = await parseDataValueXlsx(request.body as Buffer).catch(() => {
        throw new AppError('workbook_unreadable', {}, 'body');
      });
      sourceRef = 'dataValueSets.xlsx';
    } else if (/^(application|text)\/csv/.test(type)) {
      values = readDataValueCsv(request.body as Readable);
      sourceRef = 'dataValueSets.csv';
    } else {
      const set = ZDataValueSet.parse(request.body);
      values = set.dataValues.map((v) => ({ ...v, period: v.period ?? set.period ?? '', orgUnit: v.orgUnit ?? set.orgUnit ?? '' }));
      sourceRef = 'dataValueSets.json';
    }
    const q = request.query;
    const options = { dryRun: q.dryRun === 'true', atomicMode: q.atomicMode, sourceRef, request };
    if (q.async === 'true') {
      // The upload is spooled to a file first, so the answer can leave at once and the progress is told in bytes.
      let spooled: string | null = null;
      let bytesTotal: number | null = null;
      if (typeof (values as AsyncIterable<DataValueDto>)[Symbol.asyncIterator] === 'function' && !Array.isArray(values)) {
        spooled = path.join(os.tmpdir(), `tinhso-import-${crypto.randomUUID()}.csv`);
        await pipeline(request.body as Readable, fs.createWriteStream(spooled, { mode: 0o600 }));
        bytesTotal = fs.statSync(spooled).size;
      }
      const file = spooled;
      const id = await startImportJob(db, request.user!, {
        format: sourceRef.split('.').pop()!, bytesTotal, rowsTotal: Array.isArray(values) ? values.length : null,
        rows: (onBytes) => {
          const source = file ? readDataValueCsv(countBytes(fs.createReadStream(file), onBytes)) : values;
          const rows = q.importStrategy === 'DELETE' ? markDeleted(source) : source;
          return file ? removeAfter(rows, file) : rows;
        },
      }, { dryRun: options.dryRun, atomicMode: options.atomicMode, sourceRef });
      return reply.status(202).send({ id, status: 'running', url: `/api/imports/${id}` });
    }
    const rows = q.importStrategy === 'DELETE' ? markDeleted(values) : values;
    let summary;
    try {
      summary = await importValueRows(db, request.user!, rows, options);
    } catch (err) {
      if ((err as { code?: string }).code?.startsWith('CSV_')) throw new AppError('csv_unreadable', { line: (err as { lines?: number }).lines ?? '?', csvCode: (err as { code: string }).code, detail: (err as Error).message }, 'body');
      throw err;
    }
    if (summary.status !== 'ERROR') return summary;
    const bad = new Set(summary.conflicts.flatMap((c) => c.indexes)).size;
    return reply.status(409).send({ ...summary, ...errorBody('import_conflicts', requestLocale(request), { count: bad }) });
  });

  app.get('/api/imports/:id', {
    config: { access: writers },
    schema: { tags: ['data'], params: z.object({ id: z.string().max(40) }) },
  }, async (request) => getImportJob(db, request.user!, request.params.id));
  app.addHook('onClose', settleImports);

  app.get('/api/dataValueSets', {
    config: { access: everyone },
    schema: {
      tags: ['data'],
      querystring: z.object({
        dataElement: ZRepeated,
        period: ZRepeated.optional(),
        startDate: z.iso.date().optional(),
        endDate: z.iso.date().optional(),
        orgUnit: ZRepeated,
        children: z.enum(['true', 'false']).default('false'),
        includeDeleted: z.enum(['true', 'false']).default('false'),
        lastUpdated: z.coerce.date().optional(),
        limit: z.coerce.number().int().min(1).max(1_000_000).optional(),
        format: z.enum(['json', 'csv', 'xlsx']).optional(),
      }).refine((x) => (x.period?.length ?? 0) > 0 || (x.startDate && x.endDate) || x.lastUpdated, {
        message: 'give period, or startDate and endDate, or lastUpdated', path: ['period'],
      }),
    },
  }, async (request, reply) => {
    const q = request.query;
    const values = await exportDataValues(db, request.user!, {
      dataElement: q.dataElement, period: q.period ?? [], startDate: q.startDate, endDate: q.endDate, orgUnit: q.orgUnit,
      children: q.children === 'true', includeDeleted: q.includeDeleted === 'true', lastUpdated: q.lastUpdated, limit: q.limit,
    });
    const accept = String(request.headers.accept ?? '');
    const format = q.format ?? (/csv/.test(accept) ? 'csv' : accept.includes('spreadsheetml') ? 'xlsx' : 'json');
    if (format === 'csv') {
      return reply.type('application/csv; charset=utf-8').header('content-disposition', 'attachment; filename="dataValueSets.csv"').send(dataValuesToCsv(values));
    }
    if (format === 'xlsx') {
      return reply.type(XLSX_TYPE).header('content-disposition', 'attachment; filename="dataValueSets.xlsx"').send(await dataValuesToXlsx(values));
    }
    return { dataValues: values };
  });

  /** DHIS2-like analytics: one element or indicator, one unit, several periods. */
  app.get('/api/analytics', {
    config: { access: everyone },
    schema: {
      tags: ['data'],
      querystring: z.object({
        element: z.string().max(60).optional(),
        coc: z.string().max(120).optional(),
        indicator: z.string().max(60).optional(),
        orgUnitId: z.coerce.number().int().positive(),
        periods: z.string().max(2000).transform((s, ctx) => {
          const codes = s.split(/[;,]/).map((c) => c.trim()).filter(Boolean);
          const bad = codes.find((c) => !isPeriodCode(c));
          if (bad !== undefined || !codes.length) {
            ctx.addIssue({ code: 'custom', message: `not a period code: ${bad ?? '(none)'}` });
            return z.NEVER;
          }
          return codes.map((c) => parsePeriod(c));
        }),
      }).refine((q) => Boolean(q.element) !== Boolean(q.indicator), { message: 'give either element or indicator', path: ['element'] }),
    },
  }, async (request) => {
    const { element, coc, indicator, orgUnitId, periods } = request.query;
    const analytics = new Analytics(db);
    let values: (number | null)[];
    if (element) values = await analytics.elementSeries(element, orgUnitId, periods, coc);
    else {
      const definition = await db.selectFrom('indicator').select(['code', 'numerator', 'denominator', 'factor']).where('code', '=', indicator!).executeTakeFirst();
      if (!definition) throw new AppError('not_found', {}, 'indicator');
      values = await analytics.indicatorSeries(definition, orgUnitId, periods);
    }
    return periods.map((p, i) => ({ period: p.code, value: values[i] ?? null }));
  });

  /** Sets values (null deletes), all or nothing: a 400 lists every refused row. `dryRun` checks and counts only. */
  app.post('/api/data-values', {
    config: { access: writers },
    bodyLimit: 10 * 1024 * 1024,
    schema: { tags: ['data'], querystring: z.object({ dryRun: z.enum(['true', 'false']).default('false') }), body: z.object({ values: z.array(ZValue).min(1).max(50_000) }).strict() },
  }, async (request) => {
    const summary = await writeValues(db, request.user!, request.body.values, { kind: 'manual', ref: null }, { dryRun: request.query.dryRun === 'true', request });
    assertNoProblems(summary);
    return summary;
  });
}
