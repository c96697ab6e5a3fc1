import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceCommand } from '../../cli/trace.js';
import { epcisDocument, lotClass, season } from '../../../test/epcis-fixtures.js';
import { traceWorld, type TraceWorld } from '../../../test/traceability-setup.js';
import { linkHash } from './chain.js';
import { watchChains } from './chain-watch.js';
import { writeCheckpoints } from './integrity.js';

let w: TraceWorld;
const LOT = lotClass('08931234500023', 'ST25-CHAIN');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tinhso-chain-'));
beforeAll(async () => {
  w = await traceWorld();
  const res = await w.rice.session.request({ method: 'POST', url: '/api/traceability/epcis/capture', payload: epcisDocument(season(LOT, 'urn:tinhso:place:1.A')) });
  expect(res.json().success, res.body).toBe(true);
  const more = await w.rice.session.request({ method: 'POST', url: '/api/traceability/epcis/capture', payload: epcisDocument(season(lotClass('08931234500023', 'ST25-CHAIN-2'), 'urn:tinhso:place:1.A')) });
  expect(more.json().success).toBe(true);
});
afterAll(async () => {
  await w?.t.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const integrity = async () => (await w.rice.session.request({ method: 'GET', url: `/api/traceability/producers/${w.rice.id}/integrity` })).json();
async function verifyWithCli(lot?: string) {
  const res = await w.rice.session.request({ method: 'GET', url: `/api/traceability/producers/${w.rice.id}/chain` });
  expect(res.headers['content-disposition']).toMatch(/chuoi-truy-xuat/);
  const file = path.join(dir, `chain-${Date.now()}.json`);
  fs.writeFileSync(file, res.body);
  const lines: string[] = [];
  const code = traceCommand(['verify', file, ...(lot ? ['--lot', lot] : [])], (l) => lines.push(l));
  return { code, out: lines.join('\n') };
}

describe('the hash chain of a producer\'s events', () => {
  it('holds, is signed at its head, and re-checks offline from its export', async () => {
    expect(await writeCheckpoints(w.t.database.db, new Date())).toBeGreaterThanOrEqual(1);
    const report = await integrity();
    expect(report).toMatchObject({ intact: true, events: 12, headMatches: true, faults: [], checkpoints: [{ seq: 12, valid: true, matches: true }] });
    const { code, out } = await verifyWithCli('urn:epc:class:lgtin:8931234.050002.ST25-CHAIN');
    expect(out).toContain('✓ Nguyên vẹn / intact');
    expect(out).toContain('Lô / lot: 6 sự kiện');
    expect(code).toBe(0);
    const key = (await w.t.app.inject({ method: 'GET', url: '/api/public/traceability/key' })).json();
    expect(key.publicKeyPem).toMatch(/BEGIN PUBLIC KEY/);
  });

  it('shows an edit made directly in SQL, at the event edited', async () => {
    await sql`UPDATE trace_event SET document = jsonb_set(document, '{tinhso:amount}', '15') WHERE producer_id = ${w.rice.id} AND seq = 2`.execute(w.t.database.db);
    const report = await integrity();
    expect(report.intact).toBe(false);
    expect(report.faults).toEqual([expect.objectContaining({ seq: 2, fault: 'hash_id' }), expect.objectContaining({ seq: 2, fault: 'link' })]);
    const { code, out } = await verifyWithCli();
    expect(code).toBe(1);
    expect(out).toContain('#2');
    expect(out).toContain('KHÔNG nguyên vẹn');
    // The daily watch raises it for the IOC, once.
    const watched = await watchChains(w.t.database.db, new Date());
    expect(watched).toMatchObject({ broken: 1, raised: 1 });
    const alerts = (await w.admin.request({ method: 'GET', url: '/api/alerts?type=TRACE_CHAIN_BROKEN' })).json();
    expect(JSON.stringify(alerts.alerts[0].title)).toMatch(/Dữ liệu truy xuất của HTX Nông nghiệp Phước An bị sửa: sự kiện #2: nội dung bị sửa/);
    expect((await watchChains(w.t.database.db, new Date())).raised).toBe(0);
    const more = await w.rice.session.request({ method: 'POST', url: '/api/traceability/epcis/capture', payload: epcisDocument(season(lotClass('08931234500023', 'ST25-CHAIN-3'), 'urn:tinhso:place:1.A')) });
    expect(more.json().success).toBe(true);
    // The new links hold and the old edit is the checkpoint's to show; an edit among the new links leaves them unsigned.
    await sql`UPDATE trace_event SET document = jsonb_set(document, '{tinhso:amount}', '99') WHERE producer_id = ${w.rice.id} AND seq = 14`.execute(w.t.database.db);
    const before = await w.t.database.db.selectFrom('trace_checkpoint').select((eb) => eb.fn.countAll<string>().as('n')).where('producer_id', '=', w.rice.id).executeTakeFirstOrThrow();
    await writeCheckpoints(w.t.database.db, new Date());
    const after = await w.t.database.db.selectFrom('trace_checkpoint').select((eb) => eb.fn.countAll<string>().as('n')).where('producer_id', '=', w.rice.id).executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });

  it('catches a rewrite that recomputes every hash after the edit, by the signed checkpoint', async () => {
    // Whoever rewrote event 2 recomputes its hash ID and every link after it: the links hold, the checkpoint does not.
    const { eventHashId } = await import('./epcis/hash.js');
    const rows = await w.t.database.db.selectFrom('trace_event').selectAll().where('producer_id', '=', w.rice.id).orderBy('seq').execute();
    let prev = '';
    for (const r of rows) {
      const hashId = eventHashId(r.document, { prefixes: r.prefixes });
      const eventId = Number(r.seq) === 2 ? hashId : r.event_id;
      const document = Number(r.seq) === 2 ? { ...r.document, eventID: hashId } : r.document;
      const link = linkHash(prev, eventId, hashId, document);
      await w.t.database.db.updateTable('trace_event').set({ hash_id: hashId, event_id: eventId, document: JSON.stringify(document), prev_hash: prev, chain_hash: link }).where('id', '=', r.id).execute();
      prev = link;
    }
    await w.t.database.db.updateTable('trace_producer').set({ chain_head: prev }).where('id', '=', w.rice.id).execute();
    const report = await integrity();
    expect(report.faults).toEqual([]);
    expect(report.checkpoints).toEqual([{ seq: 12, valid: true, matches: false }]);
    expect(report.events).toBe(18);
    expect(report.intact).toBe(false);
    expect((await verifyWithCli()).out).toContain('điểm kiểm tra / checkpoint #12: không khớp chuỗi');
  });

  it('refuses a file that is not a chain export, clearly', () => {
    const file = path.join(dir, 'not-a-chain.json');
    fs.writeFileSync(file, JSON.stringify({ format: 'something-else' }));
    const lines: string[] = [];
    expect(traceCommand(['verify', file], (l) => lines.push(l))).toBe(2);
    expect(lines[0]).toMatch(/^Không đọc được tệp chuỗi \/ cannot read the chain file: format/);
    expect(traceCommand(['verify'], (l) => lines.push(l))).toBe(64);
  });

  it('keeps a producer\'s chain from other producers and officers of other units', async () => {
    expect((await w.shallot.session.request({ method: 'GET', url: `/api/traceability/producers/${w.rice.id}/integrity` })).statusCode).toBe(403);
    expect((await w.shallot.session.request({ method: 'GET', url: `/api/traceability/producers/${w.rice.id}/chain` })).statusCode).toBe(403);
    expect((await w.officer.request({ method: 'GET', url: `/api/traceability/producers/${w.shallot.id}/chain` })).statusCode).toBe(403);
  });
});
