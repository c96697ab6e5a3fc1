import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

/** A notice, or a group of unread ones of one event (count > 1), the newest shown. */
export interface Notice { id: number; event: string; subject: string; subjectEn: string; payload: { link?: string }; createdAt: string; readAt: string | null; count: number }
/** A message waiting in the outbox or sent from it (e-mail, webhook). */
export interface Delivery { id: number; channel: string; recipient: string; event: string; subject: string; state: string; attempts: number; lastError: string | null; createdAt: string }

export const notificationKeys = {
  all: ['notifications'] as const,
  mine: () => [...notificationKeys.all, 'mine'] as const,
  outbox: () => [...notificationKeys.all, 'outbox'] as const,
};

export const noticesQuery = () => queryOptions({
  queryKey: notificationKeys.mine(),
  queryFn: () => api<{ unread: number; items: Notice[] }>('/api/notifications?limit=20'),
  refetchInterval: 60_000,
});
export const outboxQuery = () => queryOptions({ queryKey: notificationKeys.outbox(), queryFn: () => api<Delivery[]>('/api/notifications/outbox?limit=50') });

/** Marks the given notice (a group: all its messages up to the newest) read, or all of them. */
export const markRead = (notice?: Notice) => api('/api/notifications/read', {
  method: 'POST', body: !notice ? {} : notice.count > 1 ? { groups: [{ event: notice.event, upTo: notice.id }] } : { ids: [notice.id] },
});
