import { z } from 'zod';
import type { CaseEvent } from '../cases/index.js';
import { nameText } from '../validation/index.js';

/** The case events a webhook may subscribe to ('*' for all). */
export const CASE_EVENTS: `case.${CaseEvent}`[] = ['case.received', 'case.routed', 'case.forwarded', 'case.accepted', 'case.answered', 'case.returned',
  'case.reopened', 'case.closed', 'case.merged', 'case.escalated', 'case.due_soon'];

export const ZInboxQuery = z.object({ unread: z.enum(['true', 'false']).optional(), limit: z.coerce.number().int().min(1).max(200).default(50) });
export const ZInbox = z.object({
  /** What the user sees unread: a group counts once. */
  unread: z.number(),
  /** Every unread message, groups counted in full. */
  unreadMessages: z.number(),
  items: z.array(z.object({
    id: z.number(), event: z.string(),
    /** In Vietnamese, and in English. */
    subject: z.string(), body: z.string(), subjectEn: z.string(), bodyEn: z.string(), payload: z.record(z.string(), z.unknown()), caseId: z.number().nullable(),
    createdAt: z.date(), readAt: z.date().nullable(),
    /** 1, or how many unread messages of this event the item stands for (the newest of them shown). */
    count: z.number(),
  })),
});
export const ZMarkRead = z.object({
  ids: z.array(z.number().int().positive()).max(500).optional(),
  /** A group as the inbox showed it: its event, up to its newest message (what arrived since stays unread). */
  groups: z.array(z.object({ event: z.string().max(100), upTo: z.number().int().positive() }).strict()).max(50).optional(),
}).strict();
export const ZMarked = z.object({ marked: z.number() });

const ZState = z.enum(['pending', 'sent', 'failed']);
export const ZOutboxQuery = z.object({ state: ZState.optional(), limit: z.coerce.number().int().min(1).max(500).default(100) });
export const ZOutboxEntry = z.object({
  id: z.number(), channel: z.enum(['email', 'in_app', 'webhook']), recipient: z.string(), event: z.string(), subject: z.string(), state: ZState,
  attempts: z.number(), lastError: z.string().nullable(), createdAt: z.date(), sentAt: z.date().nullable(), nextAttemptAt: z.date(),
});

const ZWebhookUrl = z.string().trim().url().max(500).refine((u) => /^https?:\/\//.test(u), { message: 'http_or_https' });
export const ZWebhookCreate = z.object({ name: nameText(100), url: ZWebhookUrl, events: z.array(z.enum([...CASE_EVENTS, '*'])).min(1) }).strict();
export type WebhookCreate = z.infer<typeof ZWebhookCreate>;
const ZWebhook = z.object({ id: z.number(), name: z.string(), url: z.string(), events: z.array(z.string()), active: z.boolean() });
export const ZWebhookList = z.object({
  events: z.array(z.string()),
  webhooks: z.array(ZWebhook.extend({ createdBy: z.string(), createdAt: z.date() })),
});
/** The secret is shown once, here; receivers check X-TinhSo-Signature with it. */
export const ZCreatedWebhook = ZWebhook.extend({ secret: z.string() });
export const ZWebhookParams = z.object({ id: z.coerce.number().int().positive() });
