import type { FastifyRequest } from 'fastify';
import { actorName, type Actor } from '../../../core/access/index.js';
import { alertReference } from '../../../core/alerts/index.js';
import { recordAudit } from '../../../core/audit/index.js';
import { elementsByCodes, findIndicator } from '../../../core/data/index.js';
import { inTransaction, type Db } from '../../../db/database.js';
import { AppError, notFound } from '../../../server/errors.js';
import { deletePanel, getPanel, insertPanel, listPanels, panelView, updatePanel } from './repo.js';
import type { PanelInput } from './schema.js';

/** The IOC's fields (alert_field, through core/alerts) with their panels in order. */
export async function fieldsWithPanels(db: Db) {
  const [{ fields }, panels] = await Promise.all([alertReference(db), listPanels(db)]);
  return fields.map((f) => ({ code: f.code, nameVi: f.name.vi, nameEn: f.name.en, panels: panels.filter((p) => p.field_code === f.code).map(panelView) }));
}

/** Whether a field exists: the fields alone, without reading every panel. */
export const isField = async (db: Db, code: string) => (await alertReference(db)).fields.some((f) => f.code === code);

async function assertReferences(db: Db, input: PanelInput): Promise<void> {
  if (!(await isField(db, input.fieldCode))) throw new AppError('reference_not_found', { field: 'fieldCode' }, 'fieldCode');
  const found = input.targetKind === 'indicator' ? await findIndicator(db, input.targetCode) : (await elementsByCodes(db, [input.targetCode]))[0];
  if (!found) throw new AppError('reference_not_found', { field: 'targetCode' }, 'targetCode');
}

/** Saves a panel (new when no id), with its audit row, in one transaction. */
export async function savePanel(options: { db: Db; actor: Actor; id?: number; input: PanelInput; now: Date; request?: FastifyRequest }) {
  const { db, actor, id, input, now, request } = options;
  await assertReferences(db, input);
  return inTransaction(db, async (trx) => {
    const before = id === undefined ? undefined : await getPanel(trx, id, true);
    if (id !== undefined && !before) throw notFound('id');
    const row = id === undefined ? await insertPanel(trx, input, actorName(actor), now) : (await updatePanel(trx, id, input, now))!;
    await recordAudit(trx, actor, { action: id === undefined ? 'ioc_panel.create' : 'ioc_panel.update', entity: 'ioc_panel', entityId: Number(row.id), before, after: row }, request);
    return panelView(row);
  });
}

export async function removePanel(options: { db: Db; actor: Actor; id: number; request?: FastifyRequest }) {
  const { db, actor, id, request } = options;
  return inTransaction(db, async (trx) => {
    const before = await getPanel(trx, id, true);
    if (!before) throw notFound('id');
    await deletePanel(trx, id);
    await recordAudit(trx, actor, { action: 'ioc_panel.delete', entity: 'ioc_panel', entityId: id, before }, request);
    return panelView(before);
  });
}
