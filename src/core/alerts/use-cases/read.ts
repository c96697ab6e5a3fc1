import type { Db } from '../../../db/database.js';
import { notFound } from '../../../server/errors.js';
import { scopeUnitIds, type Actor } from '../../access/index.js';
import { alertInScope, isDisplay } from '../policy.js';
import { alertEvents, alertImage, countActive, findAlerts, getAlertRow, listFields, listTypes } from '../repo.js';
import type { z } from 'zod';
import { SEVERITIES, type AlertQuery, type ZAlertDetail } from '../schema.js';
import { alertViews, typeView } from '../view.js';

/** The alerts a person or a screen may see, newest first, with the active ones counted by severity. */
export async function listAlerts({ db, actor, query }: { db: Db; actor: Actor; query: AlertQuery }) {
  const units = await scopeUnitIds(db, actor);
  const [rows, counts] = await Promise.all([findAlerts(db, query, units), countActive(db, units)]);
  return {
    alerts: await alertViews(db, rows, { display: isDisplay(actor) }),
    counts: Object.fromEntries(SEVERITIES.map((s) => [s, counts[s] ?? 0])) as Record<(typeof SEVERITIES)[number], number>,
  };
}

async function visibleRow(db: Db, actor: Actor, id: number) {
  const row = await getAlertRow(db, id);
  if (!row || !alertInScope(row, await scopeUnitIds(db, actor))) throw notFound('id');
  return row;
}

/** One alert with its timeline (a display screen gets neither notes nor names). */
export async function getAlert({ db, actor, id }: { db: Db; actor: Actor; id: number }): Promise<z.infer<typeof ZAlertDetail>> {
  const row = await visibleRow(db, actor, id);
  const display = isDisplay(actor);
  const [[view], events] = await Promise.all([alertViews(db, [row], { display }), display ? Promise.resolve([]) : alertEvents(db, id)]);
  return {
    ...view!,
    timeline: events.map((e) => ({ id: e.id, at: e.at, actor: e.actor_name, action: e.action, from: e.from_state, to: e.to_state, note: e.note, data: e.data as Record<string, unknown> })),
  };
}

export async function getAlertImage({ db, actor, id }: { db: Db; actor: Actor; id: number }) {
  await visibleRow(db, actor, id);
  const image = await alertImage(db, id);
  if (!image) throw notFound('id');
  return image;
}

/** Fields and types, with each type's standard steps: what the screens and the raising systems name. */
export async function alertReference(db: Db) {
  const [fields, types] = await Promise.all([listFields(db), listTypes(db)]);
  return {
    fields: fields.map((f) => ({ code: f.code, name: { vi: f.name_vi, en: f.name_en } })),
    types: types.map(typeView),
  };
}
