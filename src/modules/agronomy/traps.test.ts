import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, agronomyWorld, bphOf, PEAKS, type AgronomyWorld } from '../../../test/agronomy-setup.js';
import { nextLoopback } from '../../../test/helpers.js';
import { publishAgronomyFigures } from './figures.js';
import { alertPests } from './alerts.js';

let w: AgronomyWorld;
beforeAll(async () => { w = await agronomyWorld(); });
afterAll(() => w?.t.close());

describe('the traps through HTTP', () => {
  it('the trap map of the outbreak night shows the trap in outbreak, its catch and the province total; a quiet night is normal', async () => {
    const map = await w.officer.request({ method: 'GET', url: '/api/agronomy/traps/map?night=2026-10-25' });
    expect(map.statusCode, map.body).toBe(200);
    const trap = map.json().traps.find((x: { id: number }) => x.id === w.trap);
    expect(trap).toMatchObject({ reported: true, level: 'outbreak', counts: { BPH: { count: 1400, level: 'outbreak' }, RLF: { count: 10, level: 'normal' } } });
    const all = map.json().traps as { counts: { BPH?: { count: number } } }[];
    expect(map.json().totals.BPH).toBe(all.reduce((sum, x) => sum + (x.counts.BPH?.count ?? 0), 0));
    const quiet = (await w.officer.request({ method: 'GET', url: '/api/agronomy/traps/map?night=2026-10-10' })).json();
    expect(quiet.traps.find((x: { id: number }) => x.id === w.trap)).toMatchObject({ level: 'normal' });
    // A night with no readings shows the trap as silent, not as an empty trap.
    const silent = (await w.officer.request({ method: 'GET', url: '/api/agronomy/traps/map?night=2026-06-01' })).json();
    expect(silent.traps.find((x: { id: number }) => x.id === w.trap)).toMatchObject({ reported: false, counts: {} });
    expect((await w.t.app.inject({ method: 'GET', url: '/api/agronomy/traps/map', remoteAddress: nextLoopback() })).statusCode).toBe(401);
  });

  it("a trap's season marks its four peaks against a baseline that the peaks do not lift", async () => {
    const res = await w.officer.request({ method: 'GET', url: `/api/agronomy/traps/${w.trap}/series?from=2026-08-15&to=2026-11-29` });
    expect(res.statusCode, res.body).toBe(200);
    const bph = res.json().series.find((s: { species: string }) => s.species === 'BPH');
    expect(bph.episodes.map((e: { peak: string }) => e.peak)).toEqual(Object.keys(PEAKS));
    expect(bph.episodes.map((e: { level: string }) => e.level)).toEqual(['peak', 'peak', 'outbreak', 'peak']);
    const after = bph.nights.find((n: { night: string }) => n.night === '2026-10-28');
    expect(after.median).toBeLessThan(20);
    expect(after.level).toBe('normal');
    // The daytime reading (10:00) belongs to no night.
    expect(bph.nights.find((n: { night: string }) => n.night === '2026-10-10').count).toBeLessThan(20);
  });

  it('refuses a period backwards, longer than 400 days, or of a device that is not a trap, in words', async () => {
    const backwards = await w.officer.request({ method: 'GET', url: `/api/agronomy/traps/${w.trap}/series?from=2026-11-01&to=2026-10-01` });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().error.message).toMatch(/bắt đầu phải trước/);
    const long = await w.officer.request({ method: 'GET', url: `/api/agronomy/traps/${w.trap}/series?from=2025-01-01&to=2026-10-01` });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.message).toMatch(/400 ngày/);
    expect((await w.officer.request({ method: 'GET', url: `/api/agronomy/traps/${w.station}/series?from=2026-10-01&to=2026-10-02` })).statusCode).toBe(404);
  });
});

describe("a night's edges", () => {
  it('counts 18:00 to 05:59 Việt Nam time into the night of the evening, and 06:00 into none', async () => {
    const { storeReadings } = await import('../devices/index.js');
    const at = (iso: string) => new Date(`${iso}+07:00`);
    await storeReadings(w.t.database.db, [
      { deviceId: w.manual, key: 'YSB', ts: at('2026-06-10T18:00:00'), value: 1 },
      { deviceId: w.manual, key: 'YSB', ts: at('2026-06-11T00:30:00'), value: 10 },
      { deviceId: w.manual, key: 'YSB', ts: at('2026-06-11T05:59:00'), value: 100 },
      { deviceId: w.manual, key: 'YSB', ts: at('2026-06-11T06:00:00'), value: 1000 },
      { deviceId: w.manual, key: 'YSB', ts: at('2026-06-11T17:59:00'), value: 10000 },
    ]);
    const night = async (n: string) => (await w.officer.request({ method: 'GET', url: `/api/agronomy/traps/map?night=${n}` })).json().traps.find((t: { id: number }) => t.id === w.manual).counts.YSB?.count;
    expect(await night('2026-06-10')).toBe(111);
    expect(await night('2026-06-11')).toBeUndefined();
  });
});

describe('the nightly figures and the pest alerts', () => {
  it("publishes each commune's catch per species and night into the store, and a rerun changes nothing", async () => {
    const written = await publishAgronomyFigures(w.t.database.db, { from: '2026-10-24', to: '2026-10-26' });
    expect(written).toBeGreaterThanOrEqual(6); // BPH and RLF, three nights, and the demo's traps
    const values = await w.officer.request({ method: 'GET', url: `/api/dataValueSets?dataElement=AGRI_TRAP_CATCH&orgUnit=31507&startDate=2026-10-24&endDate=2026-10-26` });
    expect(values.statusCode, values.body).toBe(200);
    const rows = values.json().dataValues as { period: string; categoryOptionCombo: string; value: string }[];
    expect(rows.find((r) => r.period === '20261025' && r.categoryOptionCombo === 'AGRI_SPECIES_BPH')?.value).toBe('1400');
    expect(await publishAgronomyFigures(w.t.database.db, { from: '2026-10-24', to: '2026-10-26' })).toBe(0);
  });

  it('raises an outbreak alert for a trap night past its tier, into the IOC stream, and clears it when the night is old', async () => {
    const { storeReadings } = await import('../devices/index.js');
    await storeReadings(w.t.database.db, [{ deviceId: w.trap, key: 'WBPH', ts: new Date('2026-11-29T13:00:00Z'), value: 1200 }]);
    expect((await alertPests(w.t.database.db, w.t.ctx.now())).raised).toBeGreaterThanOrEqual(1);
    const alerts = (await w.officer.request({ method: 'GET', url: '/api/alerts?type=PEST_OUTBREAK' })).json();
    const alert = alerts.alerts.find((a: { title: { vi: string } }) => /Rầy lưng trắng bùng phát/.test(a.title.vi));
    expect(alert, JSON.stringify(alerts)).toBeTruthy();
    expect(alert.title.vi).toContain('1200 con đêm 29/11/2026');
    expect(await alertPests(w.t.database.db, w.t.ctx.now())).toMatchObject({ raised: 0, cleared: 0 });
    expect((await alertPests(w.t.database.db, new Date('2026-12-05T03:00:00Z'))).cleared).toBeGreaterThanOrEqual(1);
    const after = (await w.officer.request({ method: 'GET', url: `/api/alerts/${alert.id}` })).json();
    expect(after.state).toBe('resolved');
  });

  it("shows the month's catch and its communes in the IOC's Nông nghiệp field", async () => {
    await publishAgronomyFigures(w.t.database.db, { from: '2026-10-01', to: '2026-10-31' });
    const res = await w.t.login('lanhdao').then((leader) => leader.request({ method: 'GET', url: '/api/ioc/fields/AGRICULTURE/panels/data?date=2026-10-31' }));
    expect(res.statusCode, res.body).toBe(200);
    const panels = res.json().panels as { kind: string; period: string; value: number | null; points: { unitId: number | null; value: number | null }[] }[];
    let month = 0;
    for (let d = '2026-10-01'; d <= '2026-10-31'; d = addDays(d, 1)) month += bphOf(d) + 10;
    const number = panels.find((p) => p.kind === 'number' && p.period === '2026M10');
    expect(number?.value).toBe(month);
    const bar = panels.find((p) => p.kind === 'bar')!;
    expect(bar.points.find((p) => p.unitId === w.commune)?.value).toBe(month);
  });
});
