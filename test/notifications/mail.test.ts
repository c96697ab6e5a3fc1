import { describe, expect, it } from 'vitest';
import { nextLoopback } from '../helpers.js';
import { admin, caseId, deliver, mails, officer, report, send, t, useNotificationsApp } from './setup.js';

useNotificationsApp();

describe('notifications', () => {
  it('e-mails the citizen the tracking code, and tells the officers of the unit in the app', async () => {
    const { trackingCode } = (await send(report())).json();
    mails.length = 0;
    expect(await deliver()).toMatchObject({ sent: expect.any(Number), failed: 0 });
    const mine = mails.filter((m) => m.to === 'hoa@example.org');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toContain(trackingCode);
    expect(mine[0]!.text).toContain('Phường Sóc Trăng');
    expect(mine[0]!.text).toContain(`https://tinhso.soctrang.gov.vn/cong-dan?ma=${trackingCode}`);
    const inbox = (await officer.request({ method: 'GET', url: '/api/notifications?unread=true' })).json();
    expect(inbox.unread).toBeGreaterThan(0);
    expect(inbox.items[0]).toMatchObject({ event: 'case.received', subject: expect.stringContaining(trackingCode) });
    const read = await officer.request({ method: 'POST', url: '/api/notifications/read', payload: {} });
    expect(read.json().marked).toBe(inbox.unread);
    expect((await officer.request({ method: 'GET', url: '/api/notifications?unread=true' })).json().unread).toBe(0);
    // Nobody else's messages.
    expect((await admin.request({ method: 'GET', url: '/api/notifications' })).json().items.map((n: { subject: string }) => n.subject).join()).not.toContain(trackingCode);
  });

  it('sends the answer to the reporter, its followers and the reporters of merged duplicates', async () => {
    const first = (await send(report())).json().trackingCode;
    const dup = (await send({ ...report(), contact: { name: 'Lê Văn Nam', email: 'nam@example.org' } })).json().trackingCode;
    await t.app.inject({ method: 'POST', url: `/api/public/feedback/${first}/follow`, payload: { email: 'follower@example.org', consent: true }, remoteAddress: nextLoopback() });
    const [a, b] = [await caseId(first), await caseId(dup)];
    for (const payload of [{ action: 'merge', mergeInto: a }]) expect((await officer.request({ method: 'POST', url: `/api/feedback/cases/${b}/actions`, payload })).statusCode).toBe(200);
    for (const action of ['accept', 'start']) await officer.request({ method: 'POST', url: `/api/feedback/cases/${a}/actions`, payload: { action } });
    await deliver();
    mails.length = 0;
    const answered = await officer.request({ method: 'POST', url: `/api/feedback/cases/${a}/actions`, payload: { action: 'answer', answer: 'Đã thu gom rác và nhắc nhở các hộ dân.' } });
    expect(answered.statusCode).toBe(200);
    await deliver();
    expect(mails.map((m) => m.to).sort()).toEqual(['follower@example.org', 'hoa@example.org', 'nam@example.org']);
    expect(mails[0]!.text).toContain('Đã thu gom rác và nhắc nhở các hộ dân.');
  });
});
