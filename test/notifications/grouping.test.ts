import { describe, expect, it } from 'vitest';
import { deliver, mails, officer, report, send, useNotificationsApp } from './setup.js';

useNotificationsApp();

interface Item { id: number; event: string; subject: string; count: number; readAt: string | null }
const inbox = async () => (await officer.request({ method: 'GET', url: '/api/notifications?unread=true' })).json() as { unread: number; unreadMessages: number; items: Item[] };

describe('a burst of reports', () => {
  it('shows the officer one group per event, marked read up to what was shown, so what arrives later stays unread', async () => {
    const codes: string[] = [];
    for (let i = 0; i < 8; i++) codes.push((await send({ ...report(), contact: { name: 'Người dân', email: `dan${i}@example.org` } })).json().trackingCode);
    const burst = await inbox();
    expect(burst.unreadMessages).toBe(8);
    expect(burst.unread).toBe(1);
    expect(burst.items).toHaveLength(1);
    expect(burst.items[0]).toMatchObject({ event: 'case.received', count: 8, subject: expect.stringContaining(codes[7]!) });

    const later = (await send({ ...report(), contact: { name: 'Người dân', email: 'dan9@example.org' } })).json().trackingCode;
    const marked = await officer.request({ method: 'POST', url: '/api/notifications/read', payload: { groups: [{ event: 'case.received', upTo: burst.items[0]!.id }] } });
    expect(marked.json()).toEqual({ marked: 8 });
    const after = await inbox();
    expect(after).toMatchObject({ unread: 1, unreadMessages: 1 });
    expect(after.items[0]).toMatchObject({ count: 1, subject: expect.stringContaining(later) });
  });

  it('marks nothing when the group names another event or an empty list of ids', async () => {
    const before = (await inbox()).unreadMessages;
    for (const payload of [{ groups: [{ event: 'case.answered', upTo: 1_000_000 }] }, { ids: [] }]) {
      expect((await officer.request({ method: 'POST', url: '/api/notifications/read', payload })).json()).toEqual({ marked: 0 });
    }
    expect((await inbox()).unreadMessages).toBe(before);
    const bad = await officer.request({ method: 'POST', url: '/api/notifications/read', payload: { groups: [{ event: 'case.received', upTo: 'all' }] } });
    expect(bad.statusCode).toBe(400);
  });

  it('e-mails one digest to an address that would receive many messages of one event at once', async () => {
    await deliver();
    mails.length = 0;
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) codes.push((await send(report())).json().trackingCode);
    expect(await deliver()).toMatchObject({ sent: 5, failed: 0 });
    const mine = mails.filter((m) => m.to === 'hoa@example.org');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.subject).toMatch(/^\[Tỉnh Số\] 5 thông báo \/ 5 notices — /);
    for (const code of codes) expect(mine[0]!.text).toContain(`https://tinhso.soctrang.gov.vn/cong-dan?ma=${code}`);
  });
});
