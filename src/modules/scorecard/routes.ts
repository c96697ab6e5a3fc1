import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../../core/access/index.js';
import { AppError } from '../../server/errors.js';
import { vnDate } from '../../core/calendar/index.js';
import { requestLocale } from '../../server/errors.js';
import { scorecardCsv, scorecardPdf, scorecardXlsx } from './export.js';
import { defaultUnitId, indicatorDetail, scorecard } from './service.js';

const readers = ACCESS.readers(['read', 'data-exchange']);
const ZQuery = z.object({ framework: z.enum(['NQ07', 'DTI']).default('NQ07'), unitId: z.coerce.number().int().positive().optional() });
// `lang`: the language of the screen the file is downloaded from, which may differ from the account's.
const ZExport = ZQuery.extend({ format: z.enum(['xlsx', 'csv', 'pdf']), lang: z.enum(['vi', 'en']).optional() });
const TYPES = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8', pdf: 'application/pdf' } as const;

/** The Resolution 07 scorecard and the DTI page: figures every signed-in user may read. */
export async function scorecardRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db, now } = app.ctx;
  const unitFor = async (framework: string, unitId?: number) => {
    const id = unitId ?? (await defaultUnitId(db, framework, vnDate(now())));
    if (!id) throw new AppError('not_found', {}, 'unitId');
    return id;
  };

  app.get('/api/scorecard', { config: { access: readers }, schema: { tags: ['scorecard'], querystring: ZQuery } }, async (request) =>
    scorecard(db, { framework: request.query.framework, unitId: await unitFor(request.query.framework, request.query.unitId), now: now() }));

  /** The scorecard to forward or print, in the reader's language. */
  app.get('/api/scorecard/export', { config: { access: readers }, schema: { tags: ['scorecard'], querystring: ZExport } }, async (request, reply) => {
    const { framework, format } = request.query;
    const card = await scorecard(db, { framework, unitId: await unitFor(framework, request.query.unitId), now: now() });
    const locale = request.query.lang ?? requestLocale(request);
    const today = vnDate(now());
    const exportedOn = locale === 'vi' ? today.split('-').reverse().join('/') : today;
    const body = format === 'csv' ? scorecardCsv(card, locale) : format === 'xlsx' ? await scorecardXlsx(card, locale, exportedOn) : await scorecardPdf(card, locale, exportedOn);
    const name = `${framework === 'DTI' ? 'chi-so-DTI' : 'chi-tieu-NQ07'}-${card.unit.code}-${today}.${format}`;
    return reply.type(TYPES[format]).header('content-disposition', `attachment; filename="${name}"`).send(body);
  });

  app.get('/api/scorecard/indicators/:code', {
    config: { access: readers },
    schema: { tags: ['scorecard'], params: z.object({ code: z.string().regex(/^[A-Z0-9_]{1,60}$/) }), querystring: ZQuery },
  }, async (request) =>
    indicatorDetail(db, { code: request.params.code, unitId: await unitFor(request.query.framework, request.query.unitId), now: now() }));
}
