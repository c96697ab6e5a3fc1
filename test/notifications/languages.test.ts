import { describe, expect, it } from 'vitest';
import { caseId, deliver, mails, officer, report, send, t, useNotificationsApp } from './setup.js';

// Issue 13, point 8: a notice is read in one language at a time, naming the category by its name, with dd/mm/yyyy dates.
useNotificationsApp();

const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/;

describe('notices in the reader’s language', () => {
  it("an officer's in-app notice of a new case has a Vietnamese and an English subject naming the category, never its code", async () => {
    const { trackingCode } = (await send(report())).json();
    const inbox = (await officer.request({ method: 'GET', url: '/api/notifications?unread=true' })).json();
    const notice = inbox.items.find((n: { subject: string }) => n.subject.includes(trackingCode));
    expect(notice.subject).toMatch(new RegExp(`^Phản ánh mới ${trackingCode} \\(Vệ sinh môi trường, rác thải\\), hạn \\d{2}/\\d{2}/\\d{4}$`));
    expect(notice.subjectEn).toMatch(new RegExp(`^New report ${trackingCode} \\(Sanitation and waste\\), due \\d{2}/\\d{2}/\\d{4}$`));
    expect(notice.bodyEn).toBe(notice.subjectEn);
    for (const text of [notice.subject, notice.subjectEn]) expect(text).not.toContain('WASTE');
  });

  it("the citizen's e-mail says it in Vietnamese, then English, once prefixed, with the category's names and no ISO date", async () => {
    await deliver(); // what earlier tests queued, so this e-mail goes alone rather than in a digest
    const { trackingCode } = (await send(report())).json();
    mails.length = 0;
    await deliver();
    const mail = mails.find((m) => m.to === 'hoa@example.org' && m.subject.includes(trackingCode))!;
    expect(mail.subject).toBe(`[Tỉnh Số] Đã tiếp nhận phản ánh ${trackingCode} / Feedback ${trackingCode} received`);
    expect(mail.text).toContain('(Vệ sinh môi trường, rác thải)');
    expect(mail.text).toContain('(Sanitation and waste)');
    expect(mail.text).toMatch(/Answer due by \d{2}\/\d{2}\/\d{4}\./);
    expect(mail.text).not.toMatch(ISO_DATE);
  });

  it('the notice of an assignment, and one written before notices had English, read in both languages', async () => {
    const { trackingCode } = (await send(report())).json();
    const id = await caseId(trackingCode);
    const me = (await officer.request({ method: 'GET', url: '/api/auth/me' })).json().user as { id: number };
    const assigned = await officer.request({ method: 'POST', url: '/api/feedback/cases/bulk', payload: { ids: [id], action: 'assign', officerId: me.id } });
    expect(assigned.statusCode, assigned.body).toBe(200);
    await t.database.db.insertInto('notification').values({
      channel: 'in_app', recipient: String(me.id), user_id: me.id, event: 'legacy', subject: 'Thông báo cũ', body: 'Thông báo cũ', state: 'sent',
    }).execute();
    const items = (await officer.request({ method: 'GET', url: '/api/notifications?limit=200' })).json().items as { event: string; subject: string; subjectEn: string }[];
    expect(items.find((n) => n.event === 'case.assigned' && n.subject.includes(trackingCode))).toMatchObject({
      subject: `Bạn được giao xử lý hồ sơ ${trackingCode}`, subjectEn: `You were assigned case ${trackingCode}`,
    });
    expect(items.find((n) => n.event === 'legacy')).toMatchObject({ subject: 'Thông báo cũ', subjectEn: 'Thông báo cũ' });
  });
});
