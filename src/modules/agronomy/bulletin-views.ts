import { lunarLabel } from '../../core/calendar/index.js';
import type { Db } from '../../db/database.js';
import { notFound } from '../../server/errors.js';
import { getBulletin, listBulletins, unitNames, type BulletinRow } from './repo.js';
import type { BulletinView } from './schema.js';

// Bulletins as people read them: units named, windows in both calendars; the public's only once published.

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
export const viewOf = async (db: Db, row: BulletinRow) => (await bulletinViews(db, [row]))[0]!;

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
