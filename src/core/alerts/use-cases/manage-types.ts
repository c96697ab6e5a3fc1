import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../server/errors.js';
import type { Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { countAlertsOfType, deleteType, fieldExists, findType, insertType } from '../repo.js';
import type { AlertTypeCreateInput } from '../schema.js';
import { typeView } from '../view.js';

/**
 * An administrator adds an alert type that another system raises (camera analytics, a hotline, a weather service):
 * its code, names, field, usual severity, acknowledgement limit and standard steps. A taken code is refused, whether
 * the type is in service or retired.
 */
export async function createAlertType(options: { db: Db; actor: Actor; input: AlertTypeCreateInput; request?: FastifyRequest }) {
  const { db, actor, input, request } = options;
  return inTransaction(db, async (trx) => {
    if (!(await fieldExists(trx, input.field))) throw new AppError('alert_field_unknown', { code: input.field }, 'field');
    const added = await insertType(trx, {
      code: input.code, field_code: input.field, name_vi: input.name.vi, name_en: input.name.en, default_severity: input.defaultSeverity,
      ack_limit_minutes: input.ackLimitMinutes, checklist: JSON.stringify(input.checklist),
    });
    if (!added) throw new AppError('alert_type_taken', { code: input.code }, 'code');
    const after = (await findType(trx, input.code))!;
    await recordAudit(trx, actor, { action: 'alert_type.create', entity: 'alert_type', entityId: input.code, after }, request);
    return typeView(after);
  });
}

/**
 * Removes a type the province added and no alert uses. A type with alerts (in any state) is refused with their count,
 * to be retired instead; a shipped type is never removed (the reference loader would bring it back at the next start,
 * and the platform's modules raise some of them by name), only retired.
 */
export async function removeAlertType(options: { db: Db; actor: Actor; code: string; request?: FastifyRequest }) {
  const { db, actor, code, request } = options;
  return inTransaction(db, async (trx) => {
    const before = await findType(trx, code, true);
    if (!before) throw notFound('code');
    if (before.origin === 'platform') throw new AppError('alert_type_platform', { code });
    if (before.origin === 'reference') throw new AppError('alert_type_shipped', { code });
    const count = await countAlertsOfType(trx, code);
    if (count > 0) throw new AppError('alert_type_in_use', { code, count });
    await deleteType(trx, code);
    await recordAudit(trx, actor, { action: 'alert_type.remove', entity: 'alert_type', entityId: code, before }, request);
    return { code, removed: true as const };
  });
}
