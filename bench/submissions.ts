// Reports submitted and approved through the HTTP API: 13 regimes × every ward and commune of 2025 × 12 monthly
// periods × 50 values each (open, fill, submit by the unit's officer; approve by the city's reviewer), with 10
// clients at a time. Prints reports per second and values per second. --quick: 1 regime × 10 units × 2 periods.
// DATABASE_URL picks PostgreSQL (the setting); otherwise PGlite.
import { sql } from 'kysely';
import { SYSTEM } from '../src/core/access/index.js';
import { hashPassword } from '../src/core/auth/index.js';
import { openDatabase } from '../src/db/database.js';
import { saveRegime } from '../src/modules/reporting/index.js';
import { buildApp } from '../src/server/app.js';
import { prepareDatabase } from '../src/server/bootstrap.js';
import { loadConfig } from '../src/server/config.js';
import { quick, report, round } from './common.js';

const REGIMES = quick ? 1 : Number(process.env.BENCH_REGIMES ?? 13);
const UNITS = quick ? 10 : Number(process.env.BENCH_UNITS ?? Infinity);
const PERIODS = quick ? 2 : 12;
const VALUES = 50;
const CLIENTS = 10;
const url = process.env.DATABASE_URL;
const schema = url ? `bench_submissions_${process.pid}` : undefined;
const database = await openDatabase({ url, schema, poolSize: CLIENTS + 2 });
const db = database.db;
const config = { ...loadConfig({}), demo: false, adminPassword: 'bench-password-2026' };
await prepareDatabase(db, config);
const clock = { now: new Date('2025-12-20T03:00:00Z') };
const app = await buildApp({ db, dbKind: database.kind, config, now: () => clock.now }, { web: false, logger: { level: 'error' } });
await app.ready();

// The regimes, every one with a form of 50 elements of its own.
const combo = await db.selectFrom('category_combo').select('id').where('code', '=', 'default').executeTakeFirstOrThrow();
const regimes = Array.from({ length: REGIMES }, (_, i) => `BENCH_R${String(i + 1).padStart(2, '0')}`);
const elementsOf = (regime: string) => Array.from({ length: VALUES }, (_, i) => `${regime}_V${String(i + 1).padStart(2, '0')}`);
for (const code of regimes) {
  const elements = elementsOf(code);
  for (const e of elements) {
    await db.insertInto('data_element').values({ code: e, name_vi: e, name_en: e, value_type: 'integer', agg_units: 'sum', agg_time: 'sum', unit_of_measure: 'n', category_combo_id: combo.id, period_types: '["month"]' }).execute();
  }
  await saveRegime(db, SYSTEM, {
    code, nameVi: code, nameEn: code, kind: 'periodic', content: 'bench', reportingLevel: 'commune', reportingUnitIds: [], reportingUnitType: null, receivingUnitCode: '92', sendingMethod: 'system',
    frequency: 'month', basis: 'decree09', deadline: { kind: 'working_days_after_cutoff', days: 3 }, guidance: null, legalBasis: null, electronic: true,
    form: { sections: [{ code: 'DATA', kind: 'data', titleVi: 'Số liệu', titleEn: 'Data', items: elements.map((element) => ({ element, required: true, min: 0 })) }], rules: [] },
  }, { asOf: '2025-07-01' });
}
const units = (await db.selectFrom('org_unit').select(['id', 'code']).where('level', '=', 'commune').where('valid_from', '=', '2025-07-01').orderBy('code').execute()).slice(0, UNITS);
const city = await db.selectFrom('org_unit').select('id').where('code', '=', '92').where('valid_from', '=', '2025-07-01').executeTakeFirstOrThrow();
// One officer per unit and one reviewer of the city, logged in through the API.
const password = 'bench-password-2026';
const hash = await hashPassword(password);
for (const u of units) await db.insertInto('app_user').values({ username: `bench_${u.code}`, display_name: u.code, password_hash: hash, role: 'officer', org_unit_id: u.id }).execute();
await db.insertInto('app_user').values({ username: 'bench_city', display_name: 'city', password_hash: hash, role: 'reviewer', org_unit_id: city.id }).execute();
async function login(username: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });
  if (res.statusCode !== 200) throw new Error(res.body);
  return { cookie: `tinhso_sid=${res.cookies.find((c) => c.name === 'tinhso_sid')!.value}`, csrf: res.json().csrfToken as string };
}
const sessions = new Map<number, { cookie: string; csrf: string }>();
for (const u of units) sessions.set(u.id, await login(`bench_${u.code}`));
const reviewer = await login('bench_city');
const call = async (s: { cookie: string; csrf: string }, method: 'POST' | 'PUT', path: string, payload: unknown) => {
  const res = await app.inject({ method, url: path, payload: payload as object, headers: { cookie: s.cookie, 'x-csrf-token': s.csrf } });
  if (res.statusCode !== 200) throw new Error(`${method} ${path}: ${res.statusCode} ${res.body.slice(0, 300)}`);
  return res.json();
};

// Twelve months of the 2025 structure (wards and communes in force from 1 July 2025): August 2025 to July 2026.
const months = Array.from({ length: PERIODS }, (_, i) => {
  const d = new Date(Date.UTC(2025, 7 + i, 1));
  return `${d.getUTCFullYear()}M${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
});
const jobs = regimes.flatMap((regime) => months.flatMap((period) => units.map((u) => ({ regime, period, unit: u.id }))));
let next = 0;
const started = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, async () => {
  while (next < jobs.length) {
    const job = jobs[next++]!;
    const s = sessions.get(job.unit)!;
    const r = await call(s, 'POST', '/api/reporting/reports', { regime: job.regime, unitId: job.unit, period: job.period });
    const values = Object.fromEntries(elementsOf(job.regime).map((e, i) => [e, (job.unit * 31 + i * 7) % 1000]));
    await call(s, 'PUT', `/api/reporting/reports/${r.id}`, { values, narrative: {}, revision: r.revision });
    await call(s, 'POST', `/api/reporting/reports/${r.id}/submit`, {});
    await call(reviewer, 'POST', `/api/reporting/reports/${r.id}/approve`, {});
  }
}));
const seconds = (performance.now() - started) / 1000;
const stored = Number((await db.selectFrom('data_value').select((eb) => eb.fn.countAll<string>().as('n')).where('source_kind', '=', 'report').executeTakeFirstOrThrow()).n);
const reports = jobs.length;
console.log(`${reports.toLocaleString('en')} reports (${regimes.length} regimes × ${units.length} units × ${months.length} periods × ${VALUES} values) opened, filled, submitted and approved in ${seconds.toFixed(1)} s with ${CLIENTS} clients (${database.kind})`);
console.log(`${round(reports / seconds, 1)} reports/s, ${Math.round((reports * VALUES) / seconds)} values/s; ${stored.toLocaleString('en')} data values written`);
await app.close();
if (schema) await sql`DROP SCHEMA ${sql.id(schema)} CASCADE`.execute(db);
await database.close();
report({ bench: 'submissions', database: database.kind, reports, values: reports * VALUES, seconds: round(seconds, 1), reports_per_s: round(reports / seconds, 1), values_per_s: Math.round((reports * VALUES) / seconds), data_values_written: stored });
