// The IOC's overview over HTTP, as a leader's screen asks it, on the synthetic store: for the city as it stands today
// (Thành phố Cần Thơ) and for the 2024 province (Sóc Trăng, whose communes hold the ~10 M values).
import { loadConfig } from '../../src/server/config.js';
import { buildApp } from '../../src/server/app.js';
import { findByCode } from '../../src/core/org-units/index.js';
import { median } from '../common.js';
import type { Store } from './store.js';
import { RUNS, time } from './timing.js';

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)]!;

export async function measureOverview(store: Store, password: string) {
  const { db, database, province } = store;
  const config = { ...loadConfig({}), demo: false };
  const app = await buildApp({ db, dbKind: database.kind, config, now: () => new Date() }, { web: false });
  await app.ready();
  try {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password } });
    if (login.statusCode !== 200) throw new Error(`login: ${login.statusCode} ${login.body}`);
    const headers = { cookie: `tinhso_sid=${login.cookies.find((c) => c.name === 'tinhso_sid')!.value}` };
    const today = new Date().toISOString().slice(0, 10);
    const city = (await findByCode(db, '92', today))!;
    const ask = async (unitId: number, asOf: string) => {
      const url = `/api/ioc/overview?unitId=${unitId}&asOf=${asOf}`;
      const once = () => app.inject({ method: 'GET', url, headers }).then((r) => {
        if (r.statusCode !== 200) throw new Error(`${url}: ${r.statusCode} ${r.body}`);
        return r.json() as { pillars: unknown[] };
      });
      const cold = await time(once);
      const warm: number[] = [];
      for (let i = 0; i < RUNS; i++) warm.push((await time(once)).ms);
      return { cold: cold.ms, p50: median(warm), p95: p95(warm), pillars: cold.result.pillars.length };
    };
    return { city: await ask(city.id, today), province2024: await ask(province.id, '2024-12-31') };
  } finally {
    await app.close();
  }
}
