import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../server/errors.js';
import { assertUnitInScope } from '../../core/access/index.js';
import { actOnCase, extendCase, noteCase, ZActResult, ZCaseActionBody, ZExtendBody, ZExtendResult, ZNoteBody } from '../../core/cases/index.js';
import { citizenFeedbackRoutes } from './citizen-routes.js';
import { liveFeedbackFigures } from './live-figures.js';
import { readIntake, submitFeedback } from './intake.js';
import { caseForOfficer, duplicatesOf, listCases } from './officer.js';
import { FEEDBACK_POLICY } from './policy.js';
import { ZCaseListItem, ZCaseQuery, ZDuplicates, ZId, ZNoContent, ZOfficerCase, ZSubmitted } from './schema.js';

/** Citizens' routes, then /api/feedback/cases: the units' inbox, a case, and the steps of its handling. */
export async function feedbackRoutes(appBase: FastifyInstance): Promise<void> {
  await citizenFeedbackRoutes(appBase);
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  // The figures follow the cases as they are written, in every process (issue 13, point 7).
  const live = liveFeedbackFigures(db, now, (err) => app.log.warn({ err }, 'feedback figures not published'));
  app.addHook('onClose', () => live.close());
  const tags = ['feedback'];
  const { officers, readers } = FEEDBACK_POLICY;

  /** An operator enters a report for a caller (hotline, walk-in): the same checks, the operator on the timeline. */
  app.post('/api/feedback/operator', {
    config: { access: officers },
    schema: { tags, description: 'JSON, or multipart/form-data as the public intake (and its clientRef: 201 made, 200 made before).', response: { 201: ZSubmitted, 200: ZSubmitted } },
  }, async (request, reply) => {
    const { input, photos } = await readIntake(request);
    // An operator knows where the caller is: the province's triage is for partners' reports that come without a place.
    if (input.placeUnitId === undefined) throw new AppError('place_required', {}, 'placeUnitId');
    await assertUnitInScope(db, request.user!, input.placeUnitId, 'placeUnitId');
    const { created, ...submitted } = await submitFeedback({ db, actor: request.user!, input, photos, now: now(), request });
    return reply.status(created ? 201 : 200).send(submitted);
  });

  app.get('/api/feedback/cases', { config: { access: readers }, schema: { tags, querystring: ZCaseQuery, response: { 200: z.array(ZCaseListItem) } } },
    async (request) => listCases({ db, actor: request.user!, query: request.query, now: now() }));

  app.get('/api/feedback/cases/:id', { config: { access: readers }, schema: { tags, params: ZId, response: { 200: ZOfficerCase } } },
    async (request) => caseForOfficer({ db, actor: request.user!, id: request.params.id, request }));

  app.get('/api/feedback/cases/:id/duplicates', { config: { access: readers }, schema: { tags, params: ZId, response: { 200: ZDuplicates } } },
    async (request) => duplicatesOf({ db, actor: request.user!, id: request.params.id, now: now() }));

  app.post('/api/feedback/cases/:id/actions', { config: { access: officers }, schema: { tags, params: ZId, body: ZCaseActionBody, response: { 200: ZActResult } } },
    async (request) => actOnCase(db, request.user!, request.params.id, request.body, now(), request));

  app.post('/api/feedback/cases/:id/extend', { config: { access: officers }, schema: { tags, params: ZId, body: ZExtendBody, response: { 200: ZExtendResult } } },
    async (request) => extendCase(db, request.user!, request.params.id, request.body, now(), request));

  app.post('/api/feedback/cases/:id/notes', { config: { access: officers }, schema: { tags, params: ZId, body: ZNoteBody, response: { 204: ZNoContent } } }, async (request, reply) => {
    await noteCase(db, request.user!, request.params.id, request.body, now());
    return reply.status(204).send();
  });
}
