import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { ISSUE_MESSAGES } from './messages.js';

/** Settings come from the environment only, so that the same build runs on a laptop and in production. */
const ZEnv = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().default('0.0.0.0'),
  DATA_DIR: z.string().default('./data'),
  DATABASE_URL: z.string().url().optional(),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/).optional(),
  MQTT_URL: z.string().regex(/^mqtts?:\/\/\S+$/, 'mqtt_url').optional(),
  /** The embedded broker's port when there is no MQTT_URL (1883 is left to a broker the machine may run). */
  MQTT_PORT: z.coerce.number().int().min(0).max(65535).default(1884),
  MQTT_CLIENT_ID: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/).optional(),
  /** Months of raw telemetry kept (whole monthly partitions dropped beyond); 0 keeps everything. */
  TELEMETRY_RETENTION_MONTHS: z.coerce.number().int().min(0).max(1200).default(0),
  TINHSO_ADMIN_PASSWORD: z.string().optional(),
  TINHSO_DEMO: z.enum(['0', '1']).default('1'),
  TINHSO_DEMO_HISTORY_DAYS: z.coerce.number().int().min(0).max(400).optional(),
  TINHSO_JOB_TICK_MS: z.coerce.number().int().positive().default(30_000),
  TINHSO_COOKIE_SECURE: z.enum(['0', '1', 'auto']).default('auto'),
  // Off by default: only behind a reverse proxy may X-Forwarded-For be believed (it decides the login rate limit).
  TRUST_PROXY: z.string().default('0'),
  // Open311 POSTs allowed per minute from one address (partner systems post in bursts).
  TINHSO_OPEN311_RATE: z.coerce.number().int().positive().default(600),
  // E-mail: an SMTP URL (smtp://user:pass@host:587, smtps://…) sends real mail; without it mail goes to the log.
  SMTP_URL: z.string().regex(/^smtps?:\/\//).optional(),
  TINHSO_MAIL_FROM: z.string().default('Tỉnh Số <no-reply@tinhso.local>'),
  // The address citizens and officers reach the platform at, for links in e-mails.
  TINHSO_PUBLIC_URL: z.string().url().default('http://localhost:3000'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  // Workbook uploads (XLSX): what the sheets read may inflate to, their rows (Excel's own maximum) and cells, and how
  // many are read at once, each in a worker thread (more wait their turn; a long queue is told to come back).
  TINHSO_XLSX_MAX_UNZIPPED_MB: z.coerce.number().int().positive().default(256),
  TINHSO_XLSX_MAX_ROWS: z.coerce.number().int().positive().default(1_048_576),
  TINHSO_XLSX_MAX_CELLS: z.coerce.number().int().positive().default(16_777_216),
  TINHSO_XLSX_WORKERS: z.coerce.number().int().positive().default(2),
  // The IOC map's basemap, under the boundaries: an XYZ template of raster tiles, or a raster PMTiles file the platform
  // serves itself; its attribution is required (tile licences ask for it). Without either, boundaries alone.
  BASEMAP_URL: z.string().refine((t) => /^(?=.*\{z\})(?=.*\{x\})(?=.*\{y\})https?:\/\/[^/\s]+\/\S*$/.test(t) && URL.canParse(t.replace(/[{}]/g, '')), {
    message: 'xyz_template',
  }).optional(),
  BASEMAP_PMTILES: z.string().min(1).optional(),
  BASEMAP_ATTRIBUTION: z.string().trim().min(1).max(300).optional(),
  BASEMAP_MAX_ZOOM: z.coerce.number().int().min(0).max(24).default(19),
}).superRefine((e, ctx) => {
  const issue = (path: string, message: string) => ctx.addIssue({ code: 'custom', path: [path], message });
  if (e.BASEMAP_URL && e.BASEMAP_PMTILES) issue('BASEMAP_PMTILES', 'chỉ một bản đồ nền, không cùng BASEMAP_URL / one basemap only, not with BASEMAP_URL');
  if ((e.BASEMAP_URL || e.BASEMAP_PMTILES) && !e.BASEMAP_ATTRIBUTION) issue('BASEMAP_ATTRIBUTION', 'bắt buộc khi có bản đồ nền / required with a basemap');
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  databaseSchema?: string;
  mqttUrl?: string;
  /** The embedded MQTT broker's port (used when there is no mqttUrl). */
  mqttPort: number;
  /** The platform's client id at the broker of mqttUrl (its persistent session); one per process. */
  mqttClientId?: string;
  /** Months of raw telemetry (and its aggregates) kept; 0 keeps everything. */
  telemetryRetentionMonths: number;
  adminPassword?: string;
  demo: boolean;
  /** Days of simulated device history a demo database starts with (data/demo/devices.json when absent; 0 for none). */
  demoHistoryDays?: number;
  jobTickMs: number;
  cookieSecure: boolean | 'auto';
  logLevel: string;
  /** Fastify's trustProxy: false, true, or the proxies' addresses (comma-separated, CIDR allowed). */
  trustProxy: boolean | string;
  open311RatePerMinute: number;
  smtpUrl?: string;
  mailFrom: string;
  publicUrl: string;
  /** Limits of a workbook upload, and how many are read at once. */
  workbook: { maxUnzippedBytes: number; maxRows: number; maxCells: number; workers: number };
  /** The IOC map's basemap, or null: boundaries alone. */
  basemap: BasemapConfig | null;
}

export type BasemapConfig = { attribution: string; minZoom: number; maxZoom: number } & (
  | { kind: 'xyz'; template: string; origin: string }
  | { kind: 'pmtiles'; file: string; tileType: (typeof RASTER_TYPES)[number] });

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const worded = (m: string) => (m in ISSUE_MESSAGES ? `${ISSUE_MESSAGES[m]!.vi} / ${ISSUE_MESSAGES[m]!.en}` : m);
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${worded(i.message)}`).join('; ');
    throw new Error(`Cấu hình không hợp lệ / invalid configuration: ${problems}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    databaseSchema: e.DATABASE_SCHEMA,
    mqttUrl: e.MQTT_URL,
    mqttPort: e.MQTT_PORT,
    mqttClientId: e.MQTT_CLIENT_ID,
    telemetryRetentionMonths: e.TELEMETRY_RETENTION_MONTHS,
    adminPassword: e.TINHSO_ADMIN_PASSWORD,
    demo: e.TINHSO_DEMO === '1',
    demoHistoryDays: e.TINHSO_DEMO_HISTORY_DAYS,
    jobTickMs: e.TINHSO_JOB_TICK_MS,
    cookieSecure: e.TINHSO_COOKIE_SECURE === 'auto' ? 'auto' : e.TINHSO_COOKIE_SECURE === '1',
    logLevel: e.LOG_LEVEL,
    trustProxy: parseTrustProxy(e.TRUST_PROXY),
    open311RatePerMinute: e.TINHSO_OPEN311_RATE,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.TINHSO_MAIL_FROM,
    publicUrl: e.TINHSO_PUBLIC_URL.replace(/\/$/, ''),
    workbook: {
      maxUnzippedBytes: e.TINHSO_XLSX_MAX_UNZIPPED_MB * 1024 * 1024, maxRows: e.TINHSO_XLSX_MAX_ROWS, maxCells: e.TINHSO_XLSX_MAX_CELLS, workers: e.TINHSO_XLSX_WORKERS,
    },
    basemap: basemapOf(e),
  };
}

// A PMTiles v3 header's tile types (byte 99) that are images; vector tiles would need a style the platform has not got.
const RASTER_TYPES = ['png', 'jpeg', 'webp', 'avif'] as const;

function basemapOf(e: z.infer<typeof ZEnv>): BasemapConfig | null {
  const attribution = e.BASEMAP_ATTRIBUTION ?? '';
  if (e.BASEMAP_URL) return { kind: 'xyz', template: e.BASEMAP_URL, origin: new URL(e.BASEMAP_URL.replace(/[{}]/g, '')).origin, attribution, minZoom: 0, maxZoom: e.BASEMAP_MAX_ZOOM };
  if (!e.BASEMAP_PMTILES) return null;
  const file = path.resolve(e.BASEMAP_PMTILES);
  const fail = (vi: string, en: string) => new Error(`Cấu hình không hợp lệ / invalid configuration: BASEMAP_PMTILES: ${file}: ${vi} / ${en}`);
  const header = Buffer.alloc(127);
  try {
    const fd = fs.openSync(file, 'r');
    try { fs.readSync(fd, header, 0, 127, 0); } finally { fs.closeSync(fd); }
  } catch (err) {
    throw fail('không đọc được tệp', `cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  if (header.toString('latin1', 0, 7) !== 'PMTiles' || header[7] !== 3) throw fail('không phải tệp PMTiles phiên bản 3', 'not a PMTiles version 3 file');
  const tileType = RASTER_TYPES[header[99]! - 2];
  if (!tileType) throw fail('tệp chứa ô bản đồ vectơ, cần ô ảnh (PNG, JPEG, WebP, AVIF)', 'the file holds vector tiles; raster tiles (PNG, JPEG, WebP, AVIF) are needed');
  return { kind: 'pmtiles', file, tileType, attribution, minZoom: header[100]!, maxZoom: header[101]! };
}

function parseTrustProxy(value: string): boolean | string {
  if (value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  return value;
}
