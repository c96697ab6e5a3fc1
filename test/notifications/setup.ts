import { afterAll, beforeAll } from 'vitest';
import { deliverNotifications, type MailTransport } from '../../src/core/notify/index.js';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from '../helpers.js';

// Live bindings, set by useNotificationsApp's beforeAll: the tests read them as plain names, each file its own app.
export let t: TestApp;
export let officer: Session;
export let admin: Session;
export let socTrang: number;
export const mails: { to: string; subject: string; text: string }[] = [];
/** A transport that keeps what it would send: the outbox is tested, not an SMTP server. */
export const mail: MailTransport = { name: 'log', send: async (m) => void mails.push(m) };

/** One app per test file (files run in parallel processes), with the officer of Phường Sóc Trăng and the administrator. */
export function useNotificationsApp(): void {
  beforeAll(async () => {
    t = await createTestApp();
    officer = await t.login('canbo');
    admin = await t.login('admin');
    socTrang = await unitId(t, '31507', '2025-07-01');
  });
  afterAll(() => t?.close());
}

export const send = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/public/feedback', payload, remoteAddress: nextLoopback() });
export const report = () => ({
  category: 'WASTE', description: 'Rác thải tồn đọng ở đầu hẻm 12 đường Lê Lợi', placeUnitId: socTrang, consent: true,
  contact: { name: 'Trần Thị Hoa', email: 'Hoa@Example.org' },
});
export const deliver = (at = new Date()) => deliverNotifications(t.database.db, at, mail, 'https://tinhso.soctrang.gov.vn');
export const caseId = async (code: string) => (await t.database.db.selectFrom('case_record').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;
