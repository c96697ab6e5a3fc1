import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { provideDataSets } from '../../core/data/index.js';
import { AppError } from '../../server/errors.js';
import { completeness, completenessHistory, consolidated, reviewQueue } from './completeness.js';
import { regimeDataSetElements } from './data-sets.js';
import { REPORTING_POLICY } from './policy.js';
import { qcvn125Message } from './qcvn125.js';
import { listRegimes, regimeDetail, saveRegime } from './regimes.js';
import { remindUnits } from './reminders.js';
import { reportRoutes } from './report-routes.js';
import { dueReports } from './reports.js';
import {
  ZCodeParams, ZCompleteness, ZCompletenessQuery, ZConsolidated, ZConsolidatedQuery, ZDue, ZDueQuery, ZExchangeMessage, ZExchangeQuery, ZHistory, ZHistoryQuery,
  ZRegime, ZRegimeDetail, ZRegimeListItem, ZReminded, ZRemind, ZSavedRegime, ZWaiting,
} from './schema.js';

/** /api/reporting: regimes, what is due, the review queue, reminders, completeness and the exchange messages; then the reports. */
export async function reportingRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const tags = ['reporting'];
  const read = { access: REPORTING_POLICY.read };
  provideDataSets('reporting', regimeDataSetElements);

  app.get('/api/reporting/regimes', { config: read, schema: { tags, response: { 200: z.array(ZRegimeListItem) } } }, async () => listRegimes(db));

  app.get('/api/reporting/regimes/:code', { config: read, schema: { tags, params: ZCodeParams, response: { 200: ZRegimeDetail } } }, async (request) => regimeDetail(db, request.params.code));

  app.put('/api/reporting/regimes/:code', {
    config: { access: REPORTING_POLICY.configure },
    schema: { tags, params: ZCodeParams, body: ZRegime, response: { 200: ZSavedRegime } },
  }, async (request) => {
    if (request.body.code !== request.params.code) throw new AppError('code_mismatch', {}, 'code');
    return saveRegime(db, request.user!, request.body, { request, now: now() });
  });

  /** What a unit has to report: for each regime it reports under, the period just closed and the one running. */
  app.get('/api/reporting/due', { config: read, schema: { tags, querystring: ZDueQuery, response: { 200: ZDue } } },
    async (request) => dueReports({ db, actor: request.user!, unitId: request.query.unitId, now: now() }));

  /** The reviewer's queue: submitted reports whose next approver is the reviewer's unit (every unit for administrators). */
  app.get('/api/reporting/queue', { config: { access: REPORTING_POLICY.review }, schema: { tags, response: { 200: z.array(ZWaiting) } } }, async (request) => reviewQueue(db, request.user!));

  /** One-click reminders to the units whose report is late or missing (all of them, or those given). */
  app.post('/api/reporting/remind', { config: { access: REPORTING_POLICY.review }, schema: { tags, body: ZRemind, response: { 200: ZReminded } } },
    async (request) => remindUnits({ db, actor: request.user!, input: request.body, now: now(), request }));

  app.get('/api/reporting/completeness', {
    config: read,
    schema: { tags, description: 'Without a period: the latest period whose reports are due (the answer names it).', querystring: ZCompletenessQuery, response: { 200: ZCompleteness } },
  }, async (request) => completeness(db, request.user!, request.query, now()));

  app.get('/api/reporting/completeness/history', { config: read, schema: { tags, querystring: ZHistoryQuery, response: { 200: ZHistory } } },
    async (request) => completenessHistory(db, request.user!, request.query));

  /** Regimes, periods, forms, approved data and statuses as messages shaped after QCVN 125:2021 (docs/reporting-exchange.md). */
  app.get('/api/reporting/exchange/qcvn125', { config: read, schema: { tags, querystring: ZExchangeQuery, response: { 200: ZExchangeMessage } } },
    async (request) => qcvn125Message(db, request.user!, request.query, now()));

  app.get('/api/reporting/consolidated', { config: read, schema: { tags, querystring: ZConsolidatedQuery, response: { 200: ZConsolidated } } },
    async (request) => consolidated(db, request.user!, request.query));

  await reportRoutes(app);
}
