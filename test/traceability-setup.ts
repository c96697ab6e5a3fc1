import { expect } from 'vitest';
import { createTestApp, DEMO_PASSWORD, unitId, type Session, type TestApp } from './helpers.js';

// Two producers for the traceability tests: a rice cooperative of ward 31507 (the demo officer's) and a shallot
// household of another commune, each with an account of its own; the department's staff from the demo accounts.

export const TRACE_NOW = new Date('2026-11-30T03:00:00Z');

export interface TraceWorld {
  t: TestApp; admin: Session; officer: Session; reviewer: Session; leader: Session;
  ward: number; other: number; rice: { id: number; session: Session }; shallot: { id: number; session: Session };
}

export async function producerWithAccount(t: TestApp, admin: Session, input: Record<string, unknown>, username: string) {
  const made = await admin.request({ method: 'POST', url: '/api/traceability/producers', payload: input });
  expect(made.statusCode, made.body).toBe(201);
  const id = made.json().id as number;
  const account = await admin.request({ method: 'POST', url: `/api/traceability/producers/${id}/accounts`, payload: { username, displayName: `Tài khoản ${username}`, password: DEMO_PASSWORD } });
  expect(account.statusCode, account.body).toBe(201);
  return { id, session: await t.login(username) };
}

export async function traceWorld(): Promise<TraceWorld> {
  const t = await createTestApp();
  t.ctx.clock.now = TRACE_NOW;
  const [admin, officer, reviewer, leader] = await Promise.all([t.login('admin'), t.login('canbo'), t.login('thamdinh'), t.login('lanhdao')]);
  const ward = await unitId(t, '31507', '2025-07-01');
  const other = await unitId(t, '31510', '2025-07-01');
  const rice = await producerWithAccount(t, admin, {
    kind: 'cooperative', name: 'HTX Nông nghiệp Phước An', taxCode: '2200123456', gln: '8931234500009', address: 'Ấp Phước An, phường Sóc Trăng', unitId: ward,
  }, 'htx.phuocan');
  const shallot = await producerWithAccount(t, admin, {
    kind: 'household', name: 'Hộ Trần Văn Hành', address: 'Khóm 5, Vĩnh Châu', unitId: other,
  }, 'ho.tranhanh');
  return { t, admin, officer, reviewer, leader, ward, other, rice, shallot };
}
