import crypto from 'node:crypto';
import type { MailAttachment } from './attachments.js';

export interface MailMessage { to: string; subject: string; text: string; attachments?: MailAttachment[] }

/** How an e-mail leaves the platform: SMTP when configured, otherwise the log (the outbox keeps every message). */
export interface MailTransport {
  readonly name: 'smtp' | 'log';
  send(message: MailMessage): Promise<void>;
}

export function mailTransport(options: { smtpUrl?: string; from: string; log: (line: string, extra: object) => void }): MailTransport {
  if (options.smtpUrl) {
    const smtpUrl = options.smtpUrl;
    // nodemailer is loaded with the first message, not with the server.
    const smtp = import('nodemailer').then((m) => m.default.createTransport(smtpUrl));
    return {
      name: 'smtp',
      async send(m) {
        await (await smtp).sendMail({ from: options.from, to: m.to, subject: m.subject, text: m.text, attachments: m.attachments });
      },
    };
  }
  return {
    name: 'log',
    async send(m) {
      options.log('e-mail (log transport)', { to: m.to, subject: m.subject, attachments: (m.attachments ?? []).map((a) => `${a.filename} (${a.content.length} B)`) });
    },
  };
}

/** The signature a receiver checks: HMAC-SHA256 of the exact body with the webhook's secret. */
export function webhookSignature(secret: string, body: string): string {
  return `sha256=${crypto.createHmac('sha256', secret).update(body).digest('hex')}`;
}

/** POSTs one event to a webhook; any answer but 2xx within the timeout is a failure to retry. */
export async function postWebhook(url: string, secret: string, delivery: { id: number; event: string; body: string }, timeoutMs = 5000): Promise<void> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'TinhSo-Webhook/1',
      'x-tinhso-event': delivery.event,
      'x-tinhso-delivery': String(delivery.id),
      'x-tinhso-signature': webhookSignature(secret, delivery.body),
    },
    body: delivery.body,
    signal: AbortSignal.timeout(timeoutMs),
    redirect: 'error',
  });
  await response.body?.cancel();
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
}
