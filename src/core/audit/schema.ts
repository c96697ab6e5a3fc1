import { z } from 'zod';
import { instant } from '../validation/index.js';

export const ZAuditQuery = z.object({
  q: z.string().max(200).optional(),
  entity: z.string().max(60).optional(),
  entityId: z.string().max(60).optional(),
  actor: z.string().max(100).optional(),
  action: z.string().max(100).optional(),
  from: instant().optional(),
  to: instant().optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  offset: z.coerce.number().int().min(0).default(0),
  format: z.enum(['json', 'csv']).default('json'),
});
export type AuditQuery = z.infer<typeof ZAuditQuery>;

export const ZAuditEntry = z.object({
  id: z.number(), at: z.date(), actor_kind: z.enum(['user', 'token', 'system', 'cli']), actor_id: z.string().nullable(), actor_name: z.string(),
  action: z.string(), entity: z.string(), entity_id: z.string().nullable(), before: z.unknown(), after: z.unknown(), ip: z.string().nullable(),
  request_id: z.string().nullable(),
});
export const ZAuditPage = z.object({ items: z.array(ZAuditEntry), total: z.number() });
