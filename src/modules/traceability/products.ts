import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import type { ProcessedPhoto } from '../../core/cases/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError, notFound } from '../../server/errors.js';
import { producerInScope, producerScope } from './producers.js';
import { producerIdsInUnits, setProductImage } from './catalogue-repo.js';
import { insertProduct, productImage, productRow, productRows, updateProductRow, type ProductRow } from './repo.js';
import type { ProductInput, ProductUpdate } from './schema.js';

// A producer's products, each known by its GTIN: what a label's code names first.

export const productView = (r: ProductRow) => ({
  id: Number(r.id), producerId: Number(r.producer_id), producerName: r.producer_name, gtin: r.gtin, nameVi: r.name_vi, nameEn: r.name_en, category: r.category,
  description: r.description, ocopStars: r.ocop_stars, ocopGroup: r.ocop_group, ocopYear: r.ocop_year, whereToBuy: r.where_to_buy,
  hasImage: Boolean(r.has_image), lots: Number(r.lots ?? 0),
});

/** The product, when the actor may touch its producer: 404 when there is none, 403 when it is another's. */
export async function productInScope(db: Db, actor: Actor, id: number, field?: string): Promise<ProductRow> {
  const row = await productRow(db, id);
  if (!row) throw field ? new AppError('reference_not_found', {}, field) : notFound();
  await producerInScope(db, actor, Number(row.producer_id), field);
  return row;
}

/** The products of every producer the actor may touch. */
export async function listProducts(db: Db, actor: Actor) {
  const scope = await producerScope(db, actor);
  const producerIds = scope.kind === 'producer' ? [scope.producerId] : scope.kind === 'units' ? await producerIdsInUnits(db, [...scope.unitIds]) : undefined;
  return { items: (await productRows(db, { ...(producerIds && { producerIds }) })).map(productView) };
}

export const getProduct = async (db: Db, actor: Actor, id: number) => productView(await productInScope(db, actor, id));

/** The columns of a product's fields, as given (an absent field is left alone). */
export const productColumns = (input: ProductUpdate) => ({
  ...(input.nameVi !== undefined && { name_vi: input.nameVi }), ...(input.nameEn !== undefined && { name_en: input.nameEn }),
  ...(input.category !== undefined && { category: input.category }), ...(input.description !== undefined && { description: input.description }),
  ...(input.ocopStars !== undefined && { ocop_stars: input.ocopStars }), ...(input.ocopGroup !== undefined && { ocop_group: input.ocopGroup }),
  ...(input.ocopYear !== undefined && { ocop_year: input.ocopYear }), ...(input.whereToBuy !== undefined && { where_to_buy: input.whereToBuy }),
});

export async function createProduct(options: { db: Db; actor: Actor; producerId: number; input: ProductInput; now: Date; request?: FastifyRequest }) {
  const { db, actor, producerId, input, now, request } = options;
  return inTransaction(db, async (trx) => {
    await producerInScope(trx, actor, producerId);
    const row = await insertProduct(trx, { producer_id: producerId, gtin: input.gtin, ...productColumns(input), name_vi: input.nameVi, category: input.category, created_at: now, updated_at: now });
    if (!row) throw new AppError('gtin_taken', { gtin: input.gtin }, 'gtin');
    await recordAudit(trx, actor, { action: 'trace_product.create', entity: 'trace_product', entityId: row.id, after: input }, request);
    return productView((await productRow(trx, Number(row.id)))!);
  });
}

/** OCOP stars and group go together, on the product as it will be after the change. */
function checkOcop(before: ProductRow, input: ProductUpdate) {
  const stars = input.ocopStars !== undefined ? input.ocopStars : before.ocop_stars;
  const group = input.ocopGroup !== undefined ? input.ocopGroup : before.ocop_group;
  if ((stars === null) !== (group === null)) {
    throw new z.ZodError([{ code: 'custom', message: 'ocop_stars_group', path: [input.ocopGroup !== undefined ? 'ocopGroup' : 'ocopStars'], input }]);
  }
}

export async function updateProduct(options: { db: Db; actor: Actor; id: number; input: ProductUpdate; now: Date; request?: FastifyRequest }) {
  const { db, actor, id, input, now, request } = options;
  return inTransaction(db, async (trx) => {
    const before = await productInScope(trx, actor, id);
    checkOcop(before, input);
    await updateProductRow(trx, id, { ...productColumns(input), updated_at: now });
    await recordAudit(trx, actor, { action: 'trace_product.update', entity: 'trace_product', entityId: id, before: productView(before), after: input }, request);
    return productView((await productRow(trx, id))!);
  });
}

/** The product's photo, re-encoded by processPhotos (upright, no metadata): what the public page shows. */
export async function replaceProductImage(options: { db: Db; actor: Actor; id: number; photo: ProcessedPhoto; now: Date; request?: FastifyRequest }) {
  const { db, actor, id, photo, now, request } = options;
  return inTransaction(db, async (trx) => {
    await productInScope(trx, actor, id);
    await setProductImage(trx, id, photo.data, photo.contentType, now);
    await recordAudit(trx, actor, { action: 'trace_product.image', entity: 'trace_product', entityId: id, after: { width: photo.width, height: photo.height, bytes: photo.data.length } }, request);
    return productView((await productRow(trx, id))!);
  });
}

export async function productImageFile(db: Db, actor: Actor, id: number) {
  await productInScope(db, actor, id);
  const row = await productImage(db, id);
  if (!row?.image || !row.image_type) throw notFound('image');
  return { type: row.image_type, body: row.image };
}
