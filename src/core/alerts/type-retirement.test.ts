import { beforeAll, describe, expect, it } from 'vitest';
import { prepareDatabase } from '../../server/bootstrap.js';
import { writeSetting } from '../../server/settings.js';
import { syncAlerts } from './index.js';
import { admin, audited, camera, officer, raise, reference, t, useAlertTypesApp } from '../../../test/alert-types-setup.js';

// A type with alerts is retired: no new alert of it is accepted, its alerts are handled to their end. A shipped type
// is retired too (except those the platform's modules raise), and a restart that reloads the reference files keeps
// a retirement, an edit and a removal.

useAlertTypesApp();
// Two types added, one of them with alerts, the other removed: what a restart must not bring back.
beforeAll(async () => {
  const water = { code: 'WATER_LEVEL', name: { vi: 'Mực nước cao', en: 'High water' }, field: 'ENVIRONMENT', defaultSeverity: 'minor' };
  for (const type of [camera(), water]) expect((await admin.request({ method: 'POST', url: '/api/alerts/types', payload: type })).statusCode).toBe(201);
  for (const key of ['cam-1', 'cam-2']) expect((await raise('CAMERA_CROWD', key)).statusCode).toBe(201);
  expect((await admin.request({ method: 'DELETE', url: '/api/alerts/types/WATER_LEVEL' })).statusCode).toBe(200);
});

describe('retiring a type (PATCH retired)', () => {
  it('takes no new alert of it while its alerts are handled to their end, and puts it back in service', async () => {
    const open = (await admin.request({ method: 'GET', url: '/api/alerts?type=CAMERA_CROWD' })).json().alerts as { id: number }[];
    expect(open).toHaveLength(2);
    expect((await t.app.inject({ method: 'PATCH', url: '/api/alerts/types/CAMERA_CROWD', payload: { retired: true } })).statusCode).toBe(401);
    expect((await admin.request({ method: 'PATCH', url: '/api/alerts/types/CAMERA_CROWD', payload: { retired: 'yes' } })).statusCode).toBe(400);
    expect((await officer.request({ method: 'PATCH', url: '/api/alerts/types/CAMERA_CROWD', payload: { retired: true } })).statusCode).toBe(403);
    expect((await admin.request({ method: 'PATCH', url: '/api/alerts/types/NO_SUCH_TYPE', payload: { retired: true } })).statusCode).toBe(404);
    const retired = await admin.request({ method: 'PATCH', url: '/api/alerts/types/CAMERA_CROWD', payload: { retired: true } });
    expect(retired.statusCode, retired.body).toBe(200);
    expect(retired.json()).toMatchObject({ retired: true, ackLimitMinutes: 15 });
    expect(await audited('alert_type.retire', 'CAMERA_CROWD')).toHaveLength(1);

    const refused = await raise('CAMERA_CROWD');
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({ code: 'alert_type_retired', field: 'type' });
    expect(refused.json().error.messages.vi).toBe('Loại cảnh báo "CAMERA_CROWD" đã ngừng sử dụng, không nhận cảnh báo mới.');
    const repeat = await raise('CAMERA_CROWD', 'cam-2');
    expect(repeat.statusCode).toBe(409);

    const acted = await admin.request({ method: 'POST', url: `/api/alerts/${open[0]!.id}/act`, payload: { action: 'acknowledge' } });
    expect(acted.statusCode, acted.body).toBe(200);
    const resolved = await admin.request({ method: 'POST', url: `/api/alerts/${open[0]!.id}/act`, payload: { action: 'resolve', note: 'Đã giải tán / Dispersed' } });
    expect(resolved.json()).toMatchObject({ state: 'resolved' });
    expect((await admin.request({ method: 'DELETE', url: '/api/alerts/types/CAMERA_CROWD' })).statusCode).toBe(409);

    const back = await admin.request({ method: 'PATCH', url: '/api/alerts/types/CAMERA_CROWD', payload: { retired: false } });
    expect(back.json()).toMatchObject({ retired: false });
    expect(await audited('alert_type.reinstate', 'CAMERA_CROWD')).toHaveLength(1);
    expect((await raise('CAMERA_CROWD')).statusCode).toBe(201);
  });

  it('refuses to retire a type the platform\'s own modules raise, and a module\'s run goes on past a retired one', async () => {
    const platform = await admin.request({ method: 'PATCH', url: '/api/alerts/types/FEEDBACK_OVERDUE', payload: { retired: true } });
    expect(platform.statusCode).toBe(409);
    expect(platform.json().error).toMatchObject({ code: 'alert_type_platform', field: 'retired' });
    expect((await admin.request({ method: 'PATCH', url: '/api/alerts/types/WEATHER_WARNING', payload: { retired: true } })).statusCode).toBe(200);
    const refused: string[] = [];
    const result = await syncAlerts({
      db: t.ctx.db, source: 'test.weather', keyPrefix: 'w:', clearNote: '', now: new Date(), onRefused: (key, err) => refused.push(`${key} ${err.code}`),
      wanted: new Map([['w:1', { type: 'WEATHER_WARNING', title: { vi: 'Bão số 3' } }], ['w:2', { type: 'HOTLINE_115', title: { vi: 'Cấp cứu' } }]]),
    });
    expect(result).toEqual({ raised: 1, cleared: 0 });
    expect(refused).toEqual(['w:1 alert_type_retired']);
  });
});

describe('a restart that reloads the reference files', () => {
  it('keeps a retirement, an edit and a removal, and does not bring back a removed type', async () => {
    await admin.request({ method: 'PATCH', url: '/api/alerts/types/HOTLINE_113', payload: { ackLimitMinutes: 3 } });
    await writeSetting(t.ctx.db, 'reference_fingerprint', 'files changed');
    const again = await prepareDatabase(t.ctx.db, t.config);
    expect(again.migrations).toEqual([]);
    const types = await reference();
    expect(types.find((ty) => ty.code === 'WEATHER_WARNING')).toMatchObject({ origin: 'reference', retired: true });
    expect(types.find((ty) => ty.code === 'HOTLINE_113')).toMatchObject({ origin: 'reference', ackLimitMinutes: 3 });
    expect(types.find((ty) => ty.code === 'CAMERA_CROWD')).toMatchObject({ origin: 'province', retired: false });
    expect(types.find((ty) => ty.code === 'FEEDBACK_OVERDUE')).toMatchObject({ origin: 'platform', retired: false });
    expect(types.some((ty) => ty.code === 'WATER_LEVEL')).toBe(false);
    expect((await raise('WEATHER_WARNING')).statusCode).toBe(409);
  });
});
