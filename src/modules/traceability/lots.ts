import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError, notFound } from '../../server/errors.js';
import { digitalLinkUri } from './gs1/digital-link.js';
import { producerInScope } from './producers.js';
import { productInScope } from './products.js';
import { lockProduct, serialsPage } from './catalogue-repo.js';
import { insertLot, issueSerials, lotRow, lotRows, placeRow, recallLotRow, type LotRow } from './repo.js';
import type { LotInput } from './schema.js';

// Lots of a product (what a label names with AI 10), their recall, and the serials issued for item labels (AI 21).

/** The lot's GS1 Digital Link URI under the platform's resolver: /01/{gtin}/10/{lot}. */
export const lotUri = (publicUrl: string, gtin: string, lot: string) => digitalLinkUri(publicUrl, { ai: '01', value: gtin }, [{ ai: '10', value: lot }]);
/** An item's URI: /01/{gtin}/21/{serial} (a serial names one item of the product, whatever its lot). */
export const itemUri = (publicUrl: string, gtin: string, serial: string) => digitalLinkUri(publicUrl, { ai: '01', value: gtin }, [{ ai: '21', value: serial }]);

export const lotView = (publicUrl: string, r: LotRow) => ({
  id: Number(r.id), productId: Number(r.product_id), gtin: r.gtin, lot: r.lot, productionDate: r.production_date, expiryDate: r.expiry_date,
  quantity: r.quantity, uom: r.uom, placeId: r.place_id === null ? null : Number(r.place_id), recalledAt: r.recalled_at, recallReason: r.recall_reason,
  serials: Number(r.serials ?? 0), uri: lotUri(publicUrl, r.gtin, r.lot),
});

/** The lot, when the actor may touch its producer: 404 when there is none, 403 when it is another's. */
export async function lotInScope(db: Db, actor: Actor, id: number): Promise<LotRow> {
  const row = await lotRow(db, id);
  if (!row) throw notFound();
  await producerInScope(db, actor, Number(row.producer_id));
  return row;
}

export async function listLots(db: Db, actor: Actor, productId: number, publicUrl: string) {
  await productInScope(db, actor, productId);
  return { items: (await lotRows(db, productId)).map((r) => lotView(publicUrl, r)) };
}

export const getLot = async (db: Db, actor: Actor, id: number, publicUrl: string) => lotView(publicUrl, await lotInScope(db, actor, id));

/** A place named by a lot or a row: one of the same producer's, or none. */
export async function placeOfProducer(db: Db, producerId: number, placeId: number | null | undefined, field = 'placeId') {
  if (!placeId) return null;
  const place = await placeRow(db, placeId);
  if (!place || Number(place.producer_id) !== producerId) throw new AppError('reference_not_found', {}, field);
  return Number(place.id);
}

export async function createLot(options: { db: Db; actor: Actor; productId: number; input: LotInput; now: Date; publicUrl: string; request?: FastifyRequest }) {
  const { db, actor, productId, input, now, publicUrl, request } = options;
  return inTransaction(db, async (trx) => {
    const product = await productInScope(trx, actor, productId);
    const placeId = await placeOfProducer(trx, Number(product.producer_id), input.placeId);
    const row = await insertLot(trx, {
      product_id: productId, lot: input.lot, production_date: input.productionDate, expiry_date: input.expiryDate ?? null, quantity: input.quantity ?? null,
      uom: input.uom ?? null, place_id: placeId, created_at: now,
    });
    if (!row) throw new AppError('lot_taken', { lot: input.lot }, 'lot');
    await recordAudit(trx, actor, { action: 'trace_lot.create', entity: 'trace_lot', entityId: row.id, after: input }, request);
    return lotView(publicUrl, (await lotRow(trx, Number(row.id)))!);
  });
}

export async function recallLot(options: { db: Db; actor: Actor; id: number; reason: string; now: Date; publicUrl: string; request?: FastifyRequest }) {
  const { db, actor, id, reason, now, publicUrl, request } = options;
  return inTransaction(db, async (trx) => {
    await lotInScope(trx, actor, id);
    const done = await recallLotRow(trx, id, now, reason);
    if (!Number(done.numUpdatedRows)) throw new AppError('lot_already_recalled', {}, 'id');
    await recordAudit(trx, actor, { action: 'trace_lot.recall', entity: 'trace_lot', entityId: id, after: { reason } }, request);
    return lotView(publicUrl, (await lotRow(trx, id))!);
  });
}

/** Issues serials for a lot's item labels, numbered after the product's last (one issuer at a time per product). */
export async function issueLotSerials(options: { db: Db; actor: Actor; id: number; count: number; request?: FastifyRequest }) {
  const { db, actor, id, count, request } = options;
  return inTransaction(db, async (trx) => {
    const lot = await lotInScope(trx, actor, id);
    if (lot.recalled_at) throw new AppError('lot_recalled', {}, 'id');
    await lockProduct(trx, Number(lot.product_id));
    const serials = await issueSerials(trx, Number(lot.product_id), id, count);
    await recordAudit(trx, actor, { action: 'trace_lot.serials', entity: 'trace_lot', entityId: id, after: { count, first: serials[0], last: serials.at(-1) } }, request);
    return { lotId: id, serials, total: Number(lot.serials ?? 0) + count };
  });
}

export async function lotSerials(db: Db, actor: Actor, id: number, page: { limit: number; offset: number }) {
  const lot = await lotInScope(db, actor, id);
  return { lotId: id, serials: (await serialsPage(db, id, page.limit, page.offset)).map((r) => r.serial), total: Number(lot.serials ?? 0) };
}
