import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Scheduler, type JobDefinition } from '../src/core/jobs/index.js';
import { createTestApp, type Session, type TestApp } from './helpers.js';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
});
afterAll(() => t?.close());

describe('audit log', () => {
  it('records who changed what, with before and after values, and never the password hash', async () => {
    const created = (await admin.request({
      method: 'POST', url: '/api/users',
      payload: { username: 'nguyenvana', displayName: 'Nguyễn Văn A', role: 'officer', orgUnitId: (await admin.request({ method: 'GET', url: '/api/auth/me' })).json().user.orgUnitId, password: 'mat-khau-2026' },
    })).json();
    await admin.request({ method: 'PATCH', url: `/api/users/${created.id}`, payload: { role: 'reviewer' } });
    const log = (await admin.request({ method: 'GET', url: `/api/audit?entity=app_user&entityId=${created.id}` })).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['user.update', 'user.create']);
    expect(log.items[0]).toMatchObject({ actor_name: 'admin', actor_kind: 'user', before: { role: 'officer' }, after: { role: 'reviewer' } });
    expect(JSON.stringify(log.items)).not.toMatch(/argon2/);
  });

  it('is append-only: the database refuses to change or delete an entry', async () => {
    const db = t.database.db;
    await expect(sql`UPDATE audit_log SET actor_name = 'someone else'`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`DELETE FROM audit_log`.execute(db)).rejects.toThrow(/append-only/);
    await expect(sql`TRUNCATE audit_log`.execute(db)).rejects.toThrow(/append-only/);
    const n = await db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(n.n)).toBeGreaterThan(0);
  });

  it('an administrator searches it by text, actor and action, and exports CSV that is safe to open in a spreadsheet', async () => {
    const byAction = (await admin.request({ method: 'GET', url: '/api/audit?action=auth.login&actor=admin' })).json();
    expect(byAction.total).toBeGreaterThan(0);
    expect(byAction.items.every((e: { action: string; actor_name: string }) => e.action.startsWith('auth.login') && e.actor_name === 'admin')).toBe(true);
    const byText = (await admin.request({ method: 'GET', url: '/api/audit?q=Nguy%E1%BB%85n' })).json();
    expect(byText.total).toBe(2);
    const csv = await admin.request({ method: 'GET', url: '/api/audit?format=csv&q=nguyenvana' });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFid,at,')).toBe(true);
    expect(csv.body).toContain('Nguyễn Văn A');
    const bad = await admin.request({ method: 'GET', url: '/api/audit?from=not-a-date' });
    expect(bad.statusCode).toBe(400);
  });
});

describe('scheduled jobs', () => {
  const counter = (name: string, runs: string[], fail = false): JobDefinition => ({
    name, intervalSeconds: 60,
    async run(db) {
      runs.push(name);
      await db.insertInto('app_setting').values({ key: `job-${name}-${runs.length}`, value: '1' }).execute();
      if (fail) throw new Error('disk full');
      return 'done';
    },
  });

  it('runs a due job once, even when two schedulers (two processes) share the database', async () => {
    const runs: string[] = [];
    let now = new Date('2030-01-01T00:00:00Z');
    const a = new Scheduler(t.database.db, [counter('test.once', runs)], () => now);
    const b = new Scheduler(t.database.db, [counter('test.once', runs)], () => now);
    await a.register();
    await b.register();
    await Promise.all([a.runDue(), b.runDue(), a.runDue(), b.runDue()]);
    expect(runs).toEqual(['test.once']);
    now = new Date('2030-01-01T00:01:00Z');
    await Promise.all([a.runDue(), b.runDue()]);
    expect(runs).toEqual(['test.once', 'test.once']);
    const history = await t.database.db.selectFrom('job_run').selectAll().where('job_name', '=', 'test.once').execute();
    expect(history).toHaveLength(2);
  });

  it('records a failed run, undoes its partial work, and keeps the schedule', async () => {
    const runs: string[] = [];
    const s = new Scheduler(t.database.db, [counter('test.fails', runs, true)], () => new Date('2031-01-01T00:00:00Z'));
    await s.register();
    await s.runDue();
    const job = await t.database.db.selectFrom('scheduled_job').selectAll().where('name', '=', 'test.fails').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ last_status: 'failed', last_error: 'disk full', run_count: 1 });
    expect(job.next_run_at.toISOString()).toBe('2031-01-01T00:01:00.000Z');
    const leftovers = await t.database.db.selectFrom('app_setting').select('key').where('key', 'like', 'job-test.fails%').execute();
    expect(leftovers).toEqual([]);
  });

  it('the core session clean-up job removes expired sessions', async () => {
    const { platformJobs } = await import('../src/server/jobs.js');
    await t.login('canbo');
    const later = new Date(Date.now() + 24 * 3600_000);
    const scheduler = new Scheduler(t.database.db, platformJobs(t.config, () => {}), () => later);
    await scheduler.register();
    expect(await scheduler.runDue()).toEqual(['sessions.purge_expired', 'imports.fail_orphaned', 'cases.escalate_overdue', 'cases.remind_due', 'alerts.escalate', 'live.prune', 'notifications.deliver', 'notifications.purge', 'feedback.purge_contacts', 'feedback.publish_figures', 'feedback.alert_overdue', 'reporting.reminders', 'reporting.alert_late', 'ioc.evaluate_rules', 'connectors.pull', 'briefing.generate', 'agronomy.publish', 'agronomy.watch', 'devices.maintain', 'traceability.checkpoint', 'traceability.watch', 'traceability.publish']);
    const failed = await t.database.db.selectFrom('job_run').select(['job_name', 'detail']).where('status', '=', 'failed').where('job_name', 'not like', 'test.%').execute();
    expect(failed).toEqual([]);
    const run = await t.database.db.selectFrom('job_run').selectAll().where('job_name', '=', 'sessions.purge_expired').executeTakeFirstOrThrow();
    expect(run.detail).toMatch(/^[1-9]\d* expired sessions removed$/);
    expect(await t.database.db.selectFrom('user_session').select('id').execute()).toEqual([]);
    const fresh = await t.login('admin');
    const jobs = (await fresh.request({ method: 'GET', url: '/api/jobs' })).json();
    expect(jobs.jobs.map((j: { name: string }) => j.name)).toContain('sessions.purge_expired');
  });
});
