import type { FastifyRequest } from 'fastify';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError } from '../../../server/errors.js';
import { actorName, assertUnitInScope, type Actor } from '../../access/index.js';
import { recordAudit } from '../../audit/index.js';
import { vnDate } from '../../calendar/index.js';
import type { ProcessedPhoto } from '../../cases/index.js';
import { publishLive } from '../../live/index.js';
import { getById } from '../../org-units/index.js';
import { queueAlertNotices } from '../notices.js';
import { findType, insertAlertEvent, upsertAlert } from '../repo.js';
import type { RaiseAlertInput } from '../schema.js';

export interface RaiseAlertOptions {
  db: Db;
  actor: Actor;
  /** Who raises it: a module's name ('feedback', 'ioc.rules'); for another system, its token. */
  source?: string;
  input: RaiseAlertInput;
  image?: ProcessedPhoto | null;
  now: Date;
  request?: FastifyRequest;
}

/** The source an alert is deduplicated under: a token is its own source, so two systems never refresh each other's. */
export const sourceOf = (actor: Actor, given?: string): string => given ?? (actor.kind === 'token' ? `token:${actor.id}` : actorName(actor));

/**
 * Raises an alert, or refreshes the active one the source raised under the same dedupe key (its count and last seen,
 * no new timeline step or message). A new alert is on the timeline and in the audit log, and told to the units it
 * concerns; every screen following alerts hears of either.
 */
export async function raiseAlert(options: RaiseAlertOptions): Promise<{ id: number; created: boolean; occurrences: number }> {
  const { db, actor, input, image, now, request } = options;
  const source = sourceOf(actor, options.source);
  const type = await findType(db, input.type);
  if (!type) throw new AppError('reference_not_found', { field: 'type' }, 'type');
  if (type.retired_at) throw new AppError('alert_type_retired', { code: type.code }, 'type');
  const at = input.occurredAt ?? now;
  let unitName: string | null = null;
  if (input.unitId !== undefined) {
    const unit = await getById(db, input.unitId);
    if (!unit) throw new AppError('reference_not_found', { field: 'unitId' }, 'unitId');
    const day = vnDate(at);
    if ((unit.validFrom && unit.validFrom > day) || (unit.validTo && unit.validTo < day)) throw new AppError('alert_unit_not_in_force', { unit: unit.name, date: day }, 'unitId');
    await assertUnitInScope(db, actor, unit.id, 'unitId');
    unitName = unit.name;
  }
  const severity = input.severity ?? type.default_severity;
  const row = {
    type_code: type.code, severity, field_code: type.field_code, unit_id: input.unitId ?? null,
    lat: input.location?.lat ?? null, lon: input.location?.lon ?? null,
    title_vi: input.title.vi, title_en: input.title.en ?? input.title.vi,
    details_vi: input.details?.vi ?? '', details_en: input.details?.en ?? input.details?.vi ?? '',
    source, external_id: input.externalId ?? null, dedupe_key: input.dedupeKey ?? null, evidence: JSON.stringify(input.evidence ?? {}),
    image: image?.data ?? null, image_type: image?.contentType ?? null, raised_at: at, last_seen_at: at, updated_at: now,
  };
  return inTransaction(db, async (trx) => {
    const result = await upsertAlert(trx, row);
    if (result.created) {
      await insertAlertEvent(trx, { alert_id: result.id, at: now, actor_kind: actor.kind, actor_name: actorName(actor), action: 'raised', from_state: null, to_state: 'open', data: { source } });
      const { image: _, evidence: __, ...shown } = row;
      await recordAudit(trx, actor, { action: 'alert.raise', entity: 'alert', entityId: result.id, after: shown }, request);
      await queueAlertNotices(trx, 'raised', { id: result.id, severity, title_vi: row.title_vi, title_en: row.title_en, unitName }, { units: row.unit_id === null ? [] : [row.unit_id] });
    }
    await publishLive(trx, {
      topic: 'alert', unitIds: row.unit_id === null ? null : [row.unit_id],
      payload: { alertId: result.id, action: result.created ? 'raised' : 'repeated', severity, occurrences: result.occurrences },
    });
    return result;
  });
}
