import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agronomyWorld, NOW, type AgronomyWorld } from '../../../test/agronomy-setup.js';
import { nextLoopback } from '../../../test/helpers.js';
import { alertSalinity } from './alerts.js';
import { publishAgronomyFigures } from './figures.js';

let w: AgronomyWorld;
beforeAll(async () => { w = await agronomyWorld(); });
afterAll(() => w?.t.close());

const send = (token: string, payload: unknown) =>
  w.t.app.inject({ method: 'POST', url: `/api/v1/${token}/telemetry`, payload: payload as object, remoteAddress: nextLoopback() });
const at = (hhmmVn: string) => Date.parse(`2026-11-30T${hhmmVn}:00+07:00`);

describe('salinity against the crop stage', () => {
  it('stays quiet at 1.5‰ while the fields are tillering (limit 2‰), and alerts with sluice advice once they are seedlings (limit 1‰)', async () => {
    // A morning of tides at Đại Ngãi, in g/L as the sub-department's bulletins give it.
    expect((await send(w.stationToken, [{ ts: at('06:00'), values: { salinity_gl: 0.6 } }, { ts: at('08:15'), values: { salinity_gl: 1.5 } }, { ts: at('09:30'), values: { salinity_gl: 1.1 } }])).statusCode).toBe(200);
    const view = (await w.officer.request({ method: 'GET', url: '/api/agronomy/salinity?day=2026-11-30' })).json();
    const station = view.stations.find((s: { id: number }) => s.id === w.station);
    expect(station).toMatchObject({ today: { max: 1.5, min: 0.6 }, stage: { code: 'tillering', limit: 2 }, exceeds: false, beyondLine: false });
    expect(view.line).toBe(4);
    expect((await alertSalinity(w.t.database.db, NOW)).raised).toBe(0);

    // The commune's fields are sown: the officer of the ward says so.
    const set = await w.officer.request({ method: 'PUT', url: '/api/agronomy/crop-stages', payload: { unitId: w.commune, stage: 'seedling', since: '2026-11-25' } });
    expect(set.statusCode, set.body).toBe(200);
    const unknown = await w.officer.request({ method: 'PUT', url: '/api/agronomy/crop-stages', payload: { unitId: w.commune, stage: 'flowering', since: '2026-11-25' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.message).toMatch(/giai đoạn cây trồng/);

    const sub = await w.officer.request({ method: 'POST', url: '/api/agronomy/subscriptions', payload: { name: 'Tổ hợp tác Mỹ Xuyên', email: 'tht.myxuyen@example.invalid', unitId: w.commune } });
    expect(sub.statusCode, sub.body).toBe(201);
    expect((await alertSalinity(w.t.database.db, NOW, 'https://tinhso.example')).raised).toBe(1);
    // The cooperatives of the commune are told, with the advice and the public map.
    const mail = await w.t.database.db.selectFrom('notification').select(['subject', 'body']).where('event', '=', 'agronomy.salinity').where('recipient', '=', 'tht.myxuyen@example.invalid').executeTakeFirstOrThrow();
    expect(mail.subject).toContain('Độ mặn 1,5‰ tại Trạm mặn Đại Ngãi');
    expect(mail.body).toMatch(/Đóng cống[\s\S]*https:\/\/tinhso.example\/cong-dan\/nong-nghiep/);
    const alerts = (await w.officer.request({ method: 'GET', url: '/api/alerts?type=SALINITY' })).json().alerts;
    const alert = alerts.find((a: { title: { vi: string } }) => a.title.vi.includes('Trạm mặn Đại Ngãi'));
    expect(alert.title.vi).toBe('Độ mặn 1,5‰ tại Trạm mặn Đại Ngãi vượt ngưỡng 1‰ (gieo sạ, mạ) ngày 30/11/2026');
    expect(alert.severity).toBe('major');
    expect(alert.details.vi).toMatch(/Đóng cống/);
    // Stage back to tillering from tomorrow on: today's alert stands until the day has passed.
    expect((await alertSalinity(w.t.database.db, NOW)).raised).toBe(0);
  });

  it('converts a station that sends conductivity only, and publishes the day\'s max and min into the store', async () => {
    const probe = (await w.admin.request({ method: 'POST', url: `/api/devices/${w.probe}/token` })).json().token as string;
    expect((await send(probe, [{ ts: at('07:00'), values: { conductivity: 400, temperature: 25 } }, { ts: at('11:00'), values: { conductivity: 2000, temperature: 25 } }])).statusCode).toBe(200);
    const station = (await w.officer.request({ method: 'GET', url: '/api/agronomy/salinity?day=2026-11-30' })).json().stations.find((s: { id: number }) => s.id === w.probe);
    expect(station.today.max).toBeCloseTo(1.02, 2);
    await publishAgronomyFigures(w.t.database.db, { from: '2026-11-30', to: '2026-11-30' });
    const values = (await w.officer.request({ method: 'GET', url: '/api/dataValueSets?dataElement=AGRI_SALINITY_MAX&dataElement=AGRI_SALINITY_MIN&orgUnit=31507&startDate=2026-11-30&endDate=2026-11-30' })).json().dataValues;
    // Two stations in the commune: its highest is Đại Ngãi's 1.5, its lowest the probe's.
    expect(values.find((v: { dataElement: string }) => v.dataElement === 'AGRI_SALINITY_MAX').value).toBe('1.5');
    expect(Number(values.find((v: { dataElement: string }) => v.dataElement === 'AGRI_SALINITY_MIN').value)).toBeLessThan(0.6);
  });

  it('shows the stations to the public without an account', async () => {
    const res = await w.t.app.inject({ method: 'GET', url: '/api/public/agronomy/salinity', remoteAddress: nextLoopback() });
    expect(res.statusCode).toBe(200);
    expect(res.json().stations.map((s: { name: string }) => s.name)).toContain('Trạm mặn Đại Ngãi');
  });
});
