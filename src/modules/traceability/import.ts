import type { FastifyRequest } from 'fastify';
import type { Actor } from '../../core/access/index.js';
import { recordAudit } from '../../core/audit/index.js';
import type { WorkbookLimits } from '../../core/workbook/index.js';
import { inTransaction, type Db } from '../../db/database.js';
import { AppError, requestLocale } from '../../server/errors.js';
import { readMultipart } from '../../server/multipart.js';
import { IMPORT_FAULTS } from './import-messages.js';
import { planImport, type RowProblem } from './import-plan.js';
import { readImportFile } from './import-read.js';
import { producerInScope } from './producers.js';
import { productColumns } from './products.js';
import { productGtinsOf } from './catalogue-repo.js';
import { insertLot, insertProduct, updateProductRow } from './repo.js';

// A producer's products and lots from one CSV or XLSX file: the whole file stored, or nothing and every bad row named.

/** Problems named in an answer: enough to mend a file by, never a list as long as a sheet of junk. */
const MAX_PROBLEMS = 200;
/** Rows of one file: a cooperative's catalogue and a season's lots, checked and stored in one transaction. */
const MAX_ROWS = 20_000;

export async function importMasterData(options: { db: Db; actor: Actor; producerId: number; request: FastifyRequest; now: Date; limits: WorkbookLimits }) {
  const { db, actor, producerId, request, now, limits } = options;
  await producerInScope(db, actor, producerId);
  if (!request.isMultipart()) throw new AppError('unsupported_media_type');
  const { files } = await readMultipart(request, ['file'], 'documents');
  if (files.length !== 1) throw new AppError('one_file_expected', { kind: 'CSV, XLSX', name: 'file' }, 'file');
  const { rows, problems: header } = await readImportFile(files[0]!.data, limits);
  if (rows.length > MAX_ROWS) throw new AppError('import_too_many_rows', { max: MAX_ROWS, count: rows.length }, 'file');
  const locale = requestLocale(request);
  return inTransaction(db, async (trx) => {
    await producerInScope(trx, actor, producerId);
    const plan = await planImport(trx, producerId, rows, locale);
    const problems: RowProblem[] = [
      ...header.map((h) => ({ row: h.row, field: h.field, message: IMPORT_FAULTS[h.key][locale], messages: { vi: IMPORT_FAULTS[h.key].vi, en: IMPORT_FAULTS[h.key].en } })),
      ...plan.problems,
    ];
    if (problems.length) {
      const first = problems[0]!;
      throw new AppError('import_invalid', { count: problems.length, row: first.row, field: first.field }, 'file', { details: problems.slice(0, MAX_PROBLEMS) });
    }
    if (!plan.products.length && !plan.lots.length) throw new AppError('import_empty', {}, 'file');
    const ids = new Map<string, number>();
    let updated = 0;
    for (const { input, existingId } of plan.products) {
      if (existingId !== null) {
        await updateProductRow(trx, existingId, { ...productColumns(input), updated_at: now });
        ids.set(input.gtin, existingId);
        updated++;
        continue;
      }
      const row = await insertProduct(trx, { producer_id: producerId, gtin: input.gtin, ...productColumns(input), name_vi: input.nameVi, category: input.category, created_at: now, updated_at: now });
      if (!row) throw new AppError('gtin_taken', { gtin: input.gtin }, 'file');
      ids.set(input.gtin, Number(row.id));
    }
    const productIds = await productGtinsOf(trx, producerId);
    for (const p of productIds) if (!ids.has(p.gtin)) ids.set(p.gtin, Number(p.id));
    for (const { gtin, input } of plan.lots) {
      const row = await insertLot(trx, {
        product_id: ids.get(gtin)!, lot: input.lot, production_date: input.productionDate, expiry_date: input.expiryDate ?? null, quantity: input.quantity ?? null,
        uom: input.uom ?? null, place_id: input.placeId ?? null, created_at: now,
      });
      if (!row) throw new AppError('lot_taken', { lot: input.lot }, 'file');
    }
    const result = { products: { created: plan.products.length - updated, updated }, lots: { created: plan.lots.length } };
    await recordAudit(trx, actor, { action: 'trace_producer.import', entity: 'trace_producer', entityId: producerId, after: { file: files[0]!.filename, ...result } }, request);
    return result;
  });
}
