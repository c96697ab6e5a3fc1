import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, unitId, type Session, type TestApp } from '../../../test/helpers.js';
import { SAMPLE_ELEMENT, sampleConnector, sampleRecords, startOtherSystem, type OtherSystem } from '../../../test/other-system.js';
import { Scheduler } from '../../core/jobs/index.js';
import { connectorJobs, runDueConnectors } from './index.js';

// A connector's alerts, against a local server standing in for the other system: a failed pull (a 500, a timeout)
// raises CONNECTOR_FAILED and a recovery clears it; data that stop changing raise CONNECTOR_STALE; the schedule runs
// what is due, once.

let t: TestApp;
let admin: Session;
let other: OtherSystem;
let ward: number;
let id: number;

const ELEMENT = SAMPLE_ELEMENT;
const records = sampleRecords;
const config = (over: Record<string, unknown> = {}) => sampleConnector(other.url(), over);
const storedValues = () => admin.request({ method: 'GET', url: `/api/data-values?element=${ELEMENT}&orgUnitId=${ward}` }).then((r) => r.json());
const activeAlerts = async (type: string) =>
  (await admin.request({ method: 'GET', url: `/api/alerts?type=${type}&state=all` })).json().alerts as { state: string; occurrences: number }[];

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  other = await startOtherSystem();
  ward = await unitId(t, '31507', '2025-07-01');
  other.serve(records([{ ma_don_vi: '31507', ky: '2026-10', ty_le: 91.5 }]));
  id = (await admin.request({ method: 'POST', url: '/api/connectors', payload: config() })).json().id;
  expect((await admin.request({ method: 'POST', url: `/api/connectors/${id}/run` })).json()).toMatchObject({ outcome: 'ok', imported: 1 });
});
afterAll(async () => {
  await other?.close();
  await t?.close();
});

describe('connector alerts', () => {
  it('raises an alert when the pull fails (a 500, then a timeout) and clears it when the source recovers', async () => {
    other.fail(500);
    const failed = (await admin.request({ method: 'POST', url: `/api/connectors/${id}/run` })).json();
    expect(failed).toMatchObject({ outcome: 'failed', httpStatus: 500, attempts: 2, error: { vi: 'Hệ thống nguồn trả lời mã HTTP 500.', en: 'The source system answered HTTP 500.' } });
    expect(await activeAlerts('CONNECTOR_FAILED')).toMatchObject([{ state: 'open', occurrences: 1 }]);

    other.hang();
    const timedOut = (await admin.request({ method: 'POST', url: `/api/connectors/${id}/run` })).json();
    expect(timedOut).toMatchObject({ outcome: 'failed', httpStatus: null, error: { en: 'The source system did not answer within 1 seconds.' } });
    expect(await activeAlerts('CONNECTOR_FAILED')).toMatchObject([{ state: 'open', occurrences: 2 }]);

    other.serve(records([{ ma_don_vi: '31507', ky: '2026M10', ty_le: 93 }]));
    const recovered = (await admin.request({ method: 'POST', url: `/api/connectors/${id}/run` })).json();
    expect(recovered).toMatchObject({ outcome: 'ok', updated: 1 });
    expect(await activeAlerts('CONNECTOR_FAILED')).toMatchObject([{ state: 'resolved' }]);
    expect((await admin.request({ method: 'GET', url: '/api/connectors' })).json()[0]).toMatchObject({ id, lastOutcome: 'ok', headers: { 'X-Api-Key': '••••abcd' } });
  });

  it('raises an alert when the data stop changing past the limit, cleared by the next change', async () => {
    const start = new Date();
    t.ctx.clock.now = start;
    const saved = await admin.request({ method: 'PUT', url: `/api/connectors/${id}`, payload: config({ staleAfterMinutes: 30, headers: { 'X-Api-Key': '••••abcd' } }) });
    expect(saved.json()).toMatchObject({ staleAfterMinutes: 30, lastOutcome: 'ok', headers: { 'X-Api-Key': '••••abcd' } });
    await admin.request({ method: 'POST', url: `/api/connectors/${id}/run` });
    expect(other.requests.at(-1)!['x-api-key']).toBe('khoa-bi-mat-2026-abcd');
    t.ctx.clock.now = new Date(start.getTime() + 45 * 60_000);
    expect((await admin.request({ method: 'POST', url: `/api/connectors/${id}/run` })).json().outcome).toBe('unchanged');
    expect(await activeAlerts('CONNECTOR_STALE')).toMatchObject([{ state: 'open' }]);
    other.serve(records([{ ma_don_vi: '31507', ky: '2026M10', ty_le: 94 }]));
    expect((await admin.request({ method: 'POST', url: `/api/connectors/${id}/run` })).json().outcome).toBe('ok');
    expect(await activeAlerts('CONNECTOR_STALE')).toMatchObject([{ state: 'resolved' }]);
    t.ctx.clock.now = null;
  });

  it('pulls a CSV connector when the schedule finds it due, and not again before its interval', async () => {
    other.serve('ma_don_vi,ky,ty_le\n31507,2026M07,88\n31507,2026M06,\n', 'text/csv');
    const csv = (await admin.request({ method: 'POST', url: '/api/connectors', payload: config({ format: 'csv', jsonPath: '', url: other.url('/bao-cao.csv'), nameVi: 'Hệ thống văn bản điều hành' }) })).json();
    const now = new Date(Date.now() + 60_000);
    expect(await runDueConnectors(t.database.db, now)).toMatchObject({ ran: 1, failed: 0 });
    expect(await runDueConnectors(t.database.db, now)).toMatchObject({ ran: 0 });
    const [run] = (await admin.request({ method: 'GET', url: `/api/connectors/${csv.id}/runs` })).json();
    expect(run).toMatchObject({ trigger: 'schedule', outcome: 'ok', imported: 1, refused: 1 });
    expect((await storedValues()).map((v: { period: string }) => v.period)).toContain('2026M07');
  });


  it('runs a due connector through the platform scheduler once, when two processes tick together', async () => {
    other.serve(records([{ ma_don_vi: '31507', ky: '2026M05', ty_le: 70 }]));
    const planned = (await admin.request({ method: 'POST', url: '/api/connectors', payload: config({ nameVi: 'Hệ thống y tế', url: other.url('/y-te') }) })).json();
    const later = () => new Date(Date.now() + 3 * 3600_000);
    const [a, b] = [new Scheduler(t.database.db, connectorJobs, later), new Scheduler(t.database.db, connectorJobs, later)];
    await a.register();
    const ran = await Promise.all([a.runDue(), b.runDue()]);
    expect(ran.flat()).toEqual(['connectors.pull']);
    const runs = (await admin.request({ method: 'GET', url: `/api/connectors/${planned.id}/runs` })).json();
    expect(runs).toMatchObject([{ trigger: 'schedule', outcome: 'ok', imported: 1 }]);
  });

  it('a scheduled pull that waits on a slow system holds no transaction: the platform answers meanwhile', async () => {
    const planned = (await admin.request({ method: 'POST', url: '/api/connectors', payload: config({ nameVi: 'Hệ thống giáo dục', url: other.url('/giao-duc'), timeoutSeconds: 60, retries: 0 }) })).json();
    const release = other.hold(records([{ ma_don_vi: '31507', ky: '2026M04', ty_le: 64 }]));
    const asked = other.requests.length;
    const later = () => new Date(Date.now() + 6 * 3600_000);
    const scheduler = new Scheduler(t.database.db, connectorJobs, later);
    let finished = false;
    const ticking = scheduler.runDue().then((ran) => ((finished = true), ran));
    await expect.poll(() => other.requests.length).toBeGreaterThan(asked);
    // On the embedded database a transaction held across the wait would keep these behind it until the pull ended.
    const read = await admin.request({ method: 'GET', url: `/api/connectors/${planned.id}/runs` });
    expect(read.statusCode).toBe(200);
    expect(finished).toBe(false);
    release();
    expect(await ticking).toEqual(['connectors.pull']);
    const runs = (await admin.request({ method: 'GET', url: `/api/connectors/${planned.id}/runs` })).json();
    expect(runs).toMatchObject([{ trigger: 'schedule', outcome: 'ok', imported: 1 }]);
    const job = await t.database.db.selectFrom('job_run').select(['status', 'detail']).where('job_name', '=', 'connectors.pull').orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(job).toMatchObject({ status: 'ok', detail: expect.stringMatching(/connectors pulled/) });
  });
});
