import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { JobDefinition } from '../jobs/index.js';
import { attachmentsOf } from './attachments.js';
import { postWebhook, type MailTransport } from './transports.js';

const MAX_ATTEMPTS = 6;
const BATCH = 100;

interface DueRow {
  id: number; channel: 'email' | 'in_app' | 'webhook'; recipient: string; event: string; subject: string; body: string;
  payload: Record<string, unknown>; attempts: number; case_id: number | null; created_at: Date; secret: string | null;
}

/**
 * The due messages as they are sent: e-mails to one address about one kind of event go as one digest (a burst of
 * reminders is one message, not hundreds); each webhook call stays alone, since machines count events.
 */
function digests(due: DueRow[]): DueRow[][] {
  const out = new Map<string, DueRow[]>();
  for (const n of due) {
    const key = n.channel === 'email' ? `email\u0000${n.recipient}\u0000${n.event}` : `one\u0000${n.id}`;
    out.set(key, [...(out.get(key) ?? []), n]);
  }
  return [...out.values()];
}

/** One e-mail, or a digest listing each message with its link. */
function mailText(batch: DueRow[], linkOf: (n: DueRow) => string | null): { subject: string; text: string } {
  const withLink = (n: DueRow, gap: string) => (linkOf(n) ? `${n.body}${gap}${linkOf(n)}` : n.body);
  if (batch.length === 1) return { subject: batch[0]!.subject, text: withLink(batch[0]!, '\n\n') };
  const latest = batch[batch.length - 1]!.subject.replace(/^\[Tỉnh Số\]\s*/, '');
  return {
    subject: `[Tỉnh Số] ${batch.length} thông báo / ${batch.length} notices — ${latest}`,
    text: batch.map((n) => withLink(n, '\n')).join('\n\n'),
  };
}

/** 1, 2, 4, 8, 16 minutes between attempts; after the sixth the message is marked failed (and shown as such). */
export const retryDelayMs = (attempts: number) => 60_000 * 2 ** (attempts - 1);

/**
 * Delivers the due e-mails and webhook calls of the outbox. Rows are claimed with SKIP LOCKED, so two processes
 * never send the same message; a failure is kept with its reason and retried later.
 */
export async function deliverNotifications(db: Db, now: Date, mail: MailTransport, publicUrl: string): Promise<{ sent: number; failed: number }> {
  const due = await db.selectFrom('notification as n').leftJoin('webhook as w', 'w.id', 'n.webhook_id')
    .select(['n.id', 'n.channel', 'n.recipient', 'n.event', 'n.subject', 'n.body', 'n.payload', 'n.attempts', 'n.case_id', 'n.created_at', 'w.secret'])
    .where('n.state', '=', 'pending').where('n.channel', '<>', 'in_app').where('n.next_attempt_at', '<=', now)
    .orderBy('n.id').limit(BATCH).forUpdate('n').skipLocked().execute();
  let sent = 0;
  let failed = 0;
  for (const batch of digests(due)) {
    const attempts = Math.max(...batch.map((n) => n.attempts)) + 1;
    const ids = batch.map((n) => n.id);
    const linkOf = (n: DueRow) => (typeof n.payload.link === 'string' ? `${publicUrl}${n.payload.link}` : null);
    try {
      const n = batch[0]!;
      if (n.channel === 'email') {
        const attachments = await attachmentsOf(db, batch.map((row) => row.payload));
        await mail.send({ to: n.recipient, ...mailText(batch, linkOf), ...(attachments.length ? { attachments } : {}) });
      }
      else {
        const link = linkOf(n);
        const body = JSON.stringify({ id: n.id, event: n.event, caseId: n.case_id, at: n.created_at.toISOString(), subject: n.subject, data: { ...n.payload, ...(link ? { link } : {}) } });
        await postWebhook(n.recipient, n.secret ?? '', { id: n.id, event: n.event, body });
      }
      await db.updateTable('notification').set({ state: 'sent', attempts, sent_at: now, last_error: n.channel === 'email' ? `transport: ${mail.name}` : null }).where('id', 'in', ids).execute();
      sent += batch.length;
    } catch (err) {
      const reason = err instanceof Error ? (err.cause instanceof Error ? `${err.message}: ${err.cause.message}` : err.message) : String(err);
      const giveUp = attempts >= MAX_ATTEMPTS;
      await db.updateTable('notification').set({
        state: giveUp ? 'failed' : 'pending', attempts, last_error: reason.slice(0, 500),
        next_attempt_at: new Date(now.getTime() + retryDelayMs(attempts)),
      }).where('id', 'in', ids).execute();
      if (giveUp) failed += batch.length;
    }
  }
  return { sent, failed };
}

/** Sent and read messages older than this are removed: the outbox is a queue and a recent history, not an archive. */
export async function purgeOldNotifications(db: Db, now: Date, days = 180): Promise<number> {
  const result = await db.deleteFrom('notification').where('created_at', '<', new Date(now.getTime() - days * 86_400_000))
    .where(sql<boolean>`state <> 'pending'`).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function notificationJobs(mail: MailTransport, publicUrl: string): JobDefinition[] {
  return [
    {
      name: 'notifications.deliver',
      intervalSeconds: 30,
      run: async (db, now) => {
        const r = await deliverNotifications(db, now, mail, publicUrl);
        return `${r.sent} delivered, ${r.failed} given up`;
      },
    },
    { name: 'notifications.purge', intervalSeconds: 24 * 3600, run: async (db, now) => `${await purgeOldNotifications(db, now)} old notifications removed` },
  ];
}
