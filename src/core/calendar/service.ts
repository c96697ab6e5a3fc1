import fs from 'node:fs';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/database.js';
import { notFound } from '../../server/errors.js';
import type { Actor } from '../access/index.js';
import { recordAudit } from '../audit/index.js';
import { WorkingCalendar, type HolidayRule } from './working-days.js';
import { referenceFile } from '../../server/paths.js';
import type { ExceptionInput } from './schema.js';

const FILE = referenceFile('calendar', 'vn-public-holidays.json');
const ZRules = z.object({
  weeklyRestDays: z.array(z.number().int().min(0).max(6)),
  rules: z.array(z.object({
    code: z.string(), nameVi: z.string(), nameEn: z.string(), calendar: z.enum(['solar', 'lunar']), month: z.number().int().min(1).max(12),
    day: z.number().int().min(1).max(31), startOffset: z.number().int(), days: z.number().int().min(1),
  })),
});
let rules: { weeklyRestDays: number[]; rules: HolidayRule[] } | undefined;
const statutory = () => (rules ??= ZRules.parse(JSON.parse(fs.readFileSync(FILE, 'utf8'))));


/** The working calendar: the statutory rules of data/reference/calendar and the exceptions recorded in the database. */
export async function loadWorkingCalendar(db: Db): Promise<WorkingCalendar> {
  const { rules: holidayRules, weeklyRestDays } = statutory();
  const exceptions = await db.selectFrom('calendar_exception').select(['date', 'kind', 'name_vi as nameVi', 'source']).execute();
  return new WorkingCalendar(holidayRules, weeklyRestDays, exceptions);
}

export async function listExceptions(db: Db, year: number) {
  return db.selectFrom('calendar_exception').select(['date', 'kind', 'name_vi as nameVi', 'source', 'created_by as createdBy'])
    .where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`).orderBy('date').execute();
}

export async function setException(db: Db, actor: Actor, input: ExceptionInput, request?: FastifyRequest) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_exception').selectAll().where('date', '=', input.date).executeTakeFirst();
    const row = { kind: input.kind, name_vi: input.nameVi, source: input.source, created_by: actor.kind === 'user' ? actor.username : actor.name };
    await trx.insertInto('calendar_exception').values({ date: input.date, ...row })
      .onConflict((oc) => oc.column('date').doUpdateSet(row)).execute();
    await recordAudit(trx, actor, { action: 'calendar.exception_set', entity: 'calendar_exception', entityId: input.date, before, after: input }, request);
    return input;
  });
}

export async function removeException(db: Db, actor: Actor, date: string, request?: FastifyRequest) {
  return db.transaction().execute(async (trx) => {
    const before = await trx.selectFrom('calendar_exception').selectAll().where('date', '=', date).executeTakeFirst();
    if (!before) throw notFound('date');
    await trx.deleteFrom('calendar_exception').where('date', '=', date).execute();
    await recordAudit(trx, actor, { action: 'calendar.exception_remove', entity: 'calendar_exception', entityId: date, before }, request);
  });
}
