import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SYSTEM } from '../../../core/access/index.js';
import { recordAudit } from '../../../core/audit/index.js';
import { sha256 } from '../../../core/auth/index.js';
import { vnDate } from '../../../core/calendar/index.js';
import { findByCode } from '../../../core/org-units/index.js';
import type { Db } from '../../../db/database.js';
import { REPO_ROOT } from '../../../server/paths.js';
import { TOKEN_PREFIX_LENGTH } from '../policy.js';
import { findDeviceByName, insertDevice } from '../repo.js';
import { insertReadings, touchDevices, type Row } from '../telemetry-repo.js';
import { simulationParams } from './params.js';
import { seedOf } from './random.js';
import { simulate, SIMULATED_KINDS, STEP_MS, type SimulatedDevice } from './series.js';

// The demo season (data/demo/devices.json): devices and their history, written straight to the tables through the
// devices module's own insert (the one the telemetry writer uses), in batches, inside the caller's transaction.

const HOUR = 3_600_000;
const DAY = 86_400_000;
const BATCH = 5_000;
const COUNTS = new Set(['BPH', 'WBPH', 'RLF', 'YSB']);

export const ZDemoDevices = z.object({
  description: z.string(),
  historyDays: z.number().int().min(0).max(400),
  detailDays: z.number().int().min(0),
  devices: z.array(z.object({
    kind: z.enum(SIMULATED_KINDS), station: z.string().optional(), name: z.string(), communeCode: z.string(), oldDistrict: z.string(),
    location: z.object({ lat: z.number(), lon: z.number() }), token: z.string().min(12),
  })),
});
export type DemoDevices = z.infer<typeof ZDemoDevices>;

export const demoDevicesFile = () => path.join(REPO_ROOT, 'data', 'demo', 'devices.json');
export const readDemoDevices = (): DemoDevices => ZDemoDevices.parse(JSON.parse(fs.readFileSync(demoDevicesFile(), 'utf8')));

/** The simulator's view of a demo device: its seed is its token's, so a live run with the token carries it on. */
export const demoSimulated = (d: DemoDevices['devices'][number]): SimulatedDevice => ({ kind: d.kind, seed: seedOf(d.token), station: d.station });

/**
 * Creates the demo devices that are missing and writes their season up to `now`: the last detailDays at each kind's
 * own interval, the older history thinner (see below; a season's charts look the same). A device
 * already there (a second start, another process) is left alone with its history. Answers the readings written.
 */
export async function loadDemoDevices(db: Db, now: Date, file: DemoDevices = readDemoDevices()): Promise<number> {
  const params = simulationParams();
  const end = now.getTime();
  const start = Math.floor((end - file.historyDays * DAY) / HOUR) * HOUR;
  const detail = Math.floor((end - file.detailDays * DAY) / HOUR) * HOUR;
  let written = 0;
  let rows: Row[] = [];
  const flush = async () => {
    written += await insertReadings(db, rows);
    rows = [];
  };
  for (const d of file.devices) {
    if (await findDeviceByName(db, d.name)) continue;
    const unit = await findByCode(db, d.communeCode, vnDate(now));
    if (!unit) throw new Error(`demo device ${d.name}: no commune ${d.communeCode} on ${vnDate(now)}`);
    const row = await insertDevice(db, {
      kind_code: d.kind, name: d.name, lat: d.location.lat, lon: d.location.lon, unit_id: unit.id, owner_unit_id: null,
      token_hash: sha256(d.token), token_prefix: d.token.slice(0, TOKEN_PREFIX_LENGTH), provisioned: false, created_at: new Date(start), updated_at: now,
    });
    await recordAudit(db, SYSTEM, { action: 'device.create', entity: 'device', entityId: Number(row.id), after: { name: d.name, kind: d.kind, demo: true } });
    const deviceId = Number(row.id);
    const device = demoSimulated(d);
    let last: { ts: number; battery: number | null } | undefined;
    // Older history: a trap's counts every night hour (what its peaks are read from) but its weather and battery
    // every third hour; a station every third hour. The time a demo start takes is mostly these rows' writing.
    for (const [from, to, older] of [[start, detail, true], [detail, end + 1, false]] as const) {
      const stepMs = older && d.kind === 'SALINITY_STATION' ? 3 * HOUR : STEP_MS[d.kind];
      for (const entry of simulate(device, from, to, { stepMs, params })) {
        const thin = older && d.kind === 'LIGHT_TRAP' && (entry.ts / HOUR) % 3 !== 0;
        for (const [key, value] of Object.entries(entry.values)) {
          if (!thin || COUNTS.has(key)) rows.push({ deviceId, key, ts: new Date(entry.ts), value });
        }
        last = { ts: entry.ts, battery: entry.values.battery ?? null };
        if (rows.length >= BATCH) await flush();
      }
    }
    if (last) await touchDevices(db, new Map([[deviceId, { at: new Date(last.ts), battery: last.battery }]]), new Map());
  }
  await flush();
  return written;
}
