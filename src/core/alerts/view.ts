import type { Db } from '../../db/database.js';
import { displayNames } from '../users/index.js';
import { listFields, listTypes, type AlertRow, type TypeRow } from './repo.js';
import type { z } from 'zod';
import type { AlertView, ZAlertTypeView } from './schema.js';

/** The names an alert view shows: units, people, types and fields, read once for a page of alerts. */
async function namesFor(db: Db, rows: AlertRow[]) {
  const unitIds = [...new Set(rows.flatMap((r) => [r.unit_id, r.assigned_unit_id, r.escalated_unit_id]).filter((u): u is number => u !== null))];
  const [units, users, types, fields] = await Promise.all([
    unitIds.length ? db.selectFrom('org_unit').select(['id', 'name']).where('id', 'in', unitIds).execute() : Promise.resolve([]),
    displayNames(db, rows.map((r) => r.assigned_user_id).filter((u): u is number => u !== null)),
    listTypes(db),
    listFields(db),
  ]);
  return {
    unit: new Map(units.map((u) => [u.id, u.name])),
    user: users,
    type: new Map<string, TypeRow>(types.map((t) => [t.code, t])),
    field: new Map(fields.map((f) => [f.code, f])),
  };
}

export async function alertViews(db: Db, rows: AlertRow[], options: { display: boolean }): Promise<AlertView[]> {
  const names = await namesFor(db, rows);
  const named = (map: Map<number, string>, id: number | null) => (id === null ? null : { id, name: map.get(id) ?? String(id) });
  return rows.map((r) => {
    const type = names.type.get(r.type_code);
    const field = names.field.get(r.field_code);
    const view: AlertView = {
      id: r.id, type: r.type_code, typeName: { vi: type?.name_vi ?? r.type_code, en: type?.name_en ?? r.type_code },
      severity: r.severity, field: r.field_code, fieldName: { vi: field?.name_vi ?? r.field_code, en: field?.name_en ?? r.field_code },
      state: r.state, unit: named(names.unit, r.unit_id), location: r.lat !== null && r.lon !== null ? { lat: r.lat, lon: r.lon } : null,
      title: { vi: r.title_vi, en: r.title_en }, details: { vi: r.details_vi, en: r.details_en }, source: r.source, externalId: r.external_id,
      occurrences: r.occurrences, raisedAt: r.raised_at, lastSeenAt: r.last_seen_at, acknowledgedAt: r.acknowledged_at, resolvedAt: r.resolved_at,
      closedAt: r.closed_at, ackLimitMinutes: type?.ack_limit_minutes ?? null, assignedUnit: named(names.unit, r.assigned_unit_id),
      assignedUser: options.display ? null : named(names.user, r.assigned_user_id), escalationLevel: r.escalation_level,
      escalatedUnit: named(names.unit, r.escalated_unit_id), dismissReason: r.dismiss_reason,
      checklist: (type?.checklist ?? []).map((step) => {
        const tick = r.checks[step.key];
        return { ...step, done: !!tick, by: options.display ? null : tick?.by ?? null, at: tick?.at ?? null };
      }),
      hasImage: r.has_image,
    };
    if (!options.display) view.evidence = r.evidence;
    return view;
  });
}

/** A type as the API shows it. */
export const typeView = (t: TypeRow): z.infer<typeof ZAlertTypeView> => ({
  code: t.code, field: t.field_code, name: { vi: t.name_vi, en: t.name_en }, defaultSeverity: t.default_severity, ackLimitMinutes: t.ack_limit_minutes,
  checklist: t.checklist, origin: t.origin, retired: t.retired_at !== null,
});
