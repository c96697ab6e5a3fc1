import type { Actor } from '../../core/access/index.js';
import { dayMonthYear } from '../../core/calendar/index.js';
import type { Db } from '../../db/database.js';
import { labelSheet, qrPng, qrSvg, type Label } from './labels.js';
import { itemUri, lotInScope, lotUri } from './lots.js';
import { serialsPage } from './catalogue-repo.js';
import { productRow } from './repo.js';

// A lot's labels: its QR code (PNG, SVG), and an A4 sheet of item labels, one per issued serial, or the lot's own
// label repeated over one sheet when it has no serials.

const SHEET = 18; // 3 × 6 labels an A4 page
const fileKey = (gtin: string, lot: string) => `${gtin}_${lot.replace(/[^\w.-]+/g, '_')}`;

export async function lotLabel(db: Db, actor: Actor, id: number, publicUrl: string, format: 'png' | 'svg') {
  const lot = await lotInScope(db, actor, id);
  const uri = lotUri(publicUrl, lot.gtin, lot.lot);
  const name = `nhan_${fileKey(lot.gtin, lot.lot)}.${format}`;
  return format === 'png' ? { type: 'image/png', name, body: await qrPng(uri) } : { type: 'image/svg+xml', name, body: await qrSvg(uri) };
}

export async function lotLabelSheet(db: Db, actor: Actor, id: number, publicUrl: string, page: { limit: number; offset: number }) {
  const lot = await lotInScope(db, actor, id);
  const product = (await productRow(db, Number(lot.product_id)))!;
  const lines = [`GTIN ${lot.gtin}`, `Lô ${lot.lot}`, `NSX ${dayMonthYear(lot.production_date)}${lot.expiry_date ? ` · HSD ${dayMonthYear(lot.expiry_date)}` : ''}`];
  const serials = Number(lot.serials ?? 0) ? (await serialsPage(db, id, page.limit, page.offset)).map((r) => r.serial) : [];
  const labels: Label[] = serials.length
    ? serials.map((serial) => ({ uri: itemUri(publicUrl, lot.gtin, serial), title: product.name_vi, lines: [...lines, `Số ${serial}`] }))
    : Array.from({ length: SHEET }, () => ({ uri: lotUri(publicUrl, lot.gtin, lot.lot), title: product.name_vi, lines }));
  const body = await labelSheet(labels, { title: `Nhãn lô ${lot.lot}` });
  return { type: 'application/pdf', name: `nhan_${fileKey(lot.gtin, lot.lot)}.pdf`, body };
}
