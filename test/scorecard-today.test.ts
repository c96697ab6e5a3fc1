import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { readMigrations } from '../src/db/migrate.js';
import { createTestApp, unitId, type Session, type TestApp } from './helpers.js';

// Issue 13, points 1 and 2, through HTTP: the scorecard opens on today's units, a successor carries its predecessor's
// history and targets (saying whose), drill-down shows what the store holds, and figures mean what the resolution means.

let t: TestApp;
let leader: Session;
let officer: Session;
let admin: Session;
let city: number;
let ward: number;
let socTrang: number;

interface Item { code: string; status: string; latest: { year: number; value: number } | null; target: { year: number; value: number; fromUnit: { name: string } | null } | null }
const items = (card: { pillars: { indicators: Item[] }[] }) => Object.fromEntries(card.pillars.flatMap((p) => p.indicators).map((i) => [i.code, i]));
const get = async (s: Session, url: string) => {
  const res = await s.request({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

beforeAll(async () => {
  t = await createTestApp();
  t.ctx.clock.now = new Date('2026-12-02T03:00:00Z');
  [leader, officer, admin] = [await t.login('lanhdao'), await t.login('canbo'), await t.login('admin')];
  city = await unitId(t, '92', '2025-07-01');
  ward = await unitId(t, '31507', '2025-07-01');
  socTrang = await unitId(t, '94', '2024-12-31');
});
afterAll(() => t?.close());

describe('the scorecard opens on the unit in force today', () => {
  it("opens on the caller's unit as it stands: Thành phố Cần Thơ for the leader, Phường Sóc Trăng for its officer", async () => {
    const card = await get(leader, '/api/scorecard');
    expect(card).toMatchObject({ unit: { id: city, name: 'Thành phố Cần Thơ', validTo: null }, asOf: '2026-12-02' });
    expect(card.years.at(-1)).toBe(2026);
    expect((await get(officer, '/api/scorecard')).unit.id).toBe(ward);
    expect((await get(leader, '/api/scorecard?framework=DTI')).unit.id).toBe(city);
    expect((await get(leader, `/api/scorecard/indicators/NQ07_HH_FIBRE`)).unit.id).toBe(city);
  });

  it('opens, as of a day before the reorganisation, on the province then in force, its years ending that year', async () => {
    const card = await get(leader, '/api/scorecard?asOf=2024-12-31');
    expect(card.unit).toMatchObject({ id: socTrang, name: 'Tỉnh Sóc Trăng' });
    expect(card.years.at(-1)).toBe(2024);
    expect((await leader.request({ method: 'GET', url: '/api/scorecard?asOf=2024-02-30' })).statusCode).toBe(400);
    // A day to come stands for today (there are no figures yet); a day before the first year has no years to show.
    expect((await get(leader, '/api/scorecard?asOf=9999-12-31')).asOf).toBe('2026-12-02');
    expect((await get(leader, '/api/scorecard?asOf=1990-01-01')).years).toEqual([]);
    expect((await get(leader, '/api/scorecard/indicators/NQ07_HH_FIBRE?asOf=1990-01-01')).children).toEqual([]);
  });

  it("carries Tỉnh Sóc Trăng's history and targets, saying whose they are, where Cần Thơ has none of its own", async () => {
    const card = await get(leader, '/api/scorecard');
    expect(card.history).toEqual([{ id: socTrang, name: 'Tỉnh Sóc Trăng', validTo: '2025-06-30' }]);
    const all = items(card);
    expect(all.NQ07_HH_FIBRE).toMatchObject({ latest: { year: 2023, value: 100 }, status: 'achieved', target: { year: 2025, value: 80, fromUnit: { name: 'Tỉnh Sóc Trăng' } } });
    expect(all.NQ07_WORKFILES_PROVINCE).toMatchObject({ status: 'on_track', target: { year: 2025, fromUnit: { name: 'Tỉnh Sóc Trăng' } } });
    const statuses = Object.values(all).map((i) => i.status);
    expect(statuses.filter((s) => s === 'no_target')).toHaveLength(2); // the two training figures, which have none
  });

  it('drills down to what the store holds: the wards with a figure, and how many have none', async () => {
    const detail = await get(leader, `/api/scorecard/indicators/NQ07_WORKFILES_COMMUNE?unitId=${city}`);
    expect(detail.childrenYear).toBe(2023);
    expect(detail.children).toHaveLength(43);
    expect(detail.children.every((c: { value: number | null }) => c.value !== null)).toBe(true);
    expect(detail.childrenWithout).toBe(60);
    const provincial = await get(leader, `/api/scorecard/indicators/NQ07_REPORT_REGIMES?unitId=${city}`);
    expect(provincial).toMatchObject({ children: [], childrenWithout: 103 });
  });
});

describe('figures mean what the resolution means', () => {
  it('counts the regimes connected, a state that persists, and judges a 2026 figure by no 2025 target', async () => {
    const r = (await officer.request({ method: 'POST', url: '/api/reporting/reports', payload: { regime: 'BC_TTHC', unitId: ward, period: '2026M11' } })).json();
    await officer.request({ method: 'PUT', url: `/api/reporting/reports/${r.id}`, payload: { values: { RP_TTHC_RECEIVED: 10, RP_TTHC_ON_TIME: 10, RP_TTHC_LATE: 0 }, narrative: { NARRATIVE: 'Tốt.' }, revision: r.revision } });
    expect((await officer.request({ method: 'POST', url: `/api/reporting/reports/${r.id}/submit`, payload: {} })).json().state).toBe('submitted');
    const regimes = items(await get(leader, '/api/scorecard')).NQ07_REPORT_REGIMES!;
    expect(regimes.latest!.year).toBe(2026);
    expect(regimes.latest!.value).toBeCloseTo((11 / 13) * 100, 6);
    // The only target is 2025's: a 2026 figure has none, rather than being judged against a year gone by.
    expect(regimes).toMatchObject({ target: null, status: 'no_target' });
    // As of the end of 2023 the figure is 2023's, judged against the 2025 target.
    const then = items(await get(leader, `/api/scorecard?unitId=${city}&asOf=2023-12-31`)).NQ07_REPORT_REGIMES!;
    expect(then).toMatchObject({ latest: { year: 2023 }, target: { year: 2025, value: 100 }, status: 'at_risk' });
  });

  it('counts a regime connected the moment it is saved as sent through the system', async () => {
    const regime = await get(admin, '/api/reporting/regimes/BC_DT');
    const body = {
      code: 'BC_DT', nameVi: regime.name_vi, nameEn: regime.name_en, kind: regime.kind, content: regime.content, reportingLevel: regime.reporting_level, reportingUnitType: null,
      receivingUnitCode: '92', sendingMethod: regime.sending_method, frequency: regime.frequency, basis: regime.period_basis, deadline: regime.deadline_rule,
      guidance: regime.guidance, legalBasis: regime.legal_basis, electronic: true, form: regime.form.definition,
    };
    const saved = await admin.request({ method: 'PUT', url: '/api/reporting/regimes/BC_DT', payload: body });
    expect(saved.statusCode, saved.body).toBe(200);
    const regimes = items(await get(leader, '/api/scorecard')).NQ07_REPORT_REGIMES!;
    expect(regimes.latest!.year).toBe(2026);
    expect(regimes.latest!.value).toBeCloseTo((12 / 13) * 100, 6);
  });

  it("never makes one ward's share of work files done online the city's", async () => {
    const res = await admin.request({ method: 'POST', url: '/api/data-values', payload: { values: [{ element: 'WORKFILES_ONLINE_COMMUNE_PCT', orgUnitId: ward, period: '2026M11', value: 97 }] } });
    expect(res.statusCode, res.body).toBe(200);
    const card = items(await get(leader, '/api/scorecard'));
    expect(card.NQ07_WORKFILES_COMMUNE!.latest).toEqual({ year: 2023, value: 76.28 });
    const analytics = await get(admin, `/api/analytics?indicator=NQ07_WORKFILES_COMMUNE&orgUnitId=${city}&periods=2026`);
    expect(analytics.filter((a: { value: number | null }) => a.value !== null)).toEqual([]);
    expect(items(await get(leader, `/api/scorecard?unitId=${ward}`)).NQ07_WORKFILES_COMMUNE!.latest).toEqual({ year: 2026, value: 97 });
    // The drill-down shows the ward's figure for what it is: one ward's, 102 without.
    const detail = await get(leader, `/api/scorecard/indicators/NQ07_WORKFILES_COMMUNE?unitId=${city}`);
    expect(detail).toMatchObject({ childrenYear: 2026, children: [{ unit: { id: ward }, value: 97 }], childrenWithout: 102 });
  });

  it('shows users sources in sentences, not the project\'s notes', async () => {
    const card = await get(leader, '/api/scorecard');
    const texts = card.pillars.flatMap((p: { indicators: { source: string | null; targets: { source: string | null }[] }[] }) =>
      p.indicators.flatMap((i) => [i.source, ...i.targets.map((x) => x.source)])).filter(Boolean) as string[];
    expect(texts.length).toBeGreaterThan(20);
    expect(texts.filter((s) => /seed \d|dti-ioc|\[\?\]|\.md\b|docs\//.test(s))).toEqual([]);
  });

  it('gives a database loaded before the sentences, and leaves a source an administrator changed (migration 0031)', async () => {
    const db = t.database.db;
    const fibre = await db.selectFrom('indicator').select('id').where('code', '=', 'NQ07_HH_FIBRE').executeTakeFirstOrThrow();
    await db.updateTable('indicator').set({ source: 'seed 002' }).where('id', '=', fibre.id).execute();
    await db.updateTable('indicator_target').set({ source: 'provincial DT plan of Jan 2021 (fibre > 80%) [?]' }).where('indicator_id', '=', fibre.id).where('year', '=', 2025).execute();
    await db.updateTable('indicator').set({ source: 'Sở Khoa học và Công nghệ, 2026' }).where('code', '=', 'NQ07_SMARTPHONE').execute();
    await sql.raw(readMigrations().find((m) => m.name.startsWith('0031_'))!.sql).execute(db);
    const all = items(await get(leader, '/api/scorecard')) as Record<string, Item & { source: string; targets: { year: number; source: string }[] }>;
    expect(all.NQ07_HH_FIBRE!.source).toMatch(/^Bài «Chuyển đổi số – Thành công từ cam kết của người đứng đầu»/);
    expect(all.NQ07_HH_FIBRE!.targets.find((x) => x.year === 2025)!.source).toMatch(/^Kế hoạch chuyển đổi số của tỉnh \(tháng 1\/2021\)/);
    expect(all.NQ07_SMARTPHONE!.source).toBe('Sở Khoa học và Công nghệ, 2026');
  });
});
