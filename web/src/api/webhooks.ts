import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

export interface Webhook { id: number; name: string; url: string; events: string[]; active: boolean }
export interface WebhookInput { name: string; url: string; events: string[] }

export const webhookKeys = {
  all: ['webhooks'] as const,
  list: () => [...webhookKeys.all, 'list'] as const,
};

export const webhooksQuery = () => queryOptions({ queryKey: webhookKeys.list(), queryFn: () => api<{ events: string[]; webhooks: Webhook[] }>('/api/webhooks') });

/** The signing secret is in this answer only. */
export const createWebhook = (body: WebhookInput) => api<{ secret: string }>('/api/webhooks', { method: 'POST', body });
export const deleteWebhook = (id: number) => api(`/api/webhooks/${id}`, { method: 'DELETE' });
