import { afterAll, beforeAll } from 'vitest';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from './helpers.js';

// What the alert-type tests share (src/core/alerts/types.test.ts and type-retirement.test.ts): one app per file, an administrator, an
// officer of Phường Sóc Trăng and a camera system's token, a type to add and a way to raise alerts of a type.
// Live bindings, set by useAlertTypesApp's beforeAll.
export let t: TestApp;
export let admin: Session;
export let officer: Session;
export let token: string;
export let ward: number;

export function useAlertTypesApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    admin = await t.login('admin');
    officer = await t.login('canbo');
    token = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Camera AI', scopes: ['alerts'] } })).json().token;
    ward = await unitId(t, '31507', '2025-07-01');
  });
  afterAll(() => t?.close());
}

export const camera = (over: Record<string, unknown> = {}) => ({
  code: 'CAMERA_CROWD', name: { vi: 'Camera phát hiện tụ tập đông người', en: 'Camera detected a crowd' }, field: 'SECURITY_TRAFFIC',
  defaultSeverity: 'warning', ackLimitMinutes: 15,
  checklist: [{ key: 'view_feed', vi: 'Xem hình ảnh camera', en: 'View the camera feed' }, { key: 'send_patrol', vi: 'Cử tổ tuần tra', en: 'Send a patrol' }],
  ...over,
});
export const raise = (type: string, key?: string) => t.app.inject({
  method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${token}` }, remoteAddress: nextLoopback(),
  payload: { type, title: { vi: 'Tụ tập đông người tại bến Ninh Kiều', en: 'Crowd at Ninh Kieu wharf' }, unitId: ward, ...(key ? { dedupeKey: key } : {}) },
});
export const reference = async () =>
  (await admin.request({ method: 'GET', url: '/api/alerts/reference' })).json().types as { code: string; origin: string; retired: boolean; ackLimitMinutes: number | null }[];
export const audited = (action: string, code: string) =>
  t.ctx.db.selectFrom('audit_log').select(['actor_name', 'before', 'after']).where('action', '=', action).where('entity_id', '=', code).execute();
