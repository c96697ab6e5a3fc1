import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { inTransaction, type Db } from '../../../db/database.js';
import { notFound } from '../../../server/errors.js';
import type { Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { findType, updateType } from '../repo.js';
import type { ZAlertTypeUpdate } from '../schema.js';

/** An administrator sets a type's usual severity, acknowledgement limit and standard steps. */
export async function configureAlertType(options: { db: Db; actor: Actor; code: string; input: z.infer<typeof ZAlertTypeUpdate>; request?: FastifyRequest }) {
  const { db, actor, code, input, request } = options;
  return inTransaction(db, async (trx) => {
    const before = await findType(trx, code);
    if (!before) throw notFound('code');
    await updateType(trx, code, {
      default_severity: input.defaultSeverity, ack_limit_minutes: input.ackLimitMinutes,
      checklist: input.checklist ? JSON.stringify(input.checklist) : undefined,
    });
    const after = (await findType(trx, code))!;
    await recordAudit(trx, actor, { action: 'alert_type.update', entity: 'alert_type', entityId: code, before, after }, request);
    return { code: after.code, field: after.field_code, name: { vi: after.name_vi, en: after.name_en }, defaultSeverity: after.default_severity, ackLimitMinutes: after.ack_limit_minutes, checklist: after.checklist };
  });
}
