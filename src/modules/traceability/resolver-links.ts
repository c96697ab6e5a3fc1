import type { Db } from '../../db/database.js';
import { AppError } from '../../server/errors.js';
import { itemEpcOf, lotClassOf, pageUrl, type Resolved } from './consumer.js';
import { certificateRows } from './repo.js';

// The links of a resolved code, as a GS1 conformant resolver answers them: an RFC 9264 linkset keyed by GS1 Web
// Vocabulary link types (https://gs1.org/voc/pip…), or the one link a ?linkType= asks for.

export const GS1_VOC = 'https://gs1.org/voc/';

export interface Link { href: string; title?: string; type?: string; hreflang?: string[] }

/** The link type a `linkType` value names ("gs1:pip", its URI, or "pip"), or 'linkset' for all of them. */
export function linkTypeOf(value: string): string {
  const v = value.trim();
  if (v === 'linkset' || v === 'all') return 'linkset';
  for (const prefix of ['gs1:', GS1_VOC, 'https://ref.gs1.org/voc/', 'http://gs1.org/voc/']) if (v.startsWith(prefix)) return v.slice(prefix.length);
  return v;
}

/** The code's links by type (short names: pip, traceability…). */
export async function linksOf(db: Db, r: Resolved, base: string): Promise<Map<string, Link[]>> {
  const page = pageUrl(base, r);
  const name = r.product.name_vi;
  const links = new Map<string, Link[]>();
  links.set('pip', [
    { href: page, title: `${name} — thông tin sản phẩm`, type: 'text/html', hreflang: ['vi'] },
    { href: `${page}?lang=en`, title: `${r.product.name_en ?? name} — product information`, type: 'text/html', hreflang: ['en'] },
  ]);
  const lotClass = lotClassOf(r);
  const item = itemEpcOf(r);
  if (lotClass || item) {
    const uri = encodeURIComponent(item ?? lotClass!);
    links.set('traceability', [{ href: `${base}/api/public/traceability/items?uri=${encodeURIComponent(page)}`, title: 'Hành trình sản phẩm / The product\'s journey', type: 'application/json' }]);
    links.set('epcis', [{
      href: `${base}/api/traceability/epcis/events?${item ? 'MATCH_epc' : 'MATCH_epcClass'}=${uri}`,
      title: 'Sự kiện EPCIS 2.0 (cần tài khoản) / EPCIS 2.0 events (an account is needed)', type: 'application/ld+json',
    }]);
  }
  const certificates = (await certificateRows(db, Number(r.producer.id))).filter((c) => c.product_id === null || Number(c.product_id) === Number(r.product.id));
  if (certificates.length) links.set('certificationInfo', [{ href: `${page}#certificates`, title: 'Chứng nhận / Certificates', type: 'text/html' }]);
  links.set('defaultLink', [{ href: page, title: name, type: 'text/html' }]);
  return links;
}

/** The RFC 9264 linkset of the code, anchored at its URI on this resolver. */
export function linkset(r: Resolved, base: string, links: Map<string, Link[]>) {
  const entry: Record<string, Link[] | string> = { anchor: pageUrl(base, r), itemDescription: r.product.name_vi };
  for (const [type, list] of links) entry[GS1_VOC + type] = list;
  return { linkset: [entry as { anchor: string; itemDescription: string } & Record<string, Link[] | string>] };
}

/** The link a ?linkType= redirect goes to: 404 link_type_missing when the code has none of that type. */
export function linkFor(r: Resolved, links: Map<string, Link[]>, type: string, asked: string, lang: 'vi' | 'en'): string {
  const list = links.get(type);
  if (!list?.length) {
    const code = `(01)${r.product.gtin}${r.lot ? `(10)${r.lot.lot}` : ''}${r.serial !== null ? `(21)${r.serial}` : ''}`;
    throw new AppError('link_type_missing', { code, linkType: asked.slice(0, 80) }, 'linkType');
  }
  return (list.find((l) => l.hreflang?.includes(lang)) ?? list[0]!).href;
}
