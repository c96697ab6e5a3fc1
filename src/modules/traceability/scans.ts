import { SYSTEM } from '../../core/access/index.js';
import { raiseAlert } from '../../core/alerts/index.js';
import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { resolveLink, type Resolved } from './consumer.js';
import { consumerReference } from './consumer-reference.js';
import { insertScan, locatedScans, locateScan, scanCount } from './consumer-repo.js';
import type { ScanInput } from './consumer-schema.js';

// The scan log: every resolver hit is a row of trace_scan (its place only when the consumer shares it), and each
// scan is judged for the signs of a copied code (consumer.json): one serial in two places too far apart for the time
// between them, or a serial or lot scanned more often than its units allow. A sign raises TRACE_COUNTERFEIT.

export const ALERT_SOURCE = 'traceability.scans';
const SHARE_WINDOW_MS = 30 * 60_000;
type Log = (message: string) => void;

/** The great-circle distance in kilometres. */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
}

interface Sign { vi: string; en: string; evidence: Record<string, unknown> }

/** The signs of a copied code that a scan shows. */
async function signsOf(db: Db, r: Resolved, scan: { id: number; at: Date; lat: number | null; lon: number | null }): Promise<Sign[]> {
  const rules = consumerReference().counterfeit;
  const productId = Number(r.product.id);
  const since = new Date(scan.at.getTime() - rules.lookbackDays * 86_400_000);
  const signs: Sign[] = [];
  if (r.serial !== null && scan.lat !== null && scan.lon !== null) {
    const window = rules.impossibleTravel.withinMinutes * 60_000;
    const near = await locatedScans(db, productId, r.serial, new Date(scan.at.getTime() - window), new Date(scan.at.getTime() + window), scan.id);
    const far = near.map((s) => ({ s, km: distanceKm({ lat: scan.lat!, lon: scan.lon! }, { lat: s.lat!, lon: s.lon! }) }))
      .filter((x) => x.km > rules.impossibleTravel.minDistanceKm).sort((a, b) => b.km - a.km)[0];
    if (far) {
      const km = Math.round(far.km);
      const minutes = Math.max(1, Math.round(Math.abs(scan.at.getTime() - far.s.at.getTime()) / 60_000));
      signs.push({
        vi: `quét ở hai nơi cách nhau ${km} km trong ${minutes} phút`, en: `scanned ${km} km apart within ${minutes} minutes`,
        evidence: { rule: 'impossible_travel', km, minutes, scans: [scan.id, Number(far.s.id)] },
      });
    }
  }
  if (r.serial !== null) {
    const n = await scanCount(db, productId, { serial: r.serial }, since);
    if (n > rules.maxScansPerSerial) {
      signs.push({ vi: `quét ${n} lần trong ${rules.lookbackDays} ngày (tối đa ${rules.maxScansPerSerial})`, en: `scanned ${n} times in ${rules.lookbackDays} days (at most ${rules.maxScansPerSerial})`, evidence: { rule: 'serial_scans', scans: n } });
    }
  } else if (r.lot) {
    const serials = Number(r.lot.serials ?? 0);
    const units = serials > 0 ? serials : r.lot.quantity !== null && rules.countUoms.includes(r.lot.uom ?? '') ? r.lot.quantity : null;
    if (units !== null) {
      const n = await scanCount(db, productId, { lotId: Number(r.lot.id) }, since);
      const allowed = Math.ceil(units * rules.scansPerUnit);
      if (n > allowed) {
        signs.push({ vi: `lô được quét ${n} lần, vượt ${allowed} lượt cho ${units} đơn vị`, en: `the lot was scanned ${n} times, past ${allowed} for ${units} units`, evidence: { rule: 'lot_scans', scans: n, units } });
      }
    }
  }
  return signs;
}

/** Raises (or refreshes) the code's counterfeit alert; a refusal (a retired type, a ceased unit) is told and the scan stands. */
async function raiseSigns(db: Db, r: Resolved, scan: { id: number; at: Date; lat: number | null; lon: number | null }, signs: Sign[], log?: Log) {
  const code = `(01)${r.product.gtin}${r.lot && r.serial === null ? `(10)${r.lot.lot}` : ''}${r.serial !== null ? `(21)${r.serial}` : ''}`;
  try {
    await raiseAlert({
      db, actor: SYSTEM, source: ALERT_SOURCE, now: scan.at,
      input: {
        type: 'TRACE_COUNTERFEIT',
        title: { vi: `Nghi mã giả: ${r.product.name_vi} ${code} ${signs[0]!.vi}`.slice(0, 200), en: `Suspected copy: ${r.product.name_en ?? r.product.name_vi} ${code} ${signs[0]!.en}`.slice(0, 200) },
        details: { vi: `Mã ${code} của ${r.producer.name}: ${signs.map((s) => s.vi).join('; ')}.`, en: `Code ${code} of ${r.producer.name}: ${signs.map((s) => s.en).join('; ')}.` },
        unitId: Number(r.producer.unit_id),
        ...(scan.lat !== null && scan.lon !== null ? { location: { lat: scan.lat, lon: scan.lon } } : {}),
        dedupeKey: `counterfeit:${r.product.gtin}:${r.serial !== null ? `21:${r.serial}` : `10:${r.lot?.lot ?? ''}`}`.slice(0, 200),
        evidence: { gtin: r.product.gtin, lot: r.lot?.lot ?? null, serial: r.serial, producerId: Number(r.producer.id), signs: signs.map((s) => s.evidence) },
      },
    });
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    log?.(`counterfeit alert ${code}: ${err.code}`);
  }
}

async function judge(db: Db, r: Resolved, scan: { id: number; at: Date; lat: number | null; lon: number | null }, log?: Log) {
  const signs = await signsOf(db, r, scan);
  if (signs.length) await raiseSigns(db, r, scan, signs, log);
}

/** Records a resolver hit and judges it; answers the scan's id. */
export async function recordScan(db: Db, r: Resolved, now: Date, log?: Log): Promise<number> {
  const { id } = await insertScan(db, { at: now, productId: Number(r.product.id), lotId: r.lot ? Number(r.lot.id) : null, serial: r.serial });
  await judge(db, r, { id: Number(id), at: now, lat: null, lon: null }, log);
  return Number(id);
}

/**
 * The place a consumer chose to share: added to the scan the page recorded when it is recent, of the same code and
 * still without one; otherwise recorded as a scan of its own.
 */
export async function shareLocation(db: Db, input: ScanInput, now: Date, log?: Log): Promise<{ recorded: boolean; scanId: number }> {
  const r = await resolveLink(db, input.uri, now);
  const code = { productId: Number(r.product.id), lotId: r.lot ? Number(r.lot.id) : null, serial: r.serial };
  const located = input.scanId ? await locateScan(db, input.scanId, code, new Date(now.getTime() - SHARE_WINDOW_MS), input.lat, input.lon) : undefined;
  if (located) {
    await judge(db, r, { id: Number(located.id), at: located.at, lat: input.lat, lon: input.lon }, log);
    return { recorded: true, scanId: Number(located.id) };
  }
  const { id } = await insertScan(db, { at: now, ...code, lat: input.lat, lon: input.lon });
  await judge(db, r, { id: Number(id), at: now, lat: input.lat, lon: input.lon }, log);
  return { recorded: true, scanId: Number(id) };
}
