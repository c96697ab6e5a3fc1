import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliverNotifications, webhookSignature, type MailTransport } from '../src/core/notify/index.js';
import { escalateOverdue, remindDueSoon } from '../src/core/cases/index.js';
import { createTestApp, nextLoopback, unitId, type Session, type TestApp } from './helpers.js';

let t: TestApp;
let officer: Session;
let admin: Session;
let socTrang: number;
const mails: { to: string; subject: string; text: string }[] = [];
/** A transport that keeps what it would send: the outbox is tested, not an SMTP server. */
const mail: MailTransport = { name: 'log', send: async (m) => void mails.push(m) };
const received: { headers: http.IncomingHttpHeaders; body: string }[] = [];
let failNext = 0;
let hook: http.Server;
let hookUrl: string;

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.login('canbo');
  admin = await t.login('admin');
  socTrang = await unitId(t, '31507', '2025-07-01');
  hook = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      if (failNext > 0) {
        failNext--;
        res.writeHead(503).end();
        return;
      }
      received.push({ headers: req.headers, body });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
  hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/tinhso`;
});
afterAll(async () => {
  hook?.close();
  await t?.close();
});

const send = (payload: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/public/feedback', payload, remoteAddress: nextLoopback() });
const report = () => ({
  category: 'WASTE', description: 'Rác thải tồn đọng ở đầu hẻm 12 đường Lê Lợi', placeUnitId: socTrang, consent: true,
  contact: { name: 'Trần Thị Hoa', email: 'Hoa@Example.org' },
});
const deliver = (at = new Date()) => deliverNotifications(t.database.db, at, mail, 'https://tinhso.soctrang.gov.vn');
const caseId = async (code: string) => (await t.database.db.selectFrom('case_record').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()).id;

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

  it('calls a webhook with a signed body, retries a failure later, and shows the delivery log to administrators', async () => {
    const created = await admin.request({ method: 'POST', url: '/api/webhooks', payload: { name: 'Hệ thống 1022', url: hookUrl, events: ['case.received', 'case.answered'] } });
    expect(created.statusCode, created.body).toBe(201);
    const secret = created.json().secret as string;
    await deliver();
    received.length = 0;
    failNext = 1;
    const { trackingCode } = (await send(report())).json();
    const now = new Date();
    expect(await deliver(now)).toMatchObject({ failed: 0 });
    expect(received).toHaveLength(0);
    const pending = (await admin.request({ method: 'GET', url: '/api/notifications/outbox?state=pending' })).json();
    expect(pending.find((n: { channel: string }) => n.channel === 'webhook')).toMatchObject({ attempts: 1, lastError: 'HTTP 503', recipient: hookUrl });
    await deliver(new Date(now.getTime() + 61_000));
    expect(received).toHaveLength(1);
    const { headers, body } = received[0]!;
    expect(headers['x-tinhso-event']).toBe('case.received');
    expect(headers['x-tinhso-signature']).toBe(webhookSignature(secret, body));
    expect(JSON.parse(body)).toMatchObject({ event: 'case.received', data: { trackingCode, state: 'routed', link: `https://tinhso.soctrang.gov.vn/cong-dan?ma=${trackingCode}` } });
    expect(body).not.toMatch(/Trần Thị Hoa|hoa@example/i);
    const bad = await admin.request({ method: 'POST', url: '/api/webhooks', payload: { name: 'x', url: 'ftp://example.org', events: ['case.nope'] } });
    expect(bad.statusCode).toBe(400);
    expect((await admin.request({ method: 'DELETE', url: `/api/webhooks/${created.json().id}` })).statusCode).toBe(204);
  });

  it('gives up on a webhook after six failures and marks the delivery failed', async () => {
    const created = (await admin.request({ method: 'POST', url: '/api/webhooks', payload: { name: 'Hỏng', url: 'http://127.0.0.1:9/closed', events: ['*'] } })).json();
    await send(report());
    let at = new Date();
    for (let i = 0; i < 6; i++) {
      await deliver(at);
      at = new Date(at.getTime() + 3600_000);
    }
    const failed = (await admin.request({ method: 'GET', url: '/api/notifications/outbox?state=failed' })).json();
    expect(failed.some((n: { recipient: string; attempts: number }) => n.recipient === 'http://127.0.0.1:9/closed' && n.attempts === 6)).toBe(true);
    await admin.request({ method: 'DELETE', url: `/api/webhooks/${created.id}` });
  });

  it('reminds the unit once per deadline, the day before it, and tells the parent unit of an escalation', async () => {
    t.ctx.clock.now = new Date('2026-11-23T02:00:00Z');
    let code: string;
    try {
      code = (await send(report())).json().trackingCode;
    } finally {
      t.ctx.clock.now = null;
    }
    const id = await caseId(code);
    const due = (await t.database.db.selectFrom('case_record').select('due_date').where('id', '=', id).executeTakeFirstOrThrow()).due_date;
    expect(due).toBe('2026-11-30');
    const db = t.database.db;
    const reminders = () => db.selectFrom('notification').select(['user_id', 'event']).where('case_id', '=', id).where('event', '=', 'case.due_soon').where('channel', '=', 'in_app').execute();
    await remindDueSoon(db, new Date('2026-11-25T02:00:00Z'));
    expect(await reminders()).toHaveLength(0);
    await remindDueSoon(db, new Date('2026-11-27T02:00:00Z')); // Friday: the next working day is Monday the 30th
    await remindDueSoon(db, new Date('2026-11-28T02:00:00Z'));
    expect(await reminders()).toHaveLength(1);
    await escalateOverdue(db, new Date('2026-12-01T02:00:00Z'));
    const thamdinh = await db.selectFrom('app_user').select('id').where('username', '=', 'thamdinh').executeTakeFirstOrThrow();
    const escalated = await db.selectFrom('notification').select(['user_id', 'channel']).where('case_id', '=', id).where('event', '=', 'case.escalated').execute();
    expect(escalated).toEqual(expect.arrayContaining([{ user_id: thamdinh.id, channel: 'in_app' }]));
  });
});

describe('e-mail over SMTP', () => {
  it('delivers the outbox through a real SMTP server when SMTP_URL is set, in UTF-8', async () => {
    const { SMTPServer } = await import('smtp-server');
    const { simpleParser } = await import('mailparser');
    const { mailTransport } = await import('../src/core/notify/index.js');
    const got: { to: string[]; raw: string }[] = [];
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS'], logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.on('data', (c: Buffer) => (raw += c.toString('utf8')));
        stream.on('end', () => {
          got.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    try {
      const smtp = mailTransport({ smtpUrl: `smtp://127.0.0.1:${port}`, from: 'Tỉnh Số <no-reply@tinhso.local>', log: () => {} });
      expect(smtp.name).toBe('smtp');
      await deliverNotifications(t.database.db, new Date(), mail, 'https://x');
      const { trackingCode } = (await send({ ...report(), contact: { name: 'Phạm Thu', email: 'thu@example.org' } })).json();
      expect(await deliverNotifications(t.database.db, new Date(), smtp, 'https://tinhso.soctrang.gov.vn')).toMatchObject({ failed: 0 });
      const message = got.find((m) => m.to.includes('thu@example.org'));
      expect(message).toBeTruthy();
      const parsed = await simpleParser(message!.raw);
      expect(parsed.subject).toBe(`[Tỉnh Số] Đã tiếp nhận phản ánh ${trackingCode} / Feedback ${trackingCode} received`);
      expect(parsed.from?.value[0]).toMatchObject({ name: 'Tỉnh Số', address: 'no-reply@tinhso.local' });
      expect(parsed.text).toContain('Phản ánh của bạn đã được tiếp nhận');
      expect(parsed.text).toContain(`https://tinhso.soctrang.gov.vn/cong-dan?ma=${trackingCode}`);
      const sent = await t.database.db.selectFrom('notification').select(['state', 'last_error']).where('recipient', '=', 'thu@example.org').executeTakeFirstOrThrow();
      expect(sent).toEqual({ state: 'sent', last_error: 'transport: smtp' });
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
