import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CALENDAR_POLICY } from './policy.js';
import { ZCalendarYear, ZDateParams, ZDeadline, ZDeadlineQuery, ZException, ZYearQuery } from './schema.js';
import { listExceptions, loadWorkingCalendar, removeException, setException } from './service.js';

export async function calendarRoutes(appBase: FastifyInstance): Promise<void> {
  const app = appBase.withTypeProvider<ZodTypeProvider>();
  const { db } = app.ctx;
  const tags = ['calendar'];
  const { read, decide } = CALENDAR_POLICY;

  app.get('/api/calendar', {
    config: { access: read }, schema: { tags, querystring: ZYearQuery, response: { 200: ZCalendarYear } },
  }, async (request) => {
    const calendar = await loadWorkingCalendar(db);
    const { year } = request.query;
    return { year, holidays: calendar.holidays(year), exceptions: await listExceptions(db, year), workingDays: calendar.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`) };
  });

  app.get('/api/calendar/deadline', {
    config: { access: read }, schema: { tags, querystring: ZDeadlineQuery, response: { 200: ZDeadline } },
  }, async (request) => {
    const { from, workingDays } = request.query;
    return { from, workingDays, due: (await loadWorkingCalendar(db)).addWorkingDays(from, workingDays) };
  });

  app.put('/api/calendar/exceptions', {
    config: { access: decide }, schema: { tags, body: ZException, response: { 200: ZException } },
  }, async (request) => setException(db, request.user!, request.body, request));

  app.delete('/api/calendar/exceptions/:date', {
    config: { access: decide }, schema: { tags, params: ZDateParams, response: { 204: z.null() } },
  }, async (request, reply) => {
    await removeException(db, request.user!, request.params.date, request);
    return reply.status(204).send(null);
  });
}
