import { afterAll, beforeAll } from 'vitest';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from '../../../test/helpers.js';

// Live bindings, set by useFeedbackApp's beforeAll: each test file its own app (files run in parallel processes).
export let t: TestApp;
export let officer: Session;
export let admin: Session;
/** Phường Sóc Trăng (31507) and Phường Phú Lợi (31510) in the structure of 1 July 2025. */
export let socTrang: number;
export let phuLoi: number;

export function useFeedbackApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    [officer, admin] = await Promise.all([t.login('canbo'), t.login('admin')]);
    socTrang = await unitId(t, '31507', '2025-07-01');
    phuLoi = await unitId(t, '31510', '2025-07-01');
  });
  afterAll(() => t?.close());
}

/** A citizen's report sent from an address of its own, as the public app sends it. */
export const send = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/public/feedback', payload, remoteAddress: nextLoopback() });

export const report = {
  category: 'DRAINAGE', description: 'Đường Trần Hưng Đạo ngập sâu sau mưa, cống không thoát nước.', placeUnitId: 0, consent: true,
  contact: { name: 'Trần Thị Hoa', phone: '0912 345 678', email: 'hoa@example.org' },
};
