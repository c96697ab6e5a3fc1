import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.js';
import { actorId, actorName, type Actor } from '../access/index.js';

export interface AuditEntry {
  action: string;
  entity: string;
  entityId?: string | number | null;
  before?: unknown;
  after?: unknown;
}

/** Fields that must never reach the audit log, even hashed. */
const SECRET_KEYS = new Set(['password', 'password_hash', 'passwordHash', 'token_hash', 'csrf_token', 'token']);

function redact(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (Array.isArray(value)) return value.map(redact);
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([k, v]) => [k, SECRET_KEYS.has(k) ? '[redacted]' : redact(v)]),
    );
  }
  return value;
}

/** The audit row of a change, secrets redacted (for a caller that writes it in its own statement). */
export function auditRow(actor: Actor, entry: AuditEntry, request?: FastifyRequest) {
  const before = redact(entry.before);
  const after = redact(entry.after);
  return {
    actor_kind: actor.kind,
    actor_id: actorId(actor),
    actor_name: actorName(actor),
    action: entry.action,
    entity: entry.entity,
    entity_id: entry.entityId === undefined || entry.entityId === null ? null : String(entry.entityId),
    before: before === null ? null : JSON.stringify(before),
    after: after === null ? null : JSON.stringify(after),
    ip: request?.ip ?? null,
    request_id: request ? String(request.id) : null,
  };
}

/** Writes one audit row. Call it inside the transaction of the change it describes, so both land or neither does. */
export async function recordAudit(db: Db, actor: Actor, entry: AuditEntry, request?: FastifyRequest): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(actor, entry, request)).execute();
}
