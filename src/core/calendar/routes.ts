import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ACCESS } from '../access/index.js';
import { TOKEN_SCOPES } from '../tokens/index.js';
import { ZException, listExceptions, loadWorkingCalendar, removeException, setException } from './service.js';

const readers = ACCESS.readers([...TOKEN_SCOPES]);
const admins = ACCESS.admins;

/** The working calendar: reference facts everyone may read; the year's decisions are recorded by administrators. */
export async function calendarRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;

  app.get('/api/calendar', {
    config: { access: readers },
    schema: { tags: ['calendar'], querystring: z.object({ year: z.coerce.number().int().min(1900).max(2199) }) },
  }, async (request) => {
    const calendar = await loadWorkingCalendar(db);
    const { year } = request.query;
    let workingDays = 0;
    for (let d = new Date(Date.UTC(year, 0, 1)); d.getUTCFullYear() === year; d = new Date(d.getTime() + 86_400_000)) {
      if (calendar.isWorkingDay(d.toISOString().slice(0, 10))) workingDays++;
    }
    return { year, holidays: calendar.holidays(year), exceptions: await listExceptions(db, year), workingDays };
  });

  app.get('/api/calendar/deadline', {
    config: { access: readers },
    schema: { tags: ['calendar'], querystring: z.object({ from: z.iso.date(), workingDays: z.coerce.number().int().min(0).max(3650) }) },
  }, async (request) => {
    const calendar = await loadWorkingCalendar(db);
    return { from: request.query.from, workingDays: request.query.workingDays, due: calendar.addWorkingDays(request.query.from, request.query.workingDays) };
  });

  app.put('/api/calendar/exceptions', { config: { access: admins }, schema: { tags: ['calendar'], body: ZException } }, async (request) =>
    setException(db, request.user!, request.body, request));

  app.delete('/api/calendar/exceptions/:date', {
    config: { access: admins }, schema: { tags: ['calendar'], params: z.object({ date: z.iso.date() }) },
  }, async (request, reply) => {
    await removeException(db, request.user!, request.params.date, request);
    return reply.status(204).send();
  });
}
