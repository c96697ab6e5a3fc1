import type { Db } from '../../db/database.js';
import type { Locale } from '../../db/schema.js';
import { caseFacts, duplicatesData } from './repo.js';
import { dayMonthYear as vnDay } from '../calendar/index.js';
import { activeWebhooks, emailRows, insertNotifications, officersOf, userRows, webhookRows, type Notice, type OutboxRow, type Subscriber } from '../notify/index.js';

/** The case events other people hear about. Each is also offered to webhooks as `case.<event>`. */
export type CaseEvent = 'received' | 'routed' | 'forwarded' | 'accepted' | 'answered' | 'returned' | 'reopened' | 'closed' | 'merged' | 'escalated' | 'due_soon';

export interface CaseFacts {
  id: number;
  kind: string;
  tracking_code: string;
  state: string;
  category_code: string;
  category_vi: string | null;
  category_en: string | null;
  unit_id: number | null;
  unit: string | null;
  due_date: string;
  public_answer: string | null;
  data: Record<string, unknown>;
}

interface Contacts {
  contact?: { email?: string } | null;
  followers?: { email?: string | null }[];
}


/** The citizen's link to the public page of the case (the delivery job puts the platform's address before it). */
export const publicLink = (code: string) => `/cong-dan?ma=${encodeURIComponent(code)}`;

/** The e-mail addresses in a case's data: its reporter's and its followers'. */
export function citizenAddresses(data: Record<string, unknown>): string[] {
  const { contact, followers } = data as Contacts;
  return [contact?.email, ...(followers ?? []).map((f) => f.email)].filter((e): e is string => !!e);
}

/** Reporters who should hear the outcome: the case's own reporter and followers, and those of its merged duplicates. */
async function citizensOf(db: Db, c: CaseFacts): Promise<string[]> {
  const duplicates = await duplicatesData(db, c.id);
  return [c.data, ...duplicates.map((d) => d.data)].flatMap(citizenAddresses);
}

type Text = Record<Locale, string>;

/** The category as each language names it (its code only if it is gone from the reference). */
const category = (c: CaseFacts): Text => ({ vi: c.category_vi ?? c.category_code, en: c.category_en ?? c.category_code });

function citizenText(c: CaseFacts, event: CaseEvent, extra: { note?: string | null }): { subject: Text; body: Text } | null {
  const code = c.tracking_code;
  const due = vnDay(c.due_date);
  switch (event) {
    case 'received':
      return {
        subject: { vi: `Đã tiếp nhận phản ánh ${code}`, en: `Feedback ${code} received` },
        body: {
          vi: `Phản ánh của bạn đã được tiếp nhận với mã ${code} (${category(c).vi}). Đơn vị xử lý: ${c.unit ?? 'đang phân loại'}. Hạn trả lời: ${due}.`,
          en: `Your feedback was received with the code ${code} (${category(c).en}). Handled by: ${c.unit ?? 'being classified'}. Answer due by ${due}.`,
        },
      };
    case 'answered':
      return {
        subject: { vi: `Phản ánh ${code} đã có trả lời`, en: `Feedback ${code} answered` },
        body: {
          vi: `${c.unit ?? 'Đơn vị xử lý'} đã trả lời phản ánh ${code}:\n\n${c.public_answer ?? ''}\n\nHãy cho biết vấn đề đã được giải quyết chưa (trong 7 ngày).`,
          en: `${code} has been answered (above). Please tell us within 7 days whether it was solved.`,
        },
      };
    case 'returned':
      return {
        subject: { vi: `Phản ánh ${code} không được thụ lý`, en: `Feedback ${code} returned` },
        body: { vi: `Phản ánh ${code} không được thụ lý. Lý do: ${extra.note ?? ''}`, en: `Feedback ${code} was returned; the reason is given above.` },
      };
    case 'merged':
      return {
        subject: { vi: `Phản ánh ${code} được gộp`, en: `Feedback ${code} merged` },
        body: {
          vi: `Phản ánh ${code} trùng với một phản ánh đang được xử lý; bạn sẽ nhận được câu trả lời của phản ánh đó.`,
          en: `${code} duplicates a report already being handled; you will receive its answer.`,
        },
      };
    default:
      return null;
  }
}

/** What the officers who must act read, in each language; the category by its name. */
const OFFICER_TEXT: Partial<Record<CaseEvent, (c: CaseFacts, note?: string | null) => Text>> = {
  received: (c) => ({
    vi: `Phản ánh mới ${c.tracking_code} (${category(c).vi}), hạn ${vnDay(c.due_date)}`,
    en: `New report ${c.tracking_code} (${category(c).en}), due ${vnDay(c.due_date)}`,
  }),
  routed: (c) => ({
    vi: `Phản ánh ${c.tracking_code} (${category(c).vi}) được chuyển đến đơn vị, hạn ${vnDay(c.due_date)}`,
    en: `Report ${c.tracking_code} (${category(c).en}) was sent to your unit, due ${vnDay(c.due_date)}`,
  }),
  forwarded: (c) => ({
    vi: `Phản ánh ${c.tracking_code} (${category(c).vi}) được chuyển đến đơn vị (ngoài thẩm quyền đơn vị trước), hạn ${vnDay(c.due_date)}`,
    en: `Report ${c.tracking_code} (${category(c).en}) was forwarded to your unit (outside the previous unit's remit), due ${vnDay(c.due_date)}`,
  }),
  reopened: (c, note) => ({ vi: `Phản ánh ${c.tracking_code} được mở lại: ${note ?? ''}`, en: `Report ${c.tracking_code} was reopened: ${note ?? ''}` }),
  escalated: (c) => ({
    vi: `Phản ánh ${c.tracking_code} của đơn vị cấp dưới đã quá hạn ${vnDay(c.due_date)}`,
    en: `Report ${c.tracking_code} of a unit below is overdue since ${vnDay(c.due_date)}`,
  }),
  due_soon: (c) => ({
    vi: `Phản ánh ${c.tracking_code} sắp đến hạn trả lời (${vnDay(c.due_date)})`,
    en: `Report ${c.tracking_code} is due for an answer soon (${vnDay(c.due_date)})`,
  }),
};

/** Who hears of an event besides what the case itself says: the officers to tell, subscribed systems, citizens. */
export interface Audience {
  officers: { id: number; email: string | null }[];
  webhooks: Subscriber[];
  citizens: string[];
}

/**
 * What a case event tells people: the citizens concerned by e-mail, the officers of the unit that must act in the
 * app (and by e-mail for reminders and escalations), and subscribed webhooks. Pure: the rows to write.
 */
export function composeCaseNotices(c: CaseFacts, event: CaseEvent, audience: Audience, extra: { note?: string | null } = {}): OutboxRow[] {
  const base: Omit<Notice, 'subject' | 'body'> = {
    event: `case.${event}`, caseId: c.id,
    payload: { kind: c.kind, trackingCode: c.tracking_code, state: c.state, category: c.category_code, unitId: c.unit_id, dueDate: c.due_date, link: publicLink(c.tracking_code) },
  };
  const rows: OutboxRow[] = [];
  const citizen = citizenText(c, event, extra);
  if (citizen) rows.push(...emailRows(audience.citizens, { ...base, ...citizen }));
  const officerText = OFFICER_TEXT[event];
  if (officerText) {
    const text = officerText(c, extra.note);
    rows.push(...userRows(audience.officers.map((o) => o.id), { ...base, subject: text, body: text, payload: { ...base.payload, link: `/feedback?ma=${c.tracking_code}` } }));
    if (event === 'due_soon' || event === 'escalated') rows.push(...emailRows(audience.officers.map((o) => o.email), { ...base, subject: text, body: text }));
  }
  rows.push(...webhookRows(audience.webhooks, { ...base, subject: `case.${event} ${c.tracking_code}`, body: '' }));
  return rows;
}

/** Reads a case and who hears of the event, and queues the messages in the caller's transaction. */
export async function queueCaseNotices(db: Db, caseId: number, event: CaseEvent, extra: { note?: string | null; unitId?: number | null } = {}): Promise<void> {
  const c = await caseFacts(db, caseId);
  const citizens = !citizenText(c, event, extra) ? [] : event === 'answered' ? await citizensOf(db, c) : citizenAddresses(c.data);
  const officers = OFFICER_TEXT[event] ? await officersOf(db, extra.unitId ?? c.unit_id) : [];
  await insertNotifications(db, composeCaseNotices(c, event, { officers, webhooks: await activeWebhooks(db), citizens }, extra));
}
