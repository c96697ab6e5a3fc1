import type { FastifyRequest } from 'fastify';
import { actorName, assertUnitInScope, scopeUnitIds, type Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { addDays, vnDate } from '../../core/calendar/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError, notFound } from '../../server/errors.js';
import { devicesOfKinds } from '../devices/index.js';
import { mayApprove, NEXT } from './policy.js';
import { TRAP_KIND, trapNights, type TrapNight } from './readings.js';
import { agronomyReference } from './reference.js';
import { viewOf } from './bulletin-views.js';
import { areaOf, insertBulletin, lockBulletin, unitExists, unitNames, updateBulletin, type BulletinRow } from './repo.js';
import type { BulletinDraft, BulletinEdit } from './schema.js';
import { forecastPeaks, sowingWindows } from './science/forecast.js';
import { tellSubscribers } from './subscriptions.js';
import { perTrapMean, scoreSeries } from './traps.js';

// Sowing bulletins ("lịch xuống giống né rầy"): drafted from the traps' forecast, edited and approved by people,
// published to the public page and the subscribers' inboxes. Each step is one transaction with its audit row.

/** How far back a draft looks for the season's peaks. */
export const HISTORY_DAYS = 120;

/**
 * Drafts the bulletin of an area for a season: for each commune of the area with traps, the migrants' peaks of the
 * last months, the peaks to come and a window after each. The officer edits it before it is approved.
 */
export async function draftBulletin(options: { db: Db; actor: Actor; input: BulletinDraft; now: Date; request?: FastifyRequest }) {
  const { db, actor, input, now, request } = options;
  if (!(await unitExists(db, input.unitId))) throw new AppError('reference_not_found', { field: 'unitId' }, 'unitId');
  await assertUnitInScope(db, actor, input.unitId, 'unitId');
  const { settings } = agronomyReference();
  const today = vnDate(now);
  const area = await areaOf(db, input.unitId);
  const traps = (await devicesOfKinds(db, [TRAP_KIND])).filter((t) => t.unitId !== null && area.has(t.unitId));
  const range = { from: addDays(today, -HISTORY_DAYS), to: today };
  const nights = await trapNights(db, { from: addDays(range.from, -settings.baseline.nights), to: today }, undefined, traps);
  const forecast: Record<string, unknown> = {};
  const windows: { unitId: number; from: string; to: string; peak: string; round: number }[] = [];
  // Windows sent with the draft are the officer's own (an area whose traps show no peak yet): no forecast then.
  if (input.windows) {
    input.windows.forEach((w, i) => { if (!area.has(w.unitId)) throw new AppError('out_of_scope', {}, `windows.${i}.unitId`); });
    windows.push(...input.windows);
  }
  for (const unitId of input.windows ? [] : [...new Set(traps.map((t) => t.unitId!))].sort((a, b) => a - b)) {
    // The migrants of the forecast (brown and white-backed planthoppers) as one series, a trap's night their sum,
    // then the commune's mean per reporting trap, scored against the per-trap tiers of the first.
    const migrants = nights.filter((n) => n.unitId === unitId && settings.forecast.species.includes(n.species));
    const perTrap = new Map<string, TrapNight>();
    for (const n of migrants) {
      const key = `${n.deviceId}|${n.night}`;
      const seen = perTrap.get(key);
      perTrap.set(key, seen ? { ...seen, count: seen.count + n.count } : { ...n, species: settings.forecast.species[0]! });
    }
    const episodes = scoreSeries(perTrapMean([...perTrap.values()]), range).find((s) => s.species === settings.forecast.species[0])?.episodes ?? [];
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
      forecast: JSON.stringify(input.windows ? { madeOn: today, manual: true } : { madeOn: today, settings: settings.forecast, areas: forecast }), drafted_by: actorName(actor), drafted_at: now, updated_at: now,
      editors: JSON.stringify([actorName(actor)]),
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
    if (row.status !== 'draft') throw new AppError('bulletin_not_draft', {}, 'status');
    if (input.windows) {
      const scope = await scopeUnitIds(trx, actor);
      const area = await areaOf(trx, Number(row.unit_id));
      input.windows.forEach((w, i) => {
        if (!area.has(w.unitId) || (scope && !scope.has(w.unitId))) throw new AppError('out_of_scope', {}, `windows.${i}.unitId`);
      });
    }
    const editors = JSON.stringify([...new Set([...row.editors, actorName(actor)])]);
    const patch = { editors, ...(input.title ? { title: input.title } : {}), ...(input.advice !== undefined ? { advice: input.advice } : {}), ...(input.windows ? { windows: JSON.stringify(input.windows) } : {}), updated_at: now };
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
    if (!NEXT[row.status].includes(to)) {
      throw to === 'approved' ? new AppError('bulletin_not_draft', {}, 'status') : new AppError('bulletin_not_approved', {}, 'status');
    }
    if (to === 'approved') {
      const may = mayApprove(actor, row.editors);
      if (may === 'own') throw new AppError('bulletin_own_approval');
      if (may === 'role') throw new AppError('forbidden');
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
