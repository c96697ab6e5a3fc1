import type { FastifyRequest } from 'fastify';
import { actorName, assertUnitInScope, type Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import type { ProcessedPhoto } from '../../core/cases/index.js';
import { addDays, dayMonthYear } from '../../core/calendar/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError, notFound } from '../../server/errors.js';
import { devicesOfKinds, NIGHT_HOURS_VN, nightTotals, storeReadings } from '../devices/index.js';
import { publishAgronomyFigures } from './figures.js';
import { currentNight, STATION_KIND, TRAP_KIND } from './readings.js';
import { countOfNight, fieldCountPhoto, findFieldCount, insertFieldCount, listFieldCounts } from './repo.js';
import type { FieldCountInput } from './schema.js';

// A technician's count of a trap that sends nothing (a manual trap, or a smart one that failed that night), typed on a
// phone in the field and sent when there is a signal. Stored as the night's readings of the trap, so every figure reads one source.

const MAX_AGE_DAYS = 60;

async function trapInScope(db: Db, actor: Actor, deviceId: number) {
  const [trap] = await devicesOfKinds(db, [TRAP_KIND], [deviceId]);
  if (!trap) {
    if ((await devicesOfKinds(db, [STATION_KIND, 'WEATHER_STATION'], [deviceId])).length) throw new AppError('not_a_trap', {}, 'deviceId');
    throw notFound('deviceId');
  }
  if (trap.unitId !== null) await assertUnitInScope(db, actor, trap.unitId, 'deviceId');
  return trap;
}

const view = (r: { id: number; device_id: number; night: string; counts: Record<string, number>; note: string | null; photo_type?: string | null; has_photo?: boolean; recorded_by: string; recorded_at: Date }) => ({
  id: Number(r.id), deviceId: Number(r.device_id), night: r.night, counts: r.counts, note: r.note, hasPhoto: r.has_photo ?? !!r.photo_type, recordedBy: r.recorded_by, recordedAt: r.recorded_at,
});

/** Records a count once per client reference: a phone resending a queued count gets the first answer back. */
export async function recordFieldCount(options: { db: Db; actor: Actor; input: FieldCountInput; photo: ProcessedPhoto | null; now: Date; request?: FastifyRequest }) {
  const { db, actor, input, photo, now, request } = options;
  // Tonight may be counted once it has begun (18:00), not before; a count older than two months is an archive's.
  const tonight = currentNight(now);
  if (input.night > tonight || input.night < addDays(tonight, -MAX_AGE_DAYS)) throw new AppError('night_out_of_window', { days: MAX_AGE_DAYS }, 'night');
  const trap = await trapInScope(db, actor, input.deviceId);
  return inTransaction(db, async (trx) => {
    const same = await findFieldCount(trx, input.clientRef);
    if (same) {
      // A phone resending what it sent answers the first count; the reference of someone else's count is not a key to it.
      if (Number(same.device_id) !== trap.id || same.recorded_by !== actorName(actor) || same.night !== input.night) throw new AppError('client_ref_taken', {}, 'clientRef');
      return { count: view(same), created: false };
    }
    const other = await countOfNight(trx, trap.id, input.night);
    if (other) throw new AppError('night_already_counted', { night: dayMonthYear(input.night), by: other.recorded_by }, 'night');
    // A trap that sent its own counts of the night is read from them: a hand count would be added to them, not check them.
    if ((await nightTotals(trx, { deviceIds: [trap.id], keys: Object.keys(input.counts), from: input.night, to: input.night })).length) {
      throw new AppError('night_already_reported', { night: dayMonthYear(input.night) }, 'night');
    }
    const inserted = await insertFieldCount(trx, {
      deviceId: trap.id, night: input.night, counts: input.counts, note: input.note ?? null, photo: photo?.data ?? null, photoType: photo ? photo.contentType : null,
      clientRef: input.clientRef, by: actorName(actor), at: now,
    });
    const saved = await findFieldCount(trx, input.clientRef);
    // Another phone counted the same night between the look and the insert.
    if (!inserted || !saved) {
      if (saved) return { count: view(saved), created: false };
      throw new AppError('night_already_counted', { night: dayMonthYear(input.night), by: (await countOfNight(trx, trap.id, input.night))?.recorded_by ?? '' }, 'night');
    }
    // The count is the whole night's: one reading per species at 21:00 Việt Nam time of the night's evening.
    const at = new Date(Date.parse(`${input.night}T00:00:00Z`) + (NIGHT_HOURS_VN.start + 3 - 7) * 3_600_000);
    await storeReadings(trx, Object.entries(input.counts).map(([key, value]) => ({ deviceId: trap.id, key, ts: at, value })));
    // A count days late still reaches the figures: its night is published again with it.
    await publishAgronomyFigures(trx, { from: input.night, to: input.night });
    await recordAudit(trx, actor, { action: 'agri_field_count.create', entity: 'agri_field_count', entityId: inserted.id, after: { deviceId: trap.id, night: input.night, counts: input.counts, photo: !!photo } }, request);
    return { count: view(saved), created: true };
  });
}

export async function fieldCountsOf(db: Db, actor: Actor, deviceId: number) {
  await trapInScope(db, actor, deviceId);
  return { counts: (await listFieldCounts(db, [deviceId])).map(view) };
}

export async function fieldCountPhotoFile(db: Db, actor: Actor, id: number) {
  const row = await fieldCountPhoto(db, id);
  if (!row?.photo) throw notFound('id');
  await trapInScope(db, actor, Number(row.device_id));
  return { type: row.photo_type!, body: row.photo };
}
