import type { Db } from '../../db/database.js';
import { startEmbeddedBroker } from './broker.js';
import { subscribeToBroker } from './subscriber.js';
import { TelemetryWriter } from './writer.js';

// One telemetry writer per database in a process, shared by HTTP and MQTT, so their readings share batches.
const writers = new WeakMap<Db, TelemetryWriter>();

export function writerFor(db: Db, dbKind: 'pglite' | 'postgres'): TelemetryWriter {
  let writer = writers.get(db);
  if (!writer) {
    writer = new TelemetryWriter(db, { concurrency: dbKind === 'postgres' ? 3 : 1 });
    writers.set(db, writer);
  }
  return writer;
}

export interface DeviceTransport { kind: 'embedded' | 'broker'; port: number | null; close(): Promise<void> }

/**
 * Starts what brings devices' MQTT messages in: a subscription to the broker at MQTT_URL when there is one, otherwise
 * the embedded broker on MQTT_PORT. Started by the server (not by the app), like the scheduler.
 */
export async function startDeviceTransport(options: {
  db: Db; dbKind: 'pglite' | 'postgres'; mqttUrl?: string; mqttPort: number; mqttClientId?: string; now: () => Date; log: (msg: string, extra?: object) => void;
}): Promise<DeviceTransport> {
  const writer = writerFor(options.db, options.dbKind);
  if (options.mqttUrl) {
    const sub = await subscribeToBroker({ db: options.db, writer, url: options.mqttUrl, clientId: options.mqttClientId, now: options.now, log: options.log });
    return { kind: 'broker', port: null, close: () => sub.close() };
  }
  const broker = await startEmbeddedBroker({ db: options.db, writer, port: options.mqttPort, now: options.now, log: options.log });
  return { kind: 'embedded', port: broker.port, close: () => broker.close() };
}
