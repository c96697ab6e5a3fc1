import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS, scopeUnitIds } from '../../core/access/index.js';
import { AppError } from '../../server/errors.js';
import { vnDate, loadWorkingCalendar } from '../../core/calendar/index.js';
import { periodContaining, dueDate, type DeadlineRule } from './periods.js';
import { ZRegime, currentForm, expectedUnits, regimeByCode, regimePeriod, saveRegime } from './regimes.js';
import { remindNow } from './reminders.js';
import { readReportWorkbook, reportWorkbook } from './xlsx.js';
import { PACKETS, qcvn125Message } from './qcvn125.js';
import { attachFiles, removeAttachment } from './attachments.js';
import { readReportCsv, reportCsv } from './csv.js';
import { readMultipart } from '../../server/multipart.js';
import { recordAudit } from '../../core/audit/index.js';
import { ZDraft, actOnReport, completeness, completenessHistory, consolidated, openReport, reportView, saveDraft, waitingReports } from './reports.js';

const ZId = z.object({ id: z.coerce.number().int().positive() });
const ZPeriodCode = z.string().regex(/^\d{4}(M(0[1-9]|1[0-2])|Q[1-4]|S[12])?$/);
/** Units submit through the web or, with an API token of scope "reports" bound to their unit, from their own software. */
const submitters = { roles: ['admin', 'officer', 'reviewer'] as ('admin' | 'officer' | 'reviewer')[], tokenScopes: ['reports'] };
const readers = ACCESS.readers(['reports']);

export async function reportingRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;

  app.get('/api/reporting/regimes', { config: { access: readers }, schema: { tags: ['reporting'] } }, async () => {
    const rows = await db.selectFrom('report_regime as g').leftJoin('org_unit as u', 'u.id', 'g.receiving_unit_id')
      .select(['g.code', 'g.name_vi as nameVi', 'g.name_en as nameEn', 'g.kind', 'g.frequency', 'g.period_basis as basis', 'g.reporting_level as reportingLevel',
        'g.deadline_rule as deadline', 'g.electronic', 'g.demo', 'g.active', 'u.name as receivingUnit', 'g.legal_basis as legalBasis'])
      .orderBy('g.code').execute();
    return rows;
  });

  app.get('/api/reporting/regimes/:code', { config: { access: readers }, schema: { tags: ['reporting'], params: z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/) }) } }, async (request) => {
    const regime = await regimeByCode(db, request.params.code);
    const form = await currentForm(db, regime.id);
    return { ...regime, form };
  });

  app.put('/api/reporting/regimes/:code', {
    config: { access: ACCESS.admins },
    schema: { tags: ['reporting'], params: z.object({ code: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/) }), body: ZRegime },
  }, async (request) => {
    if (request.body.code !== request.params.code) throw new AppError('code_mismatch', {}, 'code');
    return saveRegime(db, request.user!, request.body, { request });
  });

  /** What a unit has to report: for each regime it reports under, the period just closed and the one running. */
  app.get('/api/reporting/due', {
    config: { access: readers },
    schema: { tags: ['reporting'], querystring: z.object({ unitId: z.coerce.number().int().positive().optional() }) },
  }, async (request) => {
    const actor = request.user!;
    const unitId = request.query.unitId ?? (actor.kind === 'user' ? actor.orgUnitId : actor.kind === 'token' ? actor.orgUnitId : null);
    if (!unitId) return [];
    const scope = await scopeUnitIds(db, actor);
    if (scope && !scope.has(unitId)) throw new AppError('out_of_scope', {}, 'unitId');
    const today = vnDate(now());
    const calendar = await loadWorkingCalendar(db);
    const regimes = await db.selectFrom('report_regime').selectAll().where('active', '=', true).orderBy('code').execute();
    const out = [];
    for (const regime of regimes) {
      const running = periodContaining(regime.frequency, today, regime.period_basis);
      const previous = periodContaining(regime.frequency, new Date(Date.parse(`${running.start}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10), regime.period_basis);
      for (const period of [previous, running]) {
        if (!(await expectedUnits(db, regime, period)).some((u) => u.id === unitId)) continue;
        const report = await db.selectFrom('report').select(['id', 'state', 'submitted_at as submittedAt']).where('regime_id', '=', regime.id).where('org_unit_id', '=', unitId).where('period', '=', period.code).executeTakeFirst();
        out.push({
          regime: regime.code, nameVi: regime.name_vi, nameEn: regime.name_en, demo: regime.demo, period: period.code, start: period.start, end: period.end,
          dueDate: dueDate(period, regime.deadline_rule as unknown as DeadlineRule, calendar), reportId: report?.id ?? null, state: report?.state ?? null, submittedAt: report?.submittedAt ?? null,
        });
      }
    }
    return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate));
  });

  /** The reviewer's queue: submitted reports whose next approver is the reviewer's unit (every unit for administrators). */
  app.get('/api/reporting/queue', { config: { access: ACCESS.officers }, schema: { tags: ['reporting'] } }, async (request) => {
    const actor = request.user!;
    const mine = actor.kind === 'user' && actor.role !== 'admin' ? actor.orgUnitId : null;
    return (await waitingReports(db)).filter((r) => mine === null || r.next === mine);
  });

  /** One-click reminders to the units whose report is late or missing (all of them, or those given). */
  app.post('/api/reporting/remind', {
    config: { access: ACCESS.officers },
    schema: { tags: ['reporting'], body: z.object({ regime: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/), period: ZPeriodCode, unitIds: z.array(z.number().int().positive()).max(2000).optional() }).strict() },
  }, async (request) => {
    const regime = await regimeByCode(db, request.body.regime);
    const scope = await scopeUnitIds(db, request.user!);
    const unitIds = request.body.unitIds ?? (scope ? [...scope] : undefined);
    if (scope && request.body.unitIds?.some((u) => !scope.has(u))) throw new AppError('out_of_scope', {}, 'unitIds');
    const result = await remindNow(db, request.user!, regime, regimePeriod(regime, request.body.period), unitIds, now());
    await recordAudit(db, request.user!, { action: 'report.remind', entity: 'report_regime', entityId: regime.id, after: { ...request.body, ...result } }, request);
    return result;
  });

  app.post('/api/reporting/reports', {
    config: { access: submitters },
    schema: { tags: ['reporting'], body: z.object({ regime: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/), unitId: z.number().int().positive(), period: ZPeriodCode }).strict() },
  }, async (request) => {
    const id = await openReport(db, request.user!, request.body, now(), request);
    return reportView(db, request.user!, id);
  });

  app.get('/api/reporting/reports/:id', { config: { access: readers }, schema: { tags: ['reporting'], params: ZId } }, async (request) => reportView(db, request.user!, request.params.id));

  app.put('/api/reporting/reports/:id', { config: { access: submitters }, schema: { tags: ['reporting'], params: ZId, body: ZDraft } },
    async (request) => saveDraft(db, request.user!, request.params.id, request.body, now()));

  app.get('/api/reporting/reports/:id/xlsx', { config: { access: readers }, schema: { tags: ['reporting'], params: ZId } }, async (request, reply) => {
    const r = await reportView(db, request.user!, request.params.id);
    const buffer = await reportWorkbook({
      id: r.id, regime: r.regime.nameVi, unit: r.unit.name, period: r.period.code, dueDate: r.dueDate, form: r.form.definition,
      elements: r.elements, cocs: r.cocs, values: r.values, narrative: r.narrative,
    });
    const name = `${r.regime.code}_${r.period.code}_${r.unit.id}.xlsx`;
    return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').header('content-disposition', `attachment; filename="${name}"`).send(buffer);
  });

  /** A filled workbook back: all or nothing, every bad cell named by its sheet and cell. */
  app.post('/api/reporting/reports/:id/xlsx', { config: { access: submitters }, schema: { tags: ['reporting'], params: ZId } }, async (request) => {
    const r = await reportView(db, request.user!, request.params.id);
    if (!request.isMultipart()) throw new AppError('unsupported_media_type');
    const { files } = await readMultipart(request, ['file']);
    if (files.length !== 1) throw new AppError('one_file_expected', { kind: '.xlsx', name: 'file' }, 'file');
    const read = await readReportWorkbook(files[0]!.data, r.id, r.form.definition);
    if (read.problems.length) {
      throw new AppError('workbook_invalid', { count: read.problems.length, first: `${read.problems[0]!.sheet}!${read.problems[0]!.cell}` }, 'file', { details: read.problems });
    }
    return saveDraft(db, request.user!, r.id, { values: read.values, narrative: read.narrative, revision: r.revision }, now(), 'upload');
  });

  app.addContentTypeParser(['text/csv', 'application/csv'], { parseAs: 'string', bodyLimit: 1024 * 1024 }, (_req, body, done) => done(null, body));

  app.get('/api/reporting/reports/:id/csv', { config: { access: readers }, schema: { tags: ['reporting'], params: ZId } }, async (request, reply) => {
    const r = await reportView(db, request.user!, request.params.id);
    const csv = reportCsv({ id: r.id, regime: r.regime.nameVi, unit: r.unit.name, period: r.period.code, dueDate: r.dueDate, form: r.form.definition, elements: r.elements, values: r.values, narrative: r.narrative });
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${r.regime.code}_${r.period.code}_${r.unit.id}.csv"`).send(csv);
  });

  /** The numbers of a report from CSV (text/csv body), all or nothing, every bad line named. */
  app.post('/api/reporting/reports/:id/csv', { config: { access: submitters }, schema: { tags: ['reporting'], params: ZId } }, async (request) => {
    const r = await reportView(db, request.user!, request.params.id);
    if (typeof request.body !== 'string') throw new AppError('unsupported_media_type');
    const read = readReportCsv(request.body, r.form.definition);
    if (read.problems.length) throw new AppError('workbook_invalid', { count: read.problems.length, first: read.problems[0]!.cell }, 'file', { details: read.problems });
    return saveDraft(db, request.user!, r.id, { values: read.values, narrative: {}, revision: r.revision }, now(), 'upload');
  });

  app.get('/api/reporting/reports/:id/attachments/:attachmentId', {
    config: { access: readers },
    schema: { tags: ['reporting'], params: ZId.extend({ attachmentId: z.coerce.number().int().positive() }) },
  }, async (request, reply) => {
    await reportView(db, request.user!, request.params.id);
    const a = await db.selectFrom('report_attachment').select(['file_name', 'content_type', 'content']).where('id', '=', request.params.attachmentId).where('report_id', '=', request.params.id).executeTakeFirst();
    if (!a) throw new AppError('not_found', {}, 'attachmentId');
    return reply.type(a.content_type).header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(a.file_name)}`).header('x-content-type-options', 'nosniff').send(a.content);
  });

  app.post('/api/reporting/reports/:id/attachments', { config: { access: submitters }, schema: { tags: ['reporting'], params: ZId, description: 'multipart/form-data, files in the field "file"' } }, async (request, reply) => {
    await reportView(db, request.user!, request.params.id);
    if (!request.isMultipart()) throw new AppError('unsupported_media_type');
    const { files } = await readMultipart(request, ['file']);
    if (!files.length) throw new AppError('file_required', { name: 'file' }, 'file');
    return reply.status(201).send(await attachFiles(db, request.user!, request.params.id, files, request));
  });

  app.delete('/api/reporting/reports/:id/attachments/:attachmentId', {
    config: { access: submitters },
    schema: { tags: ['reporting'], params: ZId.extend({ attachmentId: z.coerce.number().int().positive() }) },
  }, async (request, reply) => {
    await removeAttachment(db, request.user!, request.params.id, request.params.attachmentId, request);
    return reply.status(204).send();
  });

  app.post('/api/reporting/reports/:id/:action', {
    config: { access: submitters },
    schema: { tags: ['reporting'], params: ZId.extend({ action: z.enum(['submit', 'approve', 'return', 'unlock']) }), body: z.object({ note: z.string().trim().min(1).max(4000).optional() }).strict().default({}) },
  }, async (request) => actOnReport(db, request.user!, request.params.id, { action: request.params.action, note: request.body.note }, now(), request));

  app.get('/api/reporting/completeness', {
    config: { access: readers },
    schema: { tags: ['reporting'], querystring: z.object({ regime: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/), period: ZPeriodCode, unitId: z.coerce.number().int().positive().optional() }) },
  }, async (request) => completeness(db, request.user!, request.query, now()));

  app.get('/api/reporting/completeness/history', {
    config: { access: readers },
    schema: { tags: ['reporting'], querystring: z.object({ regime: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/), from: ZPeriodCode, to: ZPeriodCode }) },
  }, async (request) => completenessHistory(db, request.user!, request.query));

  /** Regimes, periods, forms, approved data and statuses as messages shaped after QCVN 125:2021 (docs/reporting-exchange.md). */
  app.get('/api/reporting/exchange/qcvn125', {
    config: { access: readers },
    schema: {
      tags: ['reporting'],
      querystring: z.object({ packet: z.enum(PACKETS), regime: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/).optional(), period: ZPeriodCode.optional(), year: z.coerce.number().int().min(2000).max(2100).optional() }),
    },
  }, async (request) => qcvn125Message(db, request.user!, request.query, now()));

  app.get('/api/reporting/consolidated', {
    config: { access: readers },
    schema: { tags: ['reporting'], querystring: z.object({ regime: z.string().regex(/^[A-Z][A-Z0-9_]{1,40}$/), period: ZPeriodCode, unitId: z.coerce.number().int().positive() }) },
  }, async (request) => consolidated(db, request.user!, request.query));
}
