import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../server/errors.js';
import type { Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { findType, updateType } from '../repo.js';
import type { ZAlertTypeUpdate } from '../schema.js';
import { typeView } from '../view.js';

/**
 * An administrator sets a type's usual severity, acknowledgement limit and standard steps, or retires it (no new alert
 * of it is accepted; the alerts it has are handled to their end) and puts it back in service. A type the platform's
 * own modules raise is not retired: they would be refused.
 */
export async function configureAlertType(options: {
  db: Db; actor: Actor; code: string; input: z.infer<typeof ZAlertTypeUpdate>; now?: Date; request?: FastifyRequest;
}) {
  const { db, actor, code, input, request } = options;
  return inTransaction(db, async (trx) => {
    const before = await findType(trx, code, true);
    if (!before) throw notFound('code');
    const retiring = input.retired === true && before.retired_at === null;
    const reinstating = input.retired === false && before.retired_at !== null;
    if (retiring && before.origin === 'platform') throw new AppError('alert_type_platform', { code }, 'retired');
    await updateType(trx, code, {
      default_severity: input.defaultSeverity, ack_limit_minutes: input.ackLimitMinutes,
      checklist: input.checklist ? JSON.stringify(input.checklist) : undefined,
      ...(retiring ? { retired_at: options.now ?? new Date() } : reinstating ? { retired_at: null } : {}),
    });
    const after = (await findType(trx, code))!;
    const action = retiring ? 'alert_type.retire' : reinstating ? 'alert_type.reinstate' : 'alert_type.update';
    await recordAudit(trx, actor, { action, entity: 'alert_type', entityId: code, before, after }, request);
    return typeView(after);
  });
}
