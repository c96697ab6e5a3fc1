import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../../core/access/actor.js';
import { AppError } from '../../server/errors.js';
import { vnDate } from '../../core/calendar/working-days.js';
import { defaultUnitId, indicatorDetail, scorecard } from './service.js';

const readers = ACCESS.readers(['read', 'data-exchange']);
const ZQuery = z.object({ framework: z.enum(['NQ07', 'DTI']).default('NQ07'), unitId: z.coerce.number().int().positive().optional() });

/** The Resolution 07 scorecard and the DTI page: figures every signed-in user may read. */
export async function scorecardRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const unitFor = async (framework: string, unitId?: number) => {
    const id = unitId ?? (await defaultUnitId(db, framework, vnDate(now())));
    if (!id) throw new AppError('not_found', 404, {}, 'unitId');
    return id;
  };

  app.get('/api/scorecard', { config: { access: readers }, schema: { tags: ['scorecard'], querystring: ZQuery } }, async (request) =>
    scorecard(db, { framework: request.query.framework, unitId: await unitFor(request.query.framework, request.query.unitId), now: now() }));

  app.get('/api/scorecard/indicators/:code', {
    config: { access: readers },
    schema: { tags: ['scorecard'], params: z.object({ code: z.string().regex(/^[A-Z0-9_]{1,60}$/) }), querystring: ZQuery },
  }, async (request) =>
    indicatorDetail(db, { code: request.params.code, unitId: await unitFor(request.query.framework, request.query.unitId), now: now() }));
}
