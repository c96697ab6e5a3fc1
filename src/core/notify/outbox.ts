import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { NotificationTable } from '../../db/schema.js';

/** One message about one event, written to the outbox in the transaction of the change it reports. */
export interface Notice {
  event: string;
  caseId?: number | null;
  subject: string;
  body: string;
  /** What a machine (webhook) or the in-app list needs besides the text. */
  payload?: Record<string, unknown>;
}

export type OutboxRow = Insertable<NotificationTable>;
export interface Subscriber { id: number; url: string; events: string[] }

const base = (notice: Notice) => ({ event: notice.event, case_id: notice.caseId ?? null, subject: notice.subject, body: notice.body, payload: JSON.stringify(notice.payload ?? {}) });

/** In-app messages to users, read from their notification list (delivered the moment they are written). */
export function userRows(userIds: number[], notice: Notice): OutboxRow[] {
  return [...new Set(userIds)].map((id) => ({ ...base(notice), channel: 'in_app' as const, recipient: String(id), user_id: id, state: 'sent' as const }));
}

/** E-mails, delivered by the notifications job through the configured transport. */
export function emailRows(addresses: (string | null | undefined)[], notice: Notice): OutboxRow[] {
  const unique = [...new Set(addresses.filter((a): a is string => !!a).map((a) => a.trim().toLowerCase()))];
  return unique.map((to) => ({ ...base(notice), channel: 'email' as const, recipient: to }));
}

/** One delivery per active webhook subscribed to the event (or to every event with "*"). */
export function webhookRows(hooks: Subscriber[], notice: Notice): OutboxRow[] {
  return hooks.filter((h) => h.events.includes('*') || h.events.includes(notice.event))
    .map((h) => ({ ...base(notice), channel: 'webhook' as const, recipient: h.url, webhook_id: h.id }));
}

export async function insertNotifications(db: Db, rows: OutboxRow[]): Promise<void> {
  if (rows.length) await db.insertInto('notification').values(rows).execute();
}

export async function notifyUsers(db: Db, userIds: number[], notice: Notice): Promise<void> {
  await insertNotifications(db, userRows(userIds, notice));
}

export async function activeWebhooks(db: Db): Promise<Subscriber[]> {
  return db.selectFrom('webhook').select(['id', 'url', 'events']).where('active', '=', true).execute();
}

/** The active officers and reviewers of a unit: who is told when a case arrives there. */
export async function officersOf(db: Db, unitId: number | null): Promise<{ id: number; email: string | null }[]> {
  if (unitId === null) return [];
  return db.selectFrom('app_user').select(['id', 'email']).where('org_unit_id', '=', unitId)
    .where('role', 'in', ['officer', 'reviewer']).where('active', '=', true).execute();
}
