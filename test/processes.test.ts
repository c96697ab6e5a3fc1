import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.js';
import { DATABASE_URL, DEMO_PASSWORD, uniqueSchema } from './helpers.js';
import { cli, loginOver, startServer, type ServerProcess } from './process-helpers.js';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-proc-'));
const running: ServerProcess[] = [];
const schemas: string[] = [];
afterAll(async () => {
  await Promise.all(running.map((s) => s.stop()));
  fs.rmSync(tmp, { recursive: true, force: true });
  if (DATABASE_URL && schemas.length) {
    const admin = await openDatabase({ url: DATABASE_URL, poolSize: 1 });
    for (const s of schemas) await sql`DROP SCHEMA IF EXISTS ${sql.id(s)} CASCADE`.execute(admin.db);
    await admin.close();
  }
});

async function start(env: Record<string, string | undefined>) {
  const server = await startServer(env);
  running.push(server);
  return server;
}

/** The environment of one installation: its own data folder, or its own schema on the PostgreSQL server. */
function installation(name: string, extra: Record<string, string | undefined> = {}) {
  const schema = DATABASE_URL ? uniqueSchema() : undefined;
  if (schema) schemas.push(schema);
  return { DATA_DIR: path.join(tmp, name), DATABASE_URL, DATABASE_SCHEMA: schema, ...extra };
}

describe('npm start and the operator tool', () => {
  const env = installation('main');

  it('a first start creates the database, loads the reference and demo data, and says how to log in', async () => {
    const server = await start(env);
    expect(server.output()).toContain(`http://localhost:${server.port}`);
    expect(server.output()).toMatch(/admin\s+admin\s+tinhso-demo-2026/);
    expect(server.output()).toMatch(/canbo\s+officer/);
    const meta = await (await fetch(`${server.url}/api/meta`)).json();
    expect(meta).toMatchObject({ demo: true, database: DATABASE_URL ? 'postgres' : 'pglite' });
    const html = await (await fetch(`${server.url}/units`)).text();
    expect(html).toContain('<div id="root">');
    const headers = (await fetch(`${server.url}/`)).headers;
    expect(headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('the CLI creates a token, sets a password and backs up, whether the server runs or not', async () => {
    const server = running[0]!;
    const created = await cli(['token', 'create', '--name', 'Trạm đo mặn', '--scope', 'devices'], env);
    expect(created.code, created.stderr).toBe(0);
    const token = created.stdout.split('\n')[0]!;
    expect(token).toMatch(/^tsk_/);
    const res = await fetch(`${server.url}/api/org-units?level=commune`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveLength(103);

    const set = await cli(['user', 'set-password', '--username', 'canbo', '--password', 'Mat-khau-cli-2026'], env);
    expect(set.code, set.stderr).toBe(0);
    await loginOver(server.url, 'canbo', 'Mat-khau-cli-2026');

    const file = path.join(tmp, 'live.backup');
    const backup = await cli(['backup', file], env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(fs.statSync(file).size).toBeGreaterThan(1000);

    const bad = await cli(['token', 'create', '--name', 'x'], env);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr + bad.stdout).toContain('--scope');
  });

  it.skipIf(Boolean(DATABASE_URL))('a second server on the same embedded database refuses to start and the first keeps serving', async () => {
    const { runProcess } = await import('./process-helpers.js');
    const again = await runProcess(['src/server/main.ts'], { ...env, PORT: '0' });
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('Another Tỉnh Số process');
    expect((await fetch(`${running[0]!.url}/readyz`)).status).toBe(200);
  });

  it('stops gracefully, then the CLI works without the server, and a warm start keeps the data', async () => {
    const code = await running[0]!.stop();
    expect(code).toBe(0);
    const list = await cli(['token', 'list'], env);
    expect(list.code, list.stderr).toBe(0);
    expect(list.stdout).toContain('Trạm đo mặn');
    const warm = await start(env);
    expect(warm.output()).not.toContain('tinhso-demo-2026');
    await loginOver(warm.url, 'canbo', 'Mat-khau-cli-2026');
    await warm.stop();
  });
});

describe('production start (TINHSO_DEMO=0)', () => {
  it('loads no demo data and prints a generated administrator password once', async () => {
    const env = installation('prod', { TINHSO_DEMO: '0' });
    const server = await start(env);
    const printed = /mật khẩu \/ password: (\S+)/.exec(server.output())?.[1];
    expect(printed).toBeTruthy();
    const meta = await (await fetch(`${server.url}/api/meta`)).json();
    expect(meta.demo).toBe(false);
    await loginOver(server.url, 'admin', printed!);
    await expect(loginOver(server.url, 'canbo', DEMO_PASSWORD)).rejects.toThrow(/401/);
    await expect(loginOver(server.url, 'admin', DEMO_PASSWORD)).rejects.toThrow(/401/);
    await server.stop();
    const again = await start(env);
    expect(again.output()).not.toContain(printed!);
    await again.stop();
  });

  it('takes the administrator password from TINHSO_ADMIN_PASSWORD', async () => {
    const server = await start(installation('prod2', { TINHSO_DEMO: '0', TINHSO_ADMIN_PASSWORD: 'Quan-tri-2026' }));
    expect(server.output()).not.toContain('Quan-tri-2026');
    await loginOver(server.url, 'admin', 'Quan-tri-2026');
    await server.stop();
  });
});

describe.skipIf(!DATABASE_URL)('two server processes against one PostgreSQL', () => {
  it('share sessions, and a scheduled job runs exactly once', async () => {
    const env = installation('pair', { TINHSO_JOB_TICK_MS: '200' });
    const a = await start(env);
    const b = await start(env);
    const session = await loginOver(a.url, 'lanhdao', DEMO_PASSWORD);
    const me = await fetch(`${b.url}/api/auth/me`, { headers: { cookie: session.cookie } });
    expect(me.status).toBe(200);
    expect((await me.json()).user.username).toBe('lanhdao');
    const unlock = await fetch(`${b.url}/api/auth/logout`, { method: 'POST', headers: { cookie: session.cookie } });
    expect(unlock.status).toBe(204);
    expect((await fetch(`${a.url}/api/auth/me`, { headers: { cookie: session.cookie } })).status).toBe(401);

    await new Promise((r) => setTimeout(r, 1500));
    const admin = await loginOver(b.url, 'admin', DEMO_PASSWORD);
    const jobs = await (await fetch(`${a.url}/api/jobs`, { headers: { cookie: admin.cookie } })).json();
    const runs = jobs.runs.filter((r: { job_name: string }) => r.job_name === 'sessions.purge_expired');
    expect(runs).toHaveLength(1);
    expect(jobs.jobs.find((j: { name: string }) => j.name === 'sessions.purge_expired').run_count).toBe(1);
    await Promise.all([a.stop(), b.stop()]);
  });
});
