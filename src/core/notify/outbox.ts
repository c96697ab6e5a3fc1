import type { Insertable } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Locale, NotificationTable } from '../../db/schema.js';

/** A text in each language, or one text for every reader (a machine's, a code). */
export type Wording = string | Record<Locale, string>;

/** One message about one event, written to the outbox in the transaction of the change it reports. */
export interface Notice {
  event: string;
  caseId?: number | null;
  /** In-app messages keep both languages and each reader sees theirs; an e-mail carries both, Vietnamese first. */
  subject: Wording;
  body: Wording;
  /** What a machine (webhook) or the in-app list needs besides the text. */
  payload?: Record<string, unknown>;
}

export type OutboxRow = Insertable<NotificationTable>;
export interface Subscriber { id: number; url: string; events: string[] }

const inLocale = (text: Wording, locale: Locale) => (typeof text === 'string' ? text : text[locale]);
/** Both languages in one text, Vietnamese first (once when they are the same). */
const bothLanguages = (text: Wording, gap: string) => (typeof text === 'string' || text.vi === text.en ? inLocale(text, 'vi') : `${text.vi}${gap}${text.en}`);

const base = (notice: Notice) => ({
  event: notice.event, case_id: notice.caseId ?? null, subject: inLocale(notice.subject, 'vi'), body: inLocale(notice.body, 'vi'), payload: JSON.stringify(notice.payload ?? {}),
});

/** In-app messages to users, read from their notification list (delivered the moment they are written), in both languages. */
export function userRows(userIds: number[], notice: Notice): OutboxRow[] {
  const english = { subject_en: inLocale(notice.subject, 'en'), body_en: inLocale(notice.body, 'en') };
  return [...new Set(userIds)].map((id) => ({ ...base(notice), ...english, channel: 'in_app' as const, recipient: String(id), user_id: id, state: 'sent' as const }));
}

/**
 * E-mails, delivered by the notifications job through the configured transport. The platform does not know a
 * recipient's language (citizens have no account), so an e-mail says it in Vietnamese, then in English.
 */
export function emailRows(addresses: (string | null | undefined)[], notice: Notice): OutboxRow[] {
  const unique = [...new Set(addresses.filter((a): a is string => !!a).map((a) => a.trim().toLowerCase()))];
  const text = { subject: `[Tỉnh Số] ${bothLanguages(notice.subject, ' / ')}`, body: bothLanguages(notice.body, '\n\n') };
  return unique.map((to) => ({ ...base(notice), ...text, channel: 'email' as const, recipient: to }));
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
