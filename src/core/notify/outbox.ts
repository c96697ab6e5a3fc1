import type { Db } from '../../db/database.js';

/** One message about one event, written to the outbox in the transaction of the change it reports. */
export interface Notice {
  event: string;
  caseId?: number | null;
  subject: string;
  body: string;
  /** What a machine (webhook) or the in-app list needs besides the text. */
  payload?: Record<string, unknown>;
}

/** In-app messages to users, read from their notification list. */
export async function notifyUsers(db: Db, userIds: number[], notice: Notice): Promise<void> {
  const unique = [...new Set(userIds)];
  if (!unique.length) return;
  await db.insertInto('notification').values(unique.map((id) => ({
    channel: 'in_app' as const, recipient: String(id), user_id: id, event: notice.event, case_id: notice.caseId ?? null,
    subject: notice.subject, body: notice.body, payload: JSON.stringify(notice.payload ?? {}), state: 'sent' as const,
  }))).execute();
}

/** E-mails, delivered by the notifications job through the configured transport. */
export async function notifyEmails(db: Db, addresses: (string | null | undefined)[], notice: Notice): Promise<void> {
  const unique = [...new Set(addresses.filter((a): a is string => !!a).map((a) => a.trim().toLowerCase()))];
  if (!unique.length) return;
  await db.insertInto('notification').values(unique.map((to) => ({
    channel: 'email' as const, recipient: to, event: notice.event, case_id: notice.caseId ?? null,
    subject: notice.subject, body: notice.body, payload: JSON.stringify(notice.payload ?? {}),
  }))).execute();
}

/** One delivery per active webhook subscribed to the event (or to every event with "*"). */
export async function notifyWebhooks(db: Db, notice: Notice): Promise<void> {
  const hooks = await db.selectFrom('webhook').select(['id', 'url', 'events']).where('active', '=', true).execute();
  const subscribed = hooks.filter((h) => h.events.includes('*') || h.events.includes(notice.event));
  if (!subscribed.length) return;
  await db.insertInto('notification').values(subscribed.map((h) => ({
    channel: 'webhook' as const, recipient: h.url, webhook_id: h.id, event: notice.event, case_id: notice.caseId ?? null,
    subject: notice.subject, body: notice.body, payload: JSON.stringify(notice.payload ?? {}),
  }))).execute();
}

/** The active officers and reviewers of a unit: who is told when a case arrives there. */
export async function officersOf(db: Db, unitId: number | null): Promise<{ id: number; email: string | null }[]> {
  if (unitId === null) return [];
  return db.selectFrom('app_user').select(['id', 'email']).where('org_unit_id', '=', unitId)
    .where('role', 'in', ['officer', 'reviewer']).where('active', '=', true).execute();
}
