import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { deliverNotifications } from '../../src/core/notify/index.js';
import { mail, report, send, t, useNotificationsApp } from './setup.js';

useNotificationsApp();

describe('e-mail over SMTP', () => {
  it('delivers the outbox through a real SMTP server when SMTP_URL is set, in UTF-8', async () => {
    const { SMTPServer } = await import('smtp-server');
    const { simpleParser } = await import('mailparser');
    const { mailTransport } = await import('../../src/core/notify/index.js');
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
