import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epcisDocument, farmEvent, lotClass, season, spraying } from '../../../test/epcis-fixtures.js';
import { traceWorld, type TraceWorld } from '../../../test/traceability-setup.js';

let w: TraceWorld;
const GTIN = '08931234500018';
const LOT = lotClass(GTIN, 'ST25-2026-01');
const PLACE = 'urn:tinhso:place:1.LUA-A';
beforeAll(async () => {
  w = await traceWorld();
  // The cooperative's product, so that another producer's events naming it are refused.
  await w.t.database.db.insertInto('trace_product').values({ producer_id: w.rice.id, gtin: GTIN, name_vi: 'Gạo ST25', category: 'rice', created_at: new Date(), updated_at: new Date() }).execute();
});
afterAll(() => w?.t.close());

const capture = (session = w.rice.session, body: unknown = epcisDocument(season(LOT, PLACE)), url = '/api/traceability/epcis/capture') =>
  session.request({ method: 'POST', url, payload: body as Record<string, unknown>, headers: { 'content-type': 'application/ld+json' } });

describe('EPCIS capture', () => {
  it('stores a season whole, answers 202 with its job, and keeps each event as captured with its hash ID', async () => {
    const res = await capture();
    expect(res.statusCode, res.body).toBe(202);
    const job = res.json();
    expect(res.headers.location).toBe(`/api/traceability/epcis/capture/${job.captureID}`);
    expect(job).toMatchObject({ running: false, success: true, eventCount: 6, errors: [], warnings: [] });
    expect((await w.rice.session.request({ method: 'GET', url: res.headers.location as string })).json().success).toBe(true);
    const events = (await w.rice.session.request({ method: 'GET', url: `/api/traceability/epcis/events?MATCH_epcClass=${encodeURIComponent(LOT)}` })).json();
    expect(events.type).toBe('EPCISQueryDocument');
    const list = events.epcisBody.queryResults.resultsBody.eventList;
    expect(list).toHaveLength(6);
    expect(list[0].eventID).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
    expect(list[0]['tinhso:variety']).toBe('ST25');
    expect(list.map((e: { eventTime: string }) => e.eventTime)).toEqual([...list.map((e: { eventTime: string }) => e.eventTime)].sort());
  });

  it('refuses the same events again, whole, naming each duplicate', async () => {
    const res = await capture();
    expect(res.statusCode).toBe(202);
    const job = res.json();
    expect(job.success).toBe(false);
    expect(job.errors).toHaveLength(6);
    expect(job.errors[0]).toMatchObject({ code: 'duplicate', pointer: '/epcisBody/eventList/0/eventID' });
    expect(job.errors[0].messages.vi).toMatch(/đã được ghi nhận/);
  });

  it('refuses a malformed document with every problem as problem+json, storing nothing', async () => {
    const before = await w.t.database.db.selectFrom('trace_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    const bad = epcisDocument([
      { ...farmEvent('sowing', '2026-08-02', LOT, PLACE), eventTime: 'yesterday' },
      { ...farmEvent('fertilising', '2026-08-03', LOT, PLACE), bizStep: 'fertilizing' },
      { ...spraying('2026-08-04', LOT, PLACE, 7), action: 'MAYBE' },
      { ...farmEvent('irrigating', '2026-08-05', LOT, PLACE), colour: 'green' },
    ]);
    const res = await capture(w.rice.session, bad);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const body = res.json();
    expect(body).toMatchObject({ type: 'epcisException:ValidationException', status: 400 });
    expect(body.title).toMatch(/Tài liệu EPCIS có \d+ lỗi, không sự kiện nào được lưu/);
    const pointers = body.error.details.map((d: { pointer: string }) => d.pointer);
    expect(pointers).toEqual(expect.arrayContaining(['/epcisBody/eventList/0/eventTime', '/epcisBody/eventList/1/bizStep', '/epcisBody/eventList/2/action', '/epcisBody/eventList/3/colour']));
    // A spraying without its pesticide is refused by our farm-step rules, after the schema.
    const noPesticide = await capture(w.rice.session, epcisDocument([farmEvent('spraying', '2026-08-04', LOT, PLACE, { 'tinhso:preHarvestIntervalDays': 7 })]));
    expect(noPesticide.json().error.details[0]).toMatchObject({ pointer: '/epcisBody/eventList/0/tinhso:pesticide', code: 'required' });
    const after = await w.t.database.db.selectFrom('trace_event').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
    expect((await capture(w.rice.session, { hello: 'world' })).statusCode).toBe(400);
    expect((await w.rice.session.request({ method: 'POST', url: '/api/traceability/epcis/capture', payload: '{"broken', headers: { 'content-type': 'application/ld+json' } })).statusCode).toBe(400);
  });

  it('refuses more than 1,000 events at once', async () => {
    const many = Array.from({ length: 1001 }, (_, i) => ({ ...farmEvent('irrigating', '2026-09-01', LOT, PLACE), eventTime: new Date(Date.UTC(2026, 8, 1) + i * 1000).toISOString() }));
    const res = await capture(w.rice.session, epcisDocument(many));
    expect(res.statusCode).toBe(413);
    expect(res.json().type).toBe('epcisException:CaptureLimitExceededException');
  });

  it('warns, and still stores, a harvest inside a spraying\'s pre-harvest interval', async () => {
    const lot = lotClass(GTIN, 'ST25-2026-02');
    const res = await capture(w.rice.session, epcisDocument([spraying('2026-11-10', lot, PLACE, 14, 'Regent 800WG'), farmEvent('harvesting', '2026-11-18', lot, PLACE)]));
    const job = res.json();
    expect(job.success).toBe(true);
    expect(job.warnings).toHaveLength(1);
    expect(job.warnings[0]).toMatchObject({ code: 'pre_harvest_interval', pointer: '/epcisBody/eventList/1' });
    expect(job.warnings[0].detail).toContain('Regent 800WG 2026-11-10 +14d → 2026-11-24');
  });

  it('keeps one producer out of another\'s products and events', async () => {
    const theirs = await capture(w.shallot.session, epcisDocument([farmEvent('irrigating', '2026-09-02', LOT, 'urn:tinhso:place:2.HANH')]));
    expect(theirs.json().errors[0]).toMatchObject({ code: 'scope' });
    const query = (await w.shallot.session.request({ method: 'GET', url: `/api/traceability/epcis/events?MATCH_epcClass=${encodeURIComponent(LOT)}` })).json();
    expect(query.epcisBody.queryResults.resultsBody.eventList).toEqual([]);
    expect((await capture(w.shallot.session, epcisDocument([farmEvent('irrigating', '2026-09-02', lotClass('08930000000017', 'H1'), 'urn:tinhso:place:2.HANH')]), `/api/traceability/epcis/capture?producerId=${w.rice.id}`)).statusCode).toBe(403);
    // Staff name the producer; an officer only one of its units.
    expect((await capture(w.officer, epcisDocument([farmEvent('irrigating', '2026-09-03', LOT, PLACE)]))).json().error.code).toBe('producer_required');
    expect((await capture(w.officer, epcisDocument([farmEvent('irrigating', '2026-09-03', LOT, PLACE)]), `/api/traceability/epcis/capture?producerId=${w.shallot.id}`)).statusCode).toBe(403);
    expect((await capture(w.officer, epcisDocument([farmEvent('irrigating', '2026-09-03', LOT, PLACE)]), `/api/traceability/epcis/capture?producerId=${w.rice.id}`)).json().success).toBe(true);
    expect((await capture(w.leader, epcisDocument([farmEvent('irrigating', '2026-09-04', LOT, PLACE)]), `/api/traceability/epcis/capture?producerId=${w.rice.id}`)).statusCode).toBe(403);
  });

  it('corrects by an error declaration, never by an edit', async () => {
    const list = (await w.rice.session.request({ method: 'GET', url: `/api/traceability/epcis/events?MATCH_epcClass=${encodeURIComponent(LOT)}&EQ_bizStep=tinhso:BizStep-fertilising` })).json().epcisBody.queryResults.resultsBody.eventList;
    const wrong = list[0];
    const declaration = { ...wrong, errorDeclaration: { declarationTime: '2026-11-30T03:00:00Z', reason: 'incorrect_data' } };
    delete declaration.recordTime;
    const res = await capture(w.rice.session, epcisDocument([declaration]));
    expect(res.json().success, res.body).toBe(true);
    const declared = (await w.rice.session.request({ method: 'GET', url: `/api/traceability/epcis/events?EXISTS_errorDeclaration=true` })).json().epcisBody.queryResults.resultsBody.eventList;
    expect(declared.map((e: { eventID: string }) => e.eventID)).toEqual([wrong.eventID]);
    expect(declared[0].errorDeclaration.reason).toBe('incorrect_data');
    const one = await w.rice.session.request({ method: 'GET', url: `/api/traceability/epcis/events/${encodeURIComponent(wrong.eventID)}` });
    expect(one.json()['tinhso:fertiliser']).toBe('NPK 20-20-15');
    expect(one.json().errorDeclaration).toBeTruthy();
    const stored = await sql<{ n: string }>`SELECT count(*) AS n FROM trace_event WHERE event_id = ${wrong.eventID}`.execute(w.t.database.db);
    expect(Number(stored.rows[0]!.n)).toBe(1);
  });
});
