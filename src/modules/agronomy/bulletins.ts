import type { FastifyRequest } from 'fastify';
import { actorName, assertUnitInScope, scopeUnitIds, type Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { addDays, lunarLabel, vnDate } from '../../core/calendar/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError, notFound } from '../../server/errors.js';
import { devicesOfKinds } from '../devices/index.js';
import { mayApprove } from './policy.js';
import { TRAP_KIND, trapNights } from './readings.js';
import { agronomyReference } from './reference.js';
import { areaOf, getBulletin, insertBulletin, listBulletins, lockBulletin, unitNames, updateBulletin, type BulletinRow } from './repo.js';
import type { BulletinEdit, BulletinView } from './schema.js';
import { forecastPeaks, sowingWindows } from './science/forecast.js';
import { tellSubscribers } from './subscriptions.js';
import { scoreSeries } from './traps.js';
import { solarAndLunar } from './wording.js';

// Sowing bulletins ("lịch xuống giống né rầy"): drafted from the traps' forecast, edited and approved by people,
// published to the public page and the subscribers' inboxes. Each step is one transaction with its audit row.

/** How far back a draft looks for the season's peaks. */
export const HISTORY_DAYS = 120;

export async function bulletinViews(db: Db, rows: BulletinRow[]): Promise<BulletinView[]> {
  const names = await unitNames(db, rows.flatMap((r) => [r.unit_id, ...r.windows.map((w) => w.unitId)]));
  return rows.map((r) => ({
    id: Number(r.id), unit: { id: Number(r.unit_id), name: names.get(Number(r.unit_id)) ?? '' }, season: r.season, title: r.title, status: r.status, advice: r.advice,
    windows: r.windows.map((w) => ({
      unit: { id: w.unitId, name: names.get(w.unitId) ?? '' }, from: w.from, to: w.to, peak: w.peak, round: w.round,
      fromLunar: lunarLabel(w.from, 'vi'), toLunar: lunarLabel(w.to, 'vi'), fromLunarEn: lunarLabel(w.from, 'en'), toLunarEn: lunarLabel(w.to, 'en'),
    })),
    forecast: r.forecast, draftedBy: r.drafted_by, draftedAt: r.drafted_at, approvedBy: r.approved_by, approvedAt: r.approved_at, publishedBy: r.published_by, publishedAt: r.published_at,
  }));
}
const viewOf = async (db: Db, row: BulletinRow) => (await bulletinViews(db, [row]))[0]!;

/**
 * Drafts the bulletin of an area for a season: for each commune of the area with traps, the migrants' peaks of the
 * last months, the peaks to come and a window after each. The officer edits it before it is approved.
 */
export async function draftBulletin(options: { db: Db; actor: Actor; input: { unitId: number; season: string; title?: string }; now: Date; request?: FastifyRequest }) {
  const { db, actor, input, now, request } = options;
  await assertUnitInScope(db, actor, input.unitId, 'unitId');
  const { settings } = agronomyReference();
  const today = vnDate(now);
  const area = await areaOf(db, input.unitId);
  const traps = (await devicesOfKinds(db, [TRAP_KIND])).filter((t) => t.unitId !== null && area.has(t.unitId));
  const range = { from: addDays(today, -HISTORY_DAYS), to: today };
  const nights = await trapNights(db, { from: addDays(range.from, -settings.baseline.nights), to: today }, undefined, traps);
  const forecast: Record<string, unknown> = {};
  const windows: { unitId: number; from: string; to: string; peak: string; round: number }[] = [];
  for (const unitId of [...new Set(traps.map((t) => t.unitId!))].sort((a, b) => a - b)) {
    const own = nights.filter((n) => n.unitId === unitId && settings.forecast.species.includes(n.species)).map((n) => ({ ...n, species: settings.forecast.species[0]! }));
    const episodes = scoreSeries(own, range).find((s) => s.species === settings.forecast.species[0])?.episodes ?? [];
    if (!episodes.length) continue;
    const f = forecastPeaks(episodes, today, settings.forecast);
    forecast[String(unitId)] = f;
    windows.push(...sowingWindows(f.predicted, settings.forecast).map((w) => ({ unitId, ...w })));
  }
  if (!windows.length) throw new AppError('no_trap_peaks', { days: HISTORY_DAYS }, 'unitId');
  const names = await unitNames(db, [input.unitId]);
  const title = input.title ?? `Lịch xuống giống né rầy vụ ${input.season} – ${names.get(input.unitId) ?? ''}`.trim();
  return inTransaction(db, async (trx) => {
    const row = await insertBulletin(trx, {
      unit_id: input.unitId, season: input.season, title, status: 'draft', windows: JSON.stringify(windows),
      forecast: JSON.stringify({ madeOn: today, settings: settings.forecast, areas: forecast }), drafted_by: actorName(actor), drafted_at: now, updated_at: now,
    });
    await recordAudit(trx, actor, { action: 'agri_bulletin.draft', entity: 'agri_bulletin', entityId: row.id, after: { title, season: input.season, windows } }, request);
    return viewOf(trx, row);
  });
}

async function lockedInScope(db: Db, actor: Actor, id: number): Promise<BulletinRow> {
  const row = await lockBulletin(db, id);
  if (!row) throw notFound('id');
  await assertUnitInScope(db, actor, Number(row.unit_id));
  return row;
}

export async function editBulletin(options: { db: Db; actor: Actor; id: number; input: BulletinEdit; now: Date; request?: FastifyRequest }) {
  const { db, actor, id, input, now, request } = options;
  return inTransaction(db, async (trx) => {
    const row = await lockedInScope(trx, actor, id);
    if (row.status !== 'draft') throw new AppError('bulletin_not_draft', { status: row.status }, 'status');
    if (input.windows) {
      const scope = await scopeUnitIds(trx, actor);
      const area = await areaOf(trx, Number(row.unit_id));
      input.windows.forEach((w, i) => {
        if (!area.has(w.unitId) || (scope && !scope.has(w.unitId))) throw new AppError('out_of_scope', {}, `windows.${i}.unitId`);
      });
    }
    const patch = { ...(input.title ? { title: input.title } : {}), ...(input.advice !== undefined ? { advice: input.advice } : {}), ...(input.windows ? { windows: JSON.stringify(input.windows) } : {}), updated_at: now };
    const after = await updateBulletin(trx, id, patch);
    await recordAudit(trx, actor, { action: 'agri_bulletin.edit', entity: 'agri_bulletin', entityId: id, before: { title: row.title, advice: row.advice, windows: row.windows }, after: input }, request);
    return viewOf(trx, after);
  });
}

/** Approve (draft → approved), send back (approved → draft) or publish (approved → published, subscribers told). */
export async function moveBulletin(options: { db: Db; actor: Actor; id: number; to: 'approved' | 'draft' | 'published'; now: Date; publicUrl: string; request?: FastifyRequest }) {
  const { db, actor, id, to, now, publicUrl, request } = options;
  return inTransaction(db, async (trx) => {
    const row = await lockedInScope(trx, actor, id);
    if (to === 'approved') {
      if (row.status !== 'draft') throw new AppError('bulletin_not_draft', { status: row.status }, 'status');
      const may = mayApprove(actor, row.drafted_by);
      if (may === 'own') throw new AppError('bulletin_own_approval');
      if (may === 'role') throw new AppError('forbidden');
    } else if (row.status !== 'approved') {
      throw new AppError('bulletin_not_approved', {}, 'status');
    }
    const who = actorName(actor);
    const patch = to === 'approved' ? { status: to, approved_by: who, approved_at: now, updated_at: now }
      : to === 'draft' ? { status: to, approved_by: null, approved_at: null, updated_at: now }
      : { status: to, published_by: who, published_at: now, updated_at: now };
    const after = await updateBulletin(trx, id, patch);
    const action = to === 'approved' ? 'agri_bulletin.approve' : to === 'draft' ? 'agri_bulletin.reopen' : 'agri_bulletin.publish';
    await recordAudit(trx, actor, { action, entity: 'agri_bulletin', entityId: id, before: { status: row.status }, after: { status: to } }, request);
    const view = await viewOf(trx, after);
    if (to === 'published') await tellSubscribers(trx, view, publicUrl);
    return view;
  });
}

/** Every bulletin, drafts included: officers across the province see what their neighbours plan. */
export const listAllBulletins = async (db: Db, q: { limit: number; offset: number }) =>
  ({ bulletins: await bulletinViews(db, await listBulletins(db, { units: null, publishedOnly: false, ...q })) });
export const listPublishedBulletins = async (db: Db, q: { limit: number; offset: number }) =>
  ({ bulletins: await bulletinViews(db, await listBulletins(db, { units: null, publishedOnly: true, ...q })) });

export async function readBulletin(db: Db, id: number, publishedOnly: boolean): Promise<BulletinView> {
  const row = await getBulletin(db, id);
  if (!row || (publishedOnly && row.status !== 'published')) throw notFound('id');
  return viewOf(db, row);
}

/** A window as a farmer reads it: "20/10/2026 (10/9 ÂL) – 26/10/2026 (16/9 ÂL)". */
export const windowText = (w: { from: string; to: string }, locale: 'vi' | 'en') => `${solarAndLunar(w.from, locale)} – ${solarAndLunar(w.to, locale)}`;
