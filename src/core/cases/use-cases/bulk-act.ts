import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError } from '../../../server/errors.js';
import type { Actor } from '../../access/index.js';
import type { BulkInput } from '../schema.js';
import { actOnCase } from './act-on-case.js';
import { updateCase } from './change-case.js';
import { assignCase } from './handle-case.js';

export interface BulkActOptions { db: Db; actor: Actor; kind: string; input: BulkInput; now: Date; request?: FastifyRequest }

/**
 * One step for many cases at once (assign to an officer, set a priority, accept, route…), all or nothing: if one
 * case refuses, none changes and the answer names it.
 */
export async function bulkAct({ db, actor, kind, input, now, request }: BulkActOptions): Promise<{ done: number }> {
  if (input.action === 'assign' && !input.officerId) throw new AppError('field_required_for_action', { action: 'assign', field: 'officerId' }, 'officerId');
  if (input.action === 'priority' && !input.priority) throw new AppError('field_required_for_action', { action: 'priority', field: 'priority' }, 'priority');
  if (input.action === 'answer' || input.action === 'merge') throw new AppError('action_single_only', { action: input.action }, 'action');
  const ids = [...new Set(input.ids)];
  return inTransaction(db, async (trx) => {
    for (const [index, id] of ids.entries()) {
      try {
        if (input.action === 'assign') await assignCase(trx, actor, id, input.officerId!, now, request);
        else if (input.action === 'priority') await updateCase({ db: trx, actor, kind, id, input: { priority: input.priority }, now, request });
        else await actOnCase(trx, actor, id, { action: input.action, unitId: input.unitId, officerId: input.officerId, note: input.note }, now, request);
      } catch (err) {
        if (err instanceof AppError) {
          throw new AppError(err.code, err.params, `ids.${index}`, { details: [{ caseId: id, field: err.field }] });
        }
        throw err;
      }
    }
    return { done: ids.length };
  });
}
