import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from '../../../test/helpers.js';

let t: TestApp;
let admin: Session;
let officer: Session;
let ward: number;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  officer = await t.login('canbo');
  ward = await unitId(t, '31507', '2025-07-01');
});
afterAll(() => t?.close());

const post = (token: string, payload: unknown) =>
  t.app.inject({ method: 'POST', url: `/api/v1/${token}/telemetry`, payload: payload as object, remoteAddress: nextLoopback() });
const create = async (name: string, kind = 'LIGHT_TRAP', over: Record<string, unknown> = {}) => {
  const res = await admin.request({ method: 'POST', url: '/api/devices', payload: { kind, name, unitId: ward, ...over } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { device: { id: number; status: string; tokenPrefix: string }; token: string };
};
const stored = async (deviceId: number) =>
  t.database.db.selectFrom('telemetry').select(['key', 'ts', 'value']).where('device_id', '=', deviceId).orderBy('ts').orderBy('key').execute();

describe('the device registry', () => {
  it('is read by people, changed by administrators, and refuses what does not exist', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/devices' })).statusCode).toBe(401);
    expect((await officer.request({ method: 'POST', url: '/api/devices', payload: { kind: 'LIGHT_TRAP', name: 'Bẫy 1' } })).statusCode).toBe(403);
    const unknownKind = await admin.request({ method: 'POST', url: '/api/devices', payload: { kind: 'NO_SUCH', name: 'Bẫy 1' } });
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json().error.field).toBe('kind');
    const { device, token } = await create('Bẫy đèn Phường Sóc Trăng 1');
    expect(device).toMatchObject({ status: 'never', unit: { id: ward, name: 'Phường Sóc Trăng' }, tokenPrefix: token.slice(0, 6) });
    expect((await admin.request({ method: 'POST', url: '/api/devices', payload: { kind: 'LIGHT_TRAP', name: 'Bẫy đèn Phường Sóc Trăng 1' } })).statusCode).toBe(409);
    expect((await officer.request({ method: 'GET', url: '/api/devices' })).json().map((d: { name: string }) => d.name)).toContain('Bẫy đèn Phường Sóc Trăng 1');
    expect((await admin.request({ method: 'GET', url: '/api/devices/999999' })).statusCode).toBe(404);
    // A new name is all a rename changes: the point and the commune stay.
    const placed = (await create('Bẫy đổi tên', 'LIGHT_TRAP', { location: { lat: 9.6, lon: 105.97 } })).device;
    const renamed = await admin.request({ method: 'PATCH', url: `/api/devices/${placed.id}`, payload: { name: 'Bẫy đã đổi tên' } });
    expect(renamed.json()).toMatchObject({ name: 'Bẫy đã đổi tên', location: { lat: 9.6, lon: 105.97 }, unit: { id: ward } });
    expect((await admin.request({ method: 'PATCH', url: `/api/devices/${placed.id}`, payload: { ownerUnitId: 99_999_999 } })).json().error.code).toBe('reference_not_found');
    const kinds = (await officer.request({ method: 'GET', url: '/api/device-kinds' })).json();
    expect(kinds.find((k: { code: string }) => k.code === 'LIGHT_TRAP').keys.map((k: { key: string }) => k.key)).toEqual(expect.arrayContaining(['BPH', 'WBPH', 'RLF', 'YSB']));
  });
});

describe('telemetry over HTTP (ThingsBoard)', () => {
  it('stores flat, timed and batched readings once, late and out of order, and marks the device seen', async () => {
    const { device, token } = await create('Bẫy đèn HTTP');
    expect((await post(token, { BPH: 12, WBPH: 3 })).json()).toEqual({ stored: 2, received: 2 });
    const night = Date.parse('2026-11-20T12:00:00Z');
    const batch = [{ ts: night + 3_600_000, values: { BPH: 40 } }, { ts: night, values: { BPH: 25, battery: 81 } }];
    expect((await post(token, batch)).statusCode).toBe(200);
    // The same batch again (a device that did not hear the answer): nothing is stored twice.
    expect((await post(token, batch)).statusCode).toBe(200);
    const rows = await stored(device.id);
    expect(rows.filter((r) => r.key === 'BPH').map((r) => r.value)).toEqual([25, 40, 12]);
    const hourly = await t.database.db.selectFrom('telemetry_hourly').select(['n', 'sum']).where('device_id', '=', device.id).where('key', '=', 'BPH').execute();
    expect(hourly.reduce((s, h) => s + h.n, 0)).toBe(3);
    expect(hourly.reduce((s, h) => s + h.sum, 0)).toBe(77);
    const view = (await admin.request({ method: 'GET', url: `/api/devices/${device.id}` })).json();
    expect(view).toMatchObject({ status: 'online', battery: 81, badPayloads: 0 });
    const series = await admin.request({ method: 'GET', url: `/api/devices/${device.id}/series?key=BPH&from=2026-11-20&to=2026-11-21&resolution=hour` });
    expect(series.json().points.map((p: { value: number }) => p.value)).toEqual([25, 40]);
    const daily = await admin.request({ method: 'GET', url: `/api/devices/${device.id}/series?key=BPH&from=2026-11-20&to=2026-11-22&resolution=day` });
    expect(daily.json().points).toEqual([expect.objectContaining({ at: '2026-11-20', max: 40, min: 25, n: 2 })]);
    const latest = (await admin.request({ method: 'GET', url: `/api/devices/${device.id}/latest` })).json();
    expect(latest.find((l: { key: string }) => l.key === 'BPH').value).toBe(12);
  });

  it('refuses bad payloads of every kind whole, with the reason, counts them against the device, and goes on', async () => {
    const { device, token } = await create('Bẫy đèn lỗi');
    const bad: [unknown, RegExp][] = [
      [{ BPH: 'nhiều' }, /invalid/], [{ ts: 12, values: { BPH: 1 } }, /invalid/], [{ ts: Date.now(), values: {} }, /invalid/],
      [{ BPH: 1, salinity: 3 }, /unknown_keys: salinity/], [[], /invalid/], [{ values: { BPH: 1 } }, /invalid/], [{ 'bad key': 1 }, /invalid/],
    ];
    for (const [payload, reason] of bad) {
      const res = await post(token, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().error.code).toBe('telemetry_refused');
      expect(res.json().error.messages.en).toMatch(reason);
      expect(res.json().error.messages.vi).toContain('không giá trị nào của lần gửi này được lưu');
    }
    expect(await stored(device.id)).toEqual([]);
    expect((await post(token, { BPH: 5 })).statusCode).toBe(200);
    await expect.poll(async () => (await admin.request({ method: 'GET', url: `/api/devices/${device.id}` })).json().badPayloads).toBe(bad.length);
    expect((await post('khong-phai-ma-that', { BPH: 1 })).statusCode).toBe(401);
  });

  it('stops taking a revoked token at once, and a new token works', async () => {
    const { device, token } = await create('Bẫy đèn thu hồi');
    expect((await post(token, { BPH: 1 })).statusCode).toBe(200);
    expect((await officer.request({ method: 'POST', url: `/api/devices/${device.id}/revoke` })).statusCode).toBe(403);
    expect((await admin.request({ method: 'POST', url: `/api/devices/${device.id}/revoke` })).json().status).toBe('revoked');
    expect((await post(token, { BPH: 2 })).json().error.code).toBe('device_token_invalid');
    const renewed = (await admin.request({ method: 'POST', url: `/api/devices/${device.id}/token` })).json();
    expect(renewed.device.status).not.toBe('revoked');
    expect((await post(renewed.token, { BPH: 3 })).statusCode).toBe(200);
    expect((await post(token, { BPH: 4 })).statusCode).toBe(401);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'device').where('entity_id', '=', String(device.id)).execute();
    expect(audit.map((a) => a.action)).toEqual(['device.create', 'device.revoke', 'device.token']);
  });

  it('provisions a device that presents its kind key and secret, and refuses a wrong secret or a taken name', async () => {
    expect((await officer.request({ method: 'POST', url: '/api/device-kinds/SALINITY_STATION/provisioning' })).statusCode).toBe(403);
    const { key, secret } = (await admin.request({ method: 'POST', url: '/api/device-kinds/SALINITY_STATION/provisioning' })).json();
    const provision = (body: object) => t.app.inject({ method: 'POST', url: '/api/v1/provision', payload: body, remoteAddress: nextLoopback() });
    expect((await provision({ deviceName: 'Trạm mặn Trần Đề', provisionDeviceKey: key, provisionDeviceSecret: 'sai-ma-bi-mat' })).statusCode).toBe(401);
    const ok = await provision({ deviceName: 'Trạm mặn Trần Đề', provisionDeviceKey: key, provisionDeviceSecret: secret });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ status: 'SUCCESS', credentialsType: 'ACCESS_TOKEN' });
    expect((await post(ok.json().credentialsValue, { salinity: 4.6, water_level: 120 })).statusCode).toBe(200);
    expect((await provision({ deviceName: 'Trạm mặn Trần Đề', provisionDeviceKey: key, provisionDeviceSecret: secret })).statusCode).toBe(409);
    expect((await provision({ deviceName: 'x' })).statusCode).toBe(400);
  });
});
