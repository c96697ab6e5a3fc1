import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverNotifications, type MailMessage } from '../../core/notify/index.js';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from '../../../test/helpers.js';
import { briefingJobs } from './index.js';

let t: TestApp;
let admin: Session;
let leader: Session;
let officer: Session;
let ward: number;
let alertsToken: string;

// Sunday 29 November 2026, 10:00 in Việt Nam: what the briefings of Monday the 30th account for.
const SUNDAY = new Date('2026-11-29T03:00:00Z');
// Monday 30 November, 06:59 and 07:05 Việt Nam time.
const BEFORE_SEVEN = new Date('2026-11-29T23:59:00Z');
const MONDAY = new Date('2026-11-30T00:05:00Z');

const job = briefingJobs.find((j) => j.name === 'briefing.generate')!;
const pdfText = async (body: Buffer) => (await extractText(await getDocumentProxy(new Uint8Array(body)), { mergePages: true })).text;

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  leader = await t.login('lanhdao');
  officer = await t.login('canbo');
  ward = await unitId(t, '31507', '2025-07-01');
  alertsToken = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Tổng đài 114', scopes: ['alerts'] } })).json().token;
  // On Sunday a hotline reports a fire nobody acknowledges, and a citizen sends feedback.
  t.ctx.clock.now = SUNDAY;
  const alert = await t.app.inject({
    method: 'POST', url: '/api/alerts', headers: { authorization: `Bearer ${alertsToken}` }, remoteAddress: nextLoopback(),
    payload: { type: 'HOTLINE_114', severity: 'critical', title: { vi: 'Cháy nhà dân tại khóm 3', en: 'House fire in block 3' }, unitId: ward },
  });
  expect(alert.statusCode).toBe(201);
  const feedback = await t.app.inject({
    method: 'POST', url: '/api/public/feedback', remoteAddress: nextLoopback(),
    payload: { category: 'WASTE', description: 'Rác thải tồn đọng ở đầu hẻm 12 đường Lê Lợi', placeUnitId: ward, consent: true, contact: { name: 'Trần Thị Hoa' } },
  });
  expect(feedback.statusCode, feedback.body).toBe(201);
});
afterAll(() => t?.close());

describe('the daily and weekly briefing', () => {
  it('is refused to the anonymous, to a wall screen, and made only by an administrator, never for a day to come', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/briefings' })).statusCode).toBe(401);
    const wall = (await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Màn hình IOC', scopes: ['wall'] } })).json().token;
    expect((await t.app.inject({ method: 'GET', url: '/api/briefings', headers: { authorization: `Bearer ${wall}` } })).statusCode).toBe(403);
    const badKind = await leader.request({ method: 'GET', url: '/api/briefings?kind=monthly' });
    expect(badKind.statusCode).toBe(400);
    expect(badKind.json().error.field).toBe('querystring.kind');
    expect((await officer.request({ method: 'POST', url: '/api/briefings/generate', payload: { kind: 'daily' } })).statusCode).toBe(403);
    t.ctx.clock.now = MONDAY;
    const future = await admin.request({ method: 'POST', url: '/api/briefings/generate', payload: { kind: 'daily', madeOn: '2026-12-01' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().error).toMatchObject({ code: 'briefing_not_due', field: 'madeOn', messages: { vi: 'Chưa thể lập bản tin của ngày 01/12/2026: ngày này chưa đến.' } });
    expect((await leader.request({ method: 'GET', url: '/api/briefings/999999' })).statusCode).toBe(404);
    expect((await leader.request({ method: 'GET', url: '/api/briefings/1/pdf?lang=fr' })).statusCode).toBe(400);
  });

  it('is not made before 07:00 Việt Nam time; on a Monday from then the daily and the weekly are, once', async () => {
    expect(await job.run(t.database.db, BEFORE_SEVEN)).toBe('no briefing due');
    expect((await leader.request({ method: 'GET', url: '/api/briefings' })).json().briefings).toEqual([]);
    expect(await job.run(t.database.db, MONDAY)).toBe('briefings made: daily 2026-11-29, weekly 2026-11-23');
    expect(await job.run(t.database.db, new Date(MONDAY.getTime() + 600_000))).toBe('no briefing due');
    const list = (await officer.request({ method: 'GET', url: '/api/briefings' })).json().briefings;
    expect(list.map((b: { kind: string; periodStart: string; periodEnd: string }) => [b.kind, b.periodStart, b.periodEnd]))
      .toEqual([['weekly', '2026-11-23', '2026-11-29'], ['daily', '2026-11-29', '2026-11-29']]);
    expect((await leader.request({ method: 'GET', url: '/api/briefings?kind=weekly' })).json().briefings).toHaveLength(1);
  });

  it('says what changed: the alert raised and overdue, the feedback received, against the period before', async () => {
    const [daily] = (await leader.request({ method: 'GET', url: '/api/briefings?kind=daily' })).json().briefings;
    const res = await leader.request({ method: 'GET', url: `/api/briefings/${daily.id}` });
    expect(res.statusCode).toBe(200);
    const c = res.json().content;
    expect(c.unit.name).toBe('Thành phố Cần Thơ');
    expect(c.period).toEqual({ start: '2026-11-29', end: '2026-11-29' });
    expect(c.previous).toEqual({ start: '2026-11-28', end: '2026-11-28' });
    expect(c.alerts.raised).toEqual({ current: 1, previous: 0, trend: 'up' });
    expect(c.alerts.raisedBySeverity.critical).toBe(1);
    expect(c.alerts.overdue).toBeGreaterThanOrEqual(1);
    expect(c.alerts.overdueList[0]).toMatchObject({ severity: 'critical', title: { vi: 'Cháy nhà dân tại khóm 3' }, unit: 'Phường Sóc Trăng' });
    expect(c.feedback.received).toEqual({ current: 1, previous: 0, trend: 'up' });
    expect(c.feedback.answered.current).toBe(0);
    const fields = new Set(c.figures.map((f: { field: string }) => f.field));
    expect([...fields]).toEqual(expect.arrayContaining(['DIGITAL', 'REPORTING', 'FEEDBACK']));
    expect(c.figures.find((f: { title: { vi: string } }) => f.title.vi === 'Phản ánh tiếp nhận trong tháng')).toMatchObject({ period: '2026M11' });
  });

  it('answers the one made when asked again, and remakes it with replace, telling nobody twice', async () => {
    t.ctx.clock.now = MONDAY;
    const again = await admin.request({ method: 'POST', url: '/api/briefings/generate', payload: { kind: 'daily' } });
    expect(again.statusCode).toBe(200);
    const notices = () => t.database.db.selectFrom('notification').select(['channel', 'recipient']).where('event', '=', 'briefing.ready').execute();
    const before = await notices();
    // Two briefings: each to the leader in the app and by e-mail.
    expect(before.filter((n) => n.channel === 'email').map((n) => n.recipient)).toEqual(['lanhdao@example.invalid', 'lanhdao@example.invalid']);
    expect(before.filter((n) => n.channel === 'in_app')).toHaveLength(2);
    const remade = await admin.request({ method: 'POST', url: '/api/briefings/generate', payload: { kind: 'daily', replace: true } });
    expect(remade.statusCode).toBe(200);
    expect(remade.json().id).toBe(again.json().id);
    expect(await notices()).toHaveLength(before.length);
    const audit = await t.database.db.selectFrom('audit_log').select('action').where('entity', '=', 'briefing').execute();
    expect(audit.map((a) => a.action).sort()).toEqual(['briefing.create', 'briefing.create', 'briefing.replace']);
  });

  it('is an A4 PDF in Vietnamese by default, in English on request', async () => {
    const [daily] = (await leader.request({ method: 'GET', url: '/api/briefings?kind=daily' })).json().briefings;
    const vi = await leader.request({ method: 'GET', url: `/api/briefings/${daily.id}/pdf` });
    expect(vi.statusCode).toBe(200);
    expect(vi.headers['content-type']).toBe('application/pdf');
    expect(vi.headers['content-disposition']).toContain("filename*=UTF-8''B%E1%BA%A3n%20tin");
    const text = await pdfText(vi.rawPayload);
    for (const words of ['Bản tin điều hành ngày 29/11/2026', 'Cảnh báo mới', 'Cháy nhà dân tại khóm 3', 'Phản ánh, kiến nghị', 'Chỉ số theo lĩnh vực', 'Báo cáo trễ hạn', 'Trang 1/']) {
      expect(text).toContain(words);
    }
    const en = await pdfText((await leader.request({ method: 'GET', url: `/api/briefings/${daily.id}/pdf?lang=en` })).rawPayload);
    expect(en).toContain('Daily briefing, 29/11/2026');
    expect(en).toContain('House fire in block 3');
  });

  it('reaches the leader by e-mail with the PDF attached', async () => {
    const sent: MailMessage[] = [];
    // The outbox's rows are due from when they were written, by the database's clock.
    const result = await deliverNotifications(t.database.db, new Date(Date.now() + 60_000), { name: 'log', send: async (m) => void sent.push(m) }, 'https://tinhso.soctrang.gov.vn');
    expect(result.failed).toBe(0);
    const mail = sent.find((m) => m.to === 'lanhdao@example.invalid' && m.subject.includes('Bản tin điều hành'))!;
    expect(mail.text).toContain('Cảnh báo mới: 1');
    expect(mail.text).toContain('https://tinhso.soctrang.gov.vn/ioc/briefings/');
    expect(mail.attachments?.length).toBe(2);
    for (const file of mail.attachments!) {
      expect(file.contentType).toBe('application/pdf');
      expect(file.content.subarray(0, 5).toString()).toBe('%PDF-');
    }
    expect(mail.attachments!.map((a) => a.filename).sort()).toEqual(['Bản tin điều hành ngày 29-11-2026.pdf', 'Bản tin điều hành tuần 23-11-2026 – 29-11-2026.pdf']);
  });
});
