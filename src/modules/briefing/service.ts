import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { vnDate } from '../../core/calendar/index.js';
import type { JobDefinition } from '../../core/jobs/index.js';
import { emailRows, insertNotifications, userRows, type Notice } from '../../core/notify/index.js';
import { activeUsersWithRoles } from '../../core/users/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import type { Locale } from '../../db/schema.js';
import { AppError, notFound } from '../../server/errors.js';
import { composeBriefing } from './compose.js';
import { briefingPdf } from './pdf.js';
import { briefingPeriod, dueBriefings, previousPeriod, type BriefingKind } from './policy.js';
import { findBriefing, getBriefing as getRow, insertBriefing, listBriefings as listRows, replaceBriefing } from './repo.js';
import { ZBriefingContent, type BriefingQuery, type BriefingView } from './schema.js';
import { briefingSummary, briefingTitle } from './wording.js';

type SummaryRow = { id: number; kind: BriefingKind; period_start: string; period_end: string; generated_at: Date };
const summaryView = (r: SummaryRow) => ({ id: r.id, kind: r.kind, periodStart: r.period_start, periodEnd: r.period_end, generatedAt: r.generated_at });

export const listBriefings = async (db: Db, query: BriefingQuery) => ({ briefings: (await listRows(db, query)).map(summaryView) });

export async function getBriefing(db: Db, id: number): Promise<BriefingView> {
  const row = await getRow(db, id);
  if (!row) throw notFound('id');
  return { ...summaryView(row), content: ZBriefingContent.parse(row.content) };
}

/** Leaders are told in the app and by e-mail, the Vietnamese PDF attached; the e-mail says it in both languages. */
async function tellLeaders(db: Db, briefing: BriefingView): Promise<void> {
  const leaders = await activeUsersWithRoles(db, ['leader']);
  const period = { start: briefing.periodStart, end: briefing.periodEnd };
  const notice: Notice = {
    event: 'briefing.ready',
    subject: { vi: briefingTitle(briefing.kind, period, 'vi'), en: briefingTitle(briefing.kind, period, 'en') },
    body: { vi: briefingSummary(briefing.content, 'vi'), en: briefingSummary(briefing.content, 'en') },
    payload: { briefingId: briefing.id, link: `/ioc/briefings/${briefing.id}`, attachments: [{ provider: 'briefing', ref: { id: briefing.id, lang: 'vi' } }] },
  };
  await insertNotifications(db, [...userRows(leaders.map((l) => l.id), notice), ...emailRows(leaders.map((l) => l.email), notice)]);
}

export interface GenerateOptions {
  db: Db; actor: Actor; kind: BriefingKind; madeOn: string; now: Date; replace?: boolean; request?: FastifyRequest;
}

/**
 * Makes the briefing of a kind for the day it is made on, from the figures as they stand, and keeps it in the
 * archive; leaders are told once, when it first appears. One already made is answered as it is, or remade with
 * `replace`. Two processes making it at once make one: the archive's unique (kind, period) decides.
 */
export async function generateBriefing(options: GenerateOptions): Promise<{ briefing: BriefingView; created: boolean }> {
  const { db, actor, kind, madeOn, now, replace = false, request } = options;
  if (madeOn > vnDate(now)) throw new AppError('briefing_not_due', { date: madeOn }, 'madeOn');
  const period = briefingPeriod(kind, madeOn);
  const existing = await findBriefing(db, kind, period.start);
  if (existing && !replace) return { briefing: await getBriefing(db, existing.id), created: false };
  const content = await composeBriefing(db, { period, previous: previousPeriod(period), madeOn, now });
  return inTransaction(db, async (trx) => {
    const row = existing ? await replaceBriefing(trx, existing.id, now, content) : await insertBriefing(trx, { kind, start: period.start, end: period.end, at: now, content });
    // Another process made it between the look and the insert: its briefing is the one.
    if (!row) return { briefing: await getBriefing(trx, (await findBriefing(trx, kind, period.start))!.id), created: false };
    const briefing = { ...summaryView(row), content };
    await recordAudit(trx, actor, { action: existing ? 'briefing.replace' : 'briefing.create', entity: 'briefing', entityId: row.id, after: summaryView(row) }, request);
    if (!existing) await tellLeaders(trx, briefing);
    return { briefing, created: !existing };
  });
}

export const briefingJobs: JobDefinition[] = [
  {
    name: 'briefing.generate',
    // Due from 07:00 Việt Nam time; a run every ten minutes makes it then, or as soon as a stopped server is back.
    intervalSeconds: 600,
    run: async (db, now) => {
      const made: string[] = [];
      for (const due of dueBriefings(now)) {
        const { created, briefing } = await generateBriefing({ db, actor: { kind: 'system', name: 'briefing' }, ...due, now });
        if (created) made.push(`${due.kind} ${briefing.periodStart}`);
      }
      return made.length ? `briefings made: ${made.join(', ')}` : 'no briefing due';
    },
  },
];

/** A briefing's A4 PDF in one language, named by its title. */
export async function briefingFile(db: Db, id: number, locale: Locale): Promise<{ name: string; body: Buffer }> {
  const briefing = await getBriefing(db, id);
  const title = briefingTitle(briefing.kind, { start: briefing.periodStart, end: briefing.periodEnd }, locale);
  return { name: `${title.replace(/\//g, '-')}.pdf`, body: await briefingPdf(briefing, locale) };
}
