import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { personActor } from '../../access/index.js';
import type { DataValueDto } from './formats.js';
import { settleImports, startImportJob } from './import-jobs.js';

let t: TestApp;
let admin: Session;
let officer: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('canbo');
});
afterAll(async () => {
  await settleImports();
  await t?.close();
});

describe('an import in progress', () => {
  it('answers its own progress and a leader\'s scorecard while it holds the database; its progress to its creator only', async () => {
    const actor = personActor('admin');
    // Both have been using the app: their sessions were read before the import began.
    for (const s of [admin, officer]) await s.request({ method: 'GET', url: '/api/imports/00000000-0000-0000-0000-000000000000' });
    const before = await admin.request({ method: 'GET', url: '/api/scorecard' });
    let resume!: () => void;
    const paused = new Promise<void>((resolve) => (resume = resolve));
    let reading = false;
    // The rows arrive slowly, as an upload does: the import's transaction is open (on PGlite it holds the one
    // connection) while it waits for the rest.
    async function* rows(): AsyncIterable<DataValueDto> {
      yield { dataElement: 'OFFICIALS_TRAINED_DT', period: '2024', orgUnit: '94', value: '500' };
      reading = true;
      await paused;
      yield { dataElement: 'OFFICIALS_TRAINED_DT', period: '2025', orgUnit: '94', value: '550' };
    }
    const id = await startImportJob(t.database.db, actor, { format: 'json', bytesTotal: null, rowsTotal: 2, rows: () => rows() }, { dryRun: false, atomicMode: 'ALL', sourceRef: 'test' });
    await expect.poll(() => reading).toBe(true);
    const progress = await admin.request({ method: 'GET', url: `/api/imports/${id}` });
    // Answered while the rows were still coming: it did not wait for the import's transaction.
    expect(reading).toBe(true);
    expect(progress.statusCode, progress.body).toBe(200);
    expect(progress.json()).toMatchObject({ id, status: 'running', format: 'json', rowsTotal: 2, createdBy: expect.any(String), finishedAt: null });
    expect((await officer.request({ method: 'GET', url: `/api/imports/${id}` })).statusCode).toBe(404);
    // A leader's scorecard answers too, as it stood before the import (nothing of it is committed yet).
    const during = await admin.request({ method: 'GET', url: '/api/scorecard' });
    expect(reading).toBe(true);
    expect(during.body).toBe(before.body);
    // And an officer's work that no cache holds: the case inbox, the notices (on PGlite read between the import's statements).
    for (const url of ['/api/feedback/cases', '/api/notifications']) {
      const answer = await officer.request({ method: 'GET', url });
      expect(answer.statusCode, `${url} ${answer.body}`).toBe(200);
    }
    expect(reading).toBe(true);
    resume();
    await settleImports();
    const done = (await admin.request({ method: 'GET', url: `/api/imports/${id}` })).json();
    expect(done).toMatchObject({ status: 'done', percent: 100, summary: { status: 'SUCCESS' } });
    const after = (await admin.request({ method: 'GET', url: '/api/scorecard' })).json() as { pillars: { indicators: { code: string; latest: unknown }[] }[] };
    expect(after.pillars.flatMap((p) => p.indicators).find((i) => i.code === 'NQ07_OFFICIALS_TRAINED')!.latest).toEqual({ year: 2025, value: 550 });
  });
});
