import { describe, expect, it } from 'vitest';
import { admin, audited, camera, officer, raise, reference, t, useAlertTypesApp } from '../../../test/alert-types-setup.js';

// An administrator adds the alert types other systems raise and removes one no alert uses; a type with alerts and a
// shipped type are refused (retirement: type-retirement.test.ts).

useAlertTypesApp();

describe('POST /api/alerts/types', () => {
  it('refuses the anonymous (401), a malformed type (400) and an officer (403)', async () => {
    expect((await t.app.inject({ method: 'POST', url: '/api/alerts/types', payload: camera() })).statusCode).toBe(401);
    const badCode = await admin.request({ method: 'POST', url: '/api/alerts/types', payload: camera({ code: 'camera crowd' }) });
    expect(badCode.statusCode).toBe(400);
    expect(badCode.json().error.field).toBe('code');
    const noEnglish = await admin.request({ method: 'POST', url: '/api/alerts/types', payload: camera({ name: { vi: 'Chỉ tiếng Việt' } }) });
    expect(noEnglish.statusCode).toBe(400);
    const badStep = await admin.request({ method: 'POST', url: '/api/alerts/types', payload: camera({ checklist: [{ key: 'Bad Key', vi: 'a', en: 'b' }] }) });
    expect(badStep.statusCode).toBe(400);
    expect((await officer.request({ method: 'POST', url: '/api/alerts/types', payload: camera() })).statusCode).toBe(403);
    expect((await reference()).some((ty) => ty.code === 'CAMERA_CROWD')).toBe(false);
  });

  it('names an unknown field (400) and a taken code (409) in both languages', async () => {
    const unknownField = await admin.request({ method: 'POST', url: '/api/alerts/types', payload: camera({ field: 'NO_SUCH_FIELD' }) });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.json().error).toMatchObject({ code: 'alert_field_unknown', field: 'field' });
    expect(unknownField.json().error.messages.vi).toContain('NO_SUCH_FIELD');
    const taken = await admin.request({ method: 'POST', url: '/api/alerts/types', payload: camera({ code: 'HOTLINE_114' }) });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().error).toMatchObject({ code: 'alert_type_taken', field: 'code' });
    expect(taken.json().error.messages).toEqual({
      vi: 'Mã loại cảnh báo "HOTLINE_114" đã được dùng; hãy chọn mã khác.', en: 'The alert type code "HOTLINE_114" is already taken; choose another.',
    });
  });

  it('adds the type (201), audited, listed and raised at once', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/alerts/types', payload: camera() });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toEqual({
      code: 'CAMERA_CROWD', field: 'SECURITY_TRAFFIC', name: camera().name, defaultSeverity: 'warning', ackLimitMinutes: 15, checklist: camera().checklist,
      origin: 'province', retired: false,
    });
    expect(await audited('alert_type.create', 'CAMERA_CROWD')).toHaveLength(1);
    expect((await reference()).find((ty) => ty.code === 'CAMERA_CROWD')).toMatchObject({ origin: 'province', retired: false });
    const again = await admin.request({ method: 'POST', url: '/api/alerts/types', payload: camera({ name: { vi: 'Khác', en: 'Other' } }) });
    expect(again.statusCode).toBe(409);
    const bare = await admin.request({ method: 'POST', url: '/api/alerts/types', payload: { code: 'WATER_LEVEL', name: { vi: 'Mực nước cao', en: 'High water' }, field: 'ENVIRONMENT', defaultSeverity: 'minor' } });
    expect(bare.statusCode, bare.body).toBe(201);
    expect(bare.json()).toMatchObject({ ackLimitMinutes: null, checklist: [] });
    const raised = await raise('CAMERA_CROWD');
    expect(raised.statusCode, raised.body).toBe(201);
    const alert = (await admin.request({ method: 'GET', url: `/api/alerts/${raised.json().id}` })).json();
    expect(alert).toMatchObject({ type: 'CAMERA_CROWD', severity: 'warning', field: 'SECURITY_TRAFFIC', ackLimitMinutes: 15 });
    expect(alert.checklist.map((s: { key: string }) => s.key)).toEqual(['view_feed', 'send_patrol']);
  });
});

describe('DELETE /api/alerts/types/:code', () => {
  it('refuses the anonymous (401), a malformed code (400), an officer (403) and an unknown type (404)', async () => {
    expect((await t.app.inject({ method: 'DELETE', url: '/api/alerts/types/WATER_LEVEL' })).statusCode).toBe(401);
    expect((await admin.request({ method: 'DELETE', url: '/api/alerts/types/water-level' })).statusCode).toBe(400);
    expect((await officer.request({ method: 'DELETE', url: '/api/alerts/types/WATER_LEVEL' })).statusCode).toBe(403);
    expect((await admin.request({ method: 'DELETE', url: '/api/alerts/types/NO_SUCH_TYPE' })).statusCode).toBe(404);
  });

  it('refuses a shipped type and a type with alerts (409, with their count), then removes an unused one', async () => {
    const shipped = await admin.request({ method: 'DELETE', url: '/api/alerts/types/WEATHER_WARNING' });
    expect(shipped.statusCode).toBe(409);
    expect(shipped.json().error.code).toBe('alert_type_shipped');
    expect(shipped.json().error.messages.en).toContain('it can be retired');
    const platform = await admin.request({ method: 'DELETE', url: '/api/alerts/types/CONNECTOR_FAILED' });
    expect(platform.statusCode).toBe(409);
    expect(platform.json().error.code).toBe('alert_type_platform');
    await raise('CAMERA_CROWD', 'cam-7');
    const used = await admin.request({ method: 'DELETE', url: '/api/alerts/types/CAMERA_CROWD' });
    expect(used.statusCode).toBe(409);
    expect(used.json().error.code).toBe('alert_type_in_use');
    expect(used.json().error.messages.vi).toContain('đang có 2 cảnh báo');
    expect(used.json().error.messages.en).toContain('2 alerts are of this type. Retire it instead');
    const removed = await admin.request({ method: 'DELETE', url: '/api/alerts/types/WATER_LEVEL' });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(removed.json()).toEqual({ code: 'WATER_LEVEL', removed: true });
    expect((await reference()).some((ty) => ty.code === 'WATER_LEVEL')).toBe(false);
    expect(await audited('alert_type.remove', 'WATER_LEVEL')).toHaveLength(1);
    expect((await admin.request({ method: 'DELETE', url: '/api/alerts/types/WATER_LEVEL' })).statusCode).toBe(404);
  });
});
