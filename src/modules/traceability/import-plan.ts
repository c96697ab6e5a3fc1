import { z } from 'zod';
import type { Locale } from '../../db/schema.js';
import type { Db } from '../../db/database.js';
import { issueMessage } from '../../server/errors.js';
import { IMPORT_FAULTS, type ImportFault } from './import-messages.js';
import type { ImportColumn, RawRow } from './import-read.js';
import { lotKeysOf, productsWithGtins } from './catalogue-repo.js';
import { placeRows } from './repo.js';
import { ZGtin, ZLotInput, ZProductInput, type LotInput, type ProductInput } from './schema.js';

// Each row of a master-data file checked as the routes check one product or lot, and against what is stored: every
// problem named by its row and column, in both languages.

export interface RowProblem { row: number; field: string; message: string; messages: Record<Locale, string> }
export interface ImportPlan {
  products: { row: number; input: ProductInput; existingId: number | null }[];
  lots: { row: number; gtin: string; input: LotInput }[];
  problems: RowProblem[];
}

const PRODUCT_ONLY: ImportColumn[] = ['nameVi', 'nameEn', 'category', 'description', 'ocopStars', 'ocopGroup', 'ocopYear', 'whereToBuy'];
const LOT_ONLY: ImportColumn[] = ['lot', 'productionDate', 'expiryDate', 'quantity', 'uom', 'placeCode'];

/** A number as typed (1.5 or 1,5), or the text itself for the schema to refuse. */
const num = (v: string | undefined) => {
  if (v === undefined) return undefined;
  const n = Number(v.includes('.') ? v : v.replace(',', '.'));
  return Number.isFinite(n) ? n : v;
};
/** A day as ISO, read from dd/mm/yyyy too (how Vietnamese sheets write it). */
const day = (v: string | undefined) => {
  const m = v?.match(/^(\d{1,2})\/(\d{1,2})\/(\d{4})$/);
  return m ? `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}` : v;
};

const productObject = (c: RawRow['cells']) => ({
  gtin: c.gtin ?? '', nameVi: c.nameVi ?? '', nameEn: c.nameEn, category: c.category ?? '', description: c.description, ocopStars: num(c.ocopStars),
  ocopGroup: c.ocopGroup, ocopYear: num(c.ocopYear), whereToBuy: c.whereToBuy,
});
const lotObject = (c: RawRow['cells']) => ({
  lot: c.lot ?? '', productionDate: day(c.productionDate) ?? '', expiryDate: day(c.expiryDate), quantity: num(c.quantity), uom: c.uom,
});

export async function planImport(db: Db, producerId: number, rows: RawRow[], locale: Locale): Promise<ImportPlan> {
  const plan: ImportPlan = { products: [], lots: [], problems: [] };
  const problem = (row: number, field: string, vi: string, en: string) => plan.problems.push({ row, field, message: locale === 'en' ? en : vi, messages: { vi, en } });
  const own = (row: number, field: string, key: ImportFault) => problem(row, field, IMPORT_FAULTS[key].vi, IMPORT_FAULTS[key].en);
  const issues = (row: number, error: z.ZodError, only?: string) => {
    for (const i of error.issues) problem(row, only ?? String(i.path[0] ?? 'gtin'), issueMessage(i, 'vi'), issueMessage(i, 'en'));
  };

  const gtins = rows.map((r) => ZGtin.safeParse(r.cells.gtin ?? '').data).filter((g): g is string => !!g);
  const stored = new Map((await productsWithGtins(db, [...new Set(gtins)])).map((p) => [p.gtin, { id: Number(p.id), producerId: Number(p.producer_id) }]));
  const mine = [...stored.values()].filter((p) => p.producerId === producerId).map((p) => p.id);
  const storedLots = new Set((await lotKeysOf(db, mine)).map((l) => `${Number(l.product_id)}|${l.lot}`));
  const places = new Map((await placeRows(db, producerId)).map((p) => [p.code, Number(p.id)]));
  const inFile = new Set<string>();
  const lotsInFile = new Set<string>();

  for (const { row, cells } of rows) {
    const isProduct = PRODUCT_ONLY.some((k) => cells[k] !== undefined);
    const isLot = LOT_ONLY.some((k) => cells[k] !== undefined);
    if (!isProduct && !isLot) {
      own(row, 'gtin', 'import_row_kind');
      continue;
    }
    let gtin: string | null = null;
    if (isProduct) {
      const parsed = ZProductInput.safeParse(productObject(cells));
      if (!parsed.success) issues(row, parsed.error);
      else {
        const owner = stored.get(parsed.data.gtin);
        if (inFile.has(parsed.data.gtin)) own(row, 'gtin', 'import_gtin_repeated');
        else if (owner && owner.producerId !== producerId) own(row, 'gtin', 'import_gtin_other');
        else {
          gtin = parsed.data.gtin;
          inFile.add(gtin);
          plan.products.push({ row, input: parsed.data, existingId: owner?.id ?? null });
        }
      }
    }
    if (!isLot) continue;
    if (!isProduct) {
      const parsed = ZGtin.safeParse(cells.gtin ?? '');
      if (!parsed.success) issues(row, parsed.error, 'gtin');
      else if (!inFile.has(parsed.data) && stored.get(parsed.data)?.producerId !== producerId) own(row, 'gtin', 'import_product_unknown');
      else gtin = parsed.data;
    }
    const parsed = ZLotInput.safeParse(lotObject(cells));
    if (!parsed.success) issues(row, parsed.error);
    const placeId = cells.placeCode ? places.get(cells.placeCode) : undefined;
    if (cells.placeCode && placeId === undefined) own(row, 'placeCode', 'import_place_unknown');
    if (!parsed.success || !gtin) continue;
    const key = `${gtin}|${parsed.data.lot}`;
    const productId = stored.get(gtin)?.id;
    if (lotsInFile.has(key)) own(row, 'lot', 'import_lot_repeated');
    else if (productId !== undefined && storedLots.has(`${productId}|${parsed.data.lot}`)) own(row, 'lot', 'import_lot_taken');
    else {
      lotsInFile.add(key);
      plan.lots.push({ row, gtin, input: { ...parsed.data, placeId: placeId ?? null } });
    }
  }
  return plan;
}
