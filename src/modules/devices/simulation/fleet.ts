import type { Actor } from '../../../core/access/index.js';
import type { Db } from '../../../db/database.js';
import { findDeviceByName } from '../repo.js';
import { createDevice, replaceDeviceToken } from '../service.js';
import { simulationParams } from './params.js';
import { seedOf } from './random.js';
import type { SimulatedDevice, SimulatedKind } from './series.js';

export interface FleetDevice { id: number; name: string; token: string; device: SimulatedDevice }

/**
 * The simulator's own devices, "Thiết bị mô phỏng <KIND> 001"…: created when missing, and given a new token when
 * they exist (only a token's hash is kept), so a second run carries the same devices on. A station's profile goes
 * round simulation.json's, seaward to inland; the seed is the name's, so a device keeps its character across runs.
 */
export async function simulatorFleet(options: { db: Db; actor: Actor; kind: SimulatedKind; count: number; now: Date }): Promise<FleetDevice[]> {
  const { db, actor, kind, count, now } = options;
  const stations = Object.keys(simulationParams().salinity.stations);
  const fleet: FleetDevice[] = [];
  for (let i = 1; i <= count; i += 1) {
    const name = `Thiết bị mô phỏng ${kind} ${String(i).padStart(3, '0')}`;
    const existing = await findDeviceByName(db, name);
    const { device, token } = existing
      ? await replaceDeviceToken({ db, actor, id: Number(existing.id), now })
      : await createDevice({ db, actor, input: { kind, name, location: null, ownerUnitId: null }, now });
    fleet.push({ id: device.id, name, token, device: { kind, seed: seedOf(name), station: kind === 'SALINITY_STATION' ? stations[(i - 1) % stations.length] : undefined } });
  }
  return fleet;
}
