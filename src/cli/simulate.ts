import { parseArgs } from 'node:util';
import mqtt from 'mqtt';
import { readDemoDevices, demoSimulated, seedOf, simulate, SIMULATED_KINDS, STEP_MS, type SimulatedDevice, type SimulatedKind, type Telemetry } from '../modules/devices/index.js';

// `simulate`: publishes simulated readings as devices would, over MQTT or HTTP, for demos and benchmarks. Backfill
// sends a time range as fast as --rate allows; live sends each reading when its (possibly compressed) time comes.

export const SIMULATE_USAGE = `  npm run cli -- simulate (--devices N [--kind LIGHT_TRAP|SALINITY_STATION] | --token T [--token T…] [--kind K] [--station P])
        [--via mqtt|http] [--url URL] [--topic TOPIC] [--from ISO [--to ISO]] [--speed X] [--rate MSG_PER_S] [--batch N]
    --devices N: the simulator's own devices (created, or reused with a new token); --token: existing devices (a demo
      device's token takes its kind and station profile from data/demo/devices.json)
    --via mqtt (default; QoS 1, the token as username, --url default mqtt://127.0.0.1:1884, the embedded broker;
      --topic default v1/devices/me/telemetry, 'v1/devices/{token}/telemetry' for a broker of your own) or http
      (POST URL/api/v1/{token}/telemetry, --url default http://127.0.0.1:3000)
    backfill: --from (and --to, default now) without --speed, as fast as --rate allows (default: no limit);
    live: without --from, in real time from now until --to or Ctrl-C; --speed X compresses time X-fold (with --from,
      replays from then); --batch: readings ({ts, values}) per message, default 100 (live: what is due, up to it)`;

export interface Target { token: string; device: SimulatedDevice }
export interface SimulateOptions {
  via: 'mqtt' | 'http'; url: string; topic: string; from?: number; to?: number; speed?: number; rate?: number; batch: number;
  signal?: AbortSignal; log?: (line: string) => void;
}
export interface SimulateRequest { count?: number; kind: SimulatedKind; tokens: string[]; station?: string; options: SimulateOptions }

export class SimulateUsageError extends Error {}

const time = (text: string | undefined, name: string) => {
  if (text === undefined) return undefined;
  const t = Date.parse(text);
  if (Number.isNaN(t)) throw new SimulateUsageError(`--${name} must be a date or time (ISO 8601)`);
  return t;
};
const positive = (text: string | undefined, name: string) => {
  if (text === undefined) return undefined;
  const n = Number(text);
  if (!(n > 0)) throw new SimulateUsageError(`--${name} must be a positive number`);
  return n;
};

export function parseSimulateArgs(argv: string[]): SimulateRequest {
  const { values } = parseArgs({
    args: argv, strict: true, allowPositionals: false,
    options: {
      devices: { type: 'string' }, token: { type: 'string', multiple: true }, kind: { type: 'string' }, station: { type: 'string' },
      via: { type: 'string' }, url: { type: 'string' }, topic: { type: 'string' }, from: { type: 'string' }, to: { type: 'string' },
      speed: { type: 'string' }, rate: { type: 'string' }, batch: { type: 'string' },
    },
  });
  const kind = (values.kind ?? 'LIGHT_TRAP') as SimulatedKind;
  if (!SIMULATED_KINDS.includes(kind)) throw new SimulateUsageError(`--kind must be one of ${SIMULATED_KINDS.join(', ')}`);
  const tokens = values.token ?? [];
  const count = positive(values.devices, 'devices');
  if ((count === undefined) === (tokens.length === 0)) throw new SimulateUsageError('give --devices N or --token T (one of them)');
  if (count !== undefined && !Number.isInteger(count)) throw new SimulateUsageError('--devices must be a whole number');
  const via = values.via ?? 'mqtt';
  if (via !== 'mqtt' && via !== 'http') throw new SimulateUsageError('--via must be mqtt or http');
  const from = time(values.from, 'from');
  const to = time(values.to, 'to');
  if (from !== undefined && to !== undefined && to <= from) throw new SimulateUsageError('--to must come after --from');
  const batch = positive(values.batch, 'batch') ?? 100;
  if (!Number.isInteger(batch) || batch > 1000) throw new SimulateUsageError('--batch must be a whole number up to 1000');
  return {
    count, kind, tokens, station: values.station,
    options: {
      via, url: values.url ?? (via === 'mqtt' ? 'mqtt://127.0.0.1:1884' : 'http://127.0.0.1:3000'), topic: values.topic ?? 'v1/devices/me/telemetry',
      from, to, speed: positive(values.speed, 'speed'), rate: positive(values.rate, 'rate'), batch,
    },
  };
}

/** The devices to simulate for tokens given: a demo device's token keeps its kind and station profile. */
export function tokenTargets(tokens: string[], kind: SimulatedKind, station?: string): Target[] {
  const demo = new Map(readDemoDevices().devices.map((d) => [d.token, d]));
  return tokens.map((token) => {
    const known = demo.get(token);
    return { token, device: known ? demoSimulated(known) : { kind, seed: seedOf(token), station } };
  });
}

interface Sender { send(entries: Telemetry[]): Promise<void>; close(): Promise<void> }

async function sender(target: Target, o: SimulateOptions): Promise<Sender> {
  if (o.via === 'http') {
    const url = `${o.url.replace(/\/$/, '')}/api/v1/${encodeURIComponent(target.token)}/telemetry`;
    return {
      async send(entries) {
        const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(entries) });
        if (response.status !== 200) throw new Error(`HTTP ${response.status}: ${(await response.text()).slice(0, 300)}`);
      },
      close: async () => {},
    };
  }
  const client = await mqtt.connectAsync(o.url, { username: target.token, protocolVersion: 4, reconnectPeriod: 1000, connectTimeout: 10_000 });
  const topic = o.topic.replace('{token}', target.token);
  return {
    // QoS 1: the broker's PUBACK comes once the readings are committed, so awaiting it is the flow control.
    send: async (entries) => void (await client.publishAsync(topic, JSON.stringify(entries), { qos: 1 })),
    close: () => client.endAsync(),
  };
}

const sleep = (ms: number, signal?: AbortSignal) => new Promise<void>((resolve) => {
  if (signal?.aborted) return resolve();
  const timer = setTimeout(resolve, ms);
  signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
});

/** Publishes the targets' readings; answers how many messages and readings were sent (and acknowledged). */
export async function runSimulation(targets: Target[], o: SimulateOptions): Promise<{ messages: number; readings: number; ms: number }> {
  const started = Date.now();
  const live = o.from === undefined || o.speed !== undefined;
  const speed = o.speed ?? 1;
  const simStart = o.from ?? started;
  const end = o.to ?? (live ? Infinity : started);
  const simNow = () => simStart + (Date.now() - started) * speed;
  let messages = 0;
  let readings = 0;
  let slot = Date.now();
  const throttle = async () => {
    if (!o.rate) return;
    const at = slot;
    slot = Math.max(slot, Date.now()) + 1000 / o.rate;
    if (at > Date.now()) await sleep(at - Date.now(), o.signal);
  };
  const senders = await Promise.all(targets.map((t) => sender(t, o)));
  try {
    await Promise.all(targets.map(async (target, i) => {
      const step = STEP_MS[target.device.kind];
      let cursor = simStart;
      while (cursor < end && !o.signal?.aborted) {
        const upTo = live ? Math.min(end, simNow() + 1) : end;
        const due: Telemetry[] = [];
        const gen = simulate(target.device, cursor, upTo);
        for (let next = gen.next(); !next.done; next = gen.next()) {
          due.push(next.value);
          if (due.length === o.batch) break;
        }
        if (due.length) {
          await throttle();
          await senders[i]!.send(due);
          messages += 1;
          readings += due.reduce((n, e) => n + Object.keys(e.values).length, 0);
          cursor = due[due.length - 1]!.ts + 1;
          continue;
        }
        if (!live) break;
        // Nothing due yet: wait (in real time) until the device's next reading is.
        const nextTs = Math.ceil(cursor / step) * step;
        if (nextTs >= end) break;
        await sleep(Math.max(5, Math.min(60_000, (nextTs - simNow()) / speed)), o.signal);
      }
    }));
  } finally {
    await Promise.all(senders.map((s) => s.close()));
  }
  const result = { messages, readings, ms: Date.now() - started };
  o.log?.(`simulated ${targets.length} device(s): ${result.messages} messages, ${result.readings} readings in ${result.ms} ms`);
  return result;
}
