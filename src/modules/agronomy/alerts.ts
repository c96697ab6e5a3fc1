import { syncAlerts, type WantedAlert } from '../../core/alerts/index.js';
import { addDays, dayMonthYear, vnDate } from '../../core/calendar/index.js';
import type { Db } from '../../db/database.js';
import { devicesOfKinds } from '../devices/index.js';
import { TRAP_KIND, trapNights } from './readings.js';
import { agronomyReference } from './reference.js';
import { salinityStations } from './salinity.js';
import { scoreSeries } from './traps.js';
import { warnSubscribers } from './subscriptions.js';
import { perMille } from './wording.js';

// Alerts into the IOC's stream: a trap night at a peak or an outbreak, a station past the limit of its fields' crop
// stage. Each stays while its condition is recent (the last nights, today and yesterday), then clears itself.

const PEST_NIGHTS = 2;

/** Peak and outbreak nights of the last two nights (tonight's counts so far included), per trap and species. */
export async function alertPests(db: Db, now: Date, log?: (m: string) => void) {
  const { species } = agronomyReference();
  const today = vnDate(now);
  const range = { from: addDays(today, -PEST_NIGHTS), to: today };
  const traps = await devicesOfKinds(db, [TRAP_KIND]);
  const nights = await trapNights(db, { from: addDays(range.from, -agronomyReference().settings.baseline.nights), to: range.to }, undefined, traps.filter((t) => !t.revoked));
  const wanted = new Map<string, WantedAlert>();
  for (const trap of traps) {
    for (const s of scoreSeries(nights.filter((n) => n.deviceId === trap.id), range)) {
      const named = species.find((x) => x.code === s.species)!;
      for (const n of s.nights) {
        if (n.level === 'normal') continue;
        const outbreak = n.level === 'outbreak';
        const base = n.median === null ? '' : `; nền ${Math.round(n.median)} con/đêm`;
        const baseEn = n.median === null ? '' : `; baseline ${Math.round(n.median)} a night`;
        wanted.set(`pest:${trap.id}:${s.species}:${n.night}`, {
          type: outbreak ? 'PEST_OUTBREAK' : 'PEST_PEAK',
          title: {
            vi: `${named.nameVi} ${outbreak ? 'bùng phát' : 'vào đèn cao điểm'} tại ${trap.name}: ${n.count} con đêm ${dayMonthYear(n.night)}`,
            en: `${named.nameEn} ${outbreak ? 'outbreak' : 'peak'} at ${trap.name}: ${n.count} on the night of ${dayMonthYear(n.night)}`,
          },
          details: {
            vi: `Ngưỡng cao điểm ${named.peak}, bùng phát ${named.outbreak} con/bẫy/đêm${base}.`,
            en: `Peak tier ${named.peak}, outbreak tier ${named.outbreak} per trap-night${baseEn}.`,
          },
          unitId: trap.unitId ?? undefined,
          location: trap.lat !== null && trap.lon !== null ? { lat: trap.lat, lon: trap.lon } : undefined,
          evidence: { deviceId: trap.id, species: s.species, night: n.night, count: n.count, median: n.median, upper: n.upper, link: `/agronomy/traps/${trap.id}` },
        });
      }
    }
  }
  return syncAlerts({
    db, source: 'agronomy.pests', keyPrefix: 'pest:', wanted, now,
    clearNote: 'Đêm cao điểm đã qua / The peak night has passed', onRefused: (key, err) => log?.(`${key}: ${err.code}`),
  });
}

/** A station whose highest salinity today or yesterday passed the limit of its commune's crop stage. */
export async function alertSalinity(db: Db, now: Date, publicUrl = '', log?: (m: string) => void) {
  const today = vnDate(now);
  const wanted = new Map<string, WantedAlert>();
  for (const day of [addDays(today, -1), today]) {
    for (const s of (await salinityStations(db, day, 1)).stations) {
      if (!s.exceeds || s.revoked || !s.today || s.stage.limit === null) continue;
      const level = s.level;
      wanted.set(`salinity:${s.id}:${day}`, {
        type: 'SALINITY',
        ...(level ? { severity: level.severity } : {}),
        title: {
          vi: `Độ mặn ${perMille(s.today.max, 'vi')} tại ${s.name} vượt ngưỡng ${perMille(s.stage.limit, 'vi')} (${s.stage.nameVi.toLowerCase()}) ngày ${dayMonthYear(day)}`,
          en: `Salinity ${perMille(s.today.max, 'en')} at ${s.name} past the ${perMille(s.stage.limit, 'en')} limit (${s.stage.nameEn.toLowerCase()}) on ${dayMonthYear(day)}`,
        },
        details: level ? { vi: level.adviceVi, en: level.adviceEn } : undefined,
        unitId: s.unit?.id,
        location: s.location ?? undefined,
        evidence: { deviceId: s.id, day, max: s.today.max, min: s.today.min, limit: s.stage.limit, stage: s.stage.code, link: '/agronomy/salinity' },
      });
    }
  }
  return syncAlerts({
    db, source: 'agronomy.salinity', keyPrefix: 'salinity:', wanted, now,
    onRaised: async (trx, _key, { input }) => {
      const both = (t: { vi: string; en?: string }) => ({ vi: t.vi, en: t.en ?? t.vi });
      if (input.unitId) await warnSubscribers(trx, input.unitId, { subject: both(input.title), advice: input.details && both(input.details), link: `${publicUrl}/cong-dan/nong-nghiep`, publicUrl });
    },
    clearNote: 'Độ mặn đã về dưới ngưỡng hoặc đã qua ngày / Salinity is back under the limit, or the day has passed', onRefused: (key, err) => log?.(`${key}: ${err.code}`),
  });
}
