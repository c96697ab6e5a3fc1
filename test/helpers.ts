import crypto from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { openDatabase } from '../src/db/database.js';
import { buildApp } from '../src/server/app.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { loadConfig, type Config } from '../src/server/config.js';
import type { AppContext } from '../src/server/context.js';
import { preparedDatabase, type TestDatabase } from './templates.js';

/** The same tests run on the embedded database and, with DATABASE_URL set, on a PostgreSQL server. */
export const DATABASE_URL = process.env.DATABASE_URL;
export const DB_KIND = DATABASE_URL ? 'postgres' : 'pglite';
export const DEMO_PASSWORD = 'tinhso-demo-2026';

export function uniqueSchema(): string {
  return `t_${crypto.randomBytes(6).toString('hex')}`;
}

/** A fresh, empty database: in memory for PGlite, a schema of its own on PostgreSQL (dropped by close()). */
export async function freshDatabase(): Promise<TestDatabase> {
  const schema = DATABASE_URL ? uniqueSchema() : undefined;
  const database = await openDatabase({ url: DATABASE_URL, schema, poolSize: 4 });
  return {
    ...database,
    schema,
    async close() {
      if (schema) {
        const { sql } = await import('kysely');
        await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(database.db);
      }
      await database.close();
    },
  };
}

/** Another connection pool on a test app's own database, as a second server process would open (PostgreSQL only). */
export function secondPool(t: { database: TestDatabase }, poolSize = 2) {
  return openDatabase({ url: t.database.url ?? DATABASE_URL, schema: t.database.schema, poolSize });
}

let loopback = 0;
export const nextLoopback = () => {
  loopback++;
  return `127.${(loopback >> 16) & 255}.${(loopback >> 8) & 255}.${(loopback & 255) || 1}`;
};

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext & { clock: { now: Date | null } };
  database: TestDatabase;
  config: Config;
  close(): Promise<void>;
  login(username: string, password?: string): Promise<Session>;
}

export interface Session {
  cookie: string;
  csrf: string;
  /** inject() with this session's cookie and CSRF header. */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

export async function createTestApp(options: { demo?: boolean; adminPassword?: string; config?: Partial<Config> } = {}): Promise<TestApp> {
  // Tests make their own telemetry: the demo's simulated season (seconds to write) only where a test asks for it.
  const config = { ...loadConfig({}), demo: options.demo ?? true, adminPassword: options.adminPassword, demoHistoryDays: 0, ...options.config };
  const database = (await preparedDatabase(DATABASE_URL, config)) ?? (await freshDatabase());
  await prepareDatabase(database.db, config);
  const clock = { now: null as Date | null };
  const ctx = { db: database.db, dbKind: database.kind, config, now: () => clock.now ?? new Date(), clock };
  const app = await buildApp(ctx, { web: false });
  await app.ready();

  async function login(username: string, password = DEMO_PASSWORD): Promise<Session> {
    // Each test login comes from its own loopback address, so the per-address login limit stays out of the way.
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: nextLoopback() });
    if (response.statusCode !== 200) throw new Error(`login ${username}: ${response.statusCode} ${response.body}`);
    const cookie = response.cookies.find((c) => c.name === 'tinhso_sid')!;
    const csrf = response.json().csrfToken as string;
    const header = `tinhso_sid=${cookie.value}`;
    return {
      cookie: header,
      csrf,
      request: (opts) => app.inject({ ...opts, headers: { cookie: header, 'x-csrf-token': csrf, ...(opts.headers ?? {}) } }),
    };
  }

  let closing: Promise<void> | undefined;
  return {
    app,
    ctx,
    database,
    config,
    login,
    // Once: shared setups keep their apps in module bindings, which the next file in the same worker may close again.
    close() {
      closing ??= app.close().then(() => database.close());
      return closing;
    },
  };
}

export async function unitId(t: TestApp, code: string, asOf: string): Promise<number> {
  const { findByCode } = await import('../src/core/org-units/index.js');
  const unit = await findByCode(t.database.db, code, asOf);
  if (!unit) throw new Error(`no unit ${code} on ${asOf}`);
  return unit.id;
}
