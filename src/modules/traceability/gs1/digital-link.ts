import fs from 'node:fs';
import { z } from 'zod';
import { referenceFile } from '../../../server/paths.js';
import { glnFault, gtin14, gtinFault, ssccFault, type KeyFault } from './keys.js';

// GS1 Digital Link URIs (https://host/01/{gtin}/10/{lot}/21/{serial}?17=YYMMDD&linkType=…): parsed against the AI
// table in data/reference/traceability/gs1-identifiers.json, written back in the standard's canonical form.

const ZTable = z.object({
  keys: z.array(z.object({ ai: z.string(), name: z.string(), nameVi: z.string(), format: z.enum(['gtin', 'sscc', 'gln']), qualifiers: z.array(z.string()) })),
  qualifiers: z.array(z.object({ ai: z.string(), name: z.string(), nameVi: z.string(), maxLength: z.number() })),
  attributes: z.array(z.object({ ai: z.string(), name: z.string(), nameVi: z.string(), format: z.enum(['yymmdd', 'n6', 'n3']) })),
});
let table: z.infer<typeof ZTable> | undefined;
export const gs1Table = () => (table ??= ZTable.parse(JSON.parse(fs.readFileSync(referenceFile('traceability', 'gs1-identifiers.json'), 'utf8'))));

/** GS1's AI encodable character set 82, which lots and serials are written in. */
const CSET82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$/;

export type LinkFault =
  | { code: 'not_digital_link' }
  | { code: 'key_invalid'; ai: string; fault: KeyFault }
  | { code: 'qualifier_order'; ai: string }
  | { code: 'qualifier_invalid'; ai: string }
  | { code: 'attribute_invalid'; ai: string };

export class DigitalLinkError extends Error {
  constructor(readonly fault: LinkFault) {
    super(fault.code);
  }
}

export interface DigitalLink {
  key: { ai: string; value: string };
  /** In the standard's order (for a GTIN: 22, 10, 21). */
  qualifiers: { ai: string; value: string }[];
  /** Data attributes of the query string, dates as ISO days. */
  attributes: Record<string, string>;
  linkType: string | null;
}

/** A YYMMDD date as an ISO day: the century nearest the year it is read in (§7.12), day 00 the month's last day. */
export function gs1Date(yymmdd: string, now = new Date()): string | null {
  if (!/^\d{6}$/.test(yymmdd)) return null;
  const yy = Number(yymmdd.slice(0, 2));
  const mm = Number(yymmdd.slice(2, 4));
  let dd = Number(yymmdd.slice(4, 6));
  const current = now.getUTCFullYear();
  const diff = yy - (current % 100);
  const century = Math.floor(current / 100) * 100 + (diff >= 51 ? -100 : diff <= -50 ? 100 : 0);
  const year = century + yy;
  if (mm < 1 || mm > 12) return null;
  const last = new Date(Date.UTC(year, mm, 0)).getUTCDate();
  if (dd === 0) dd = last;
  if (dd > last) return null;
  return `${year}-${String(mm).padStart(2, '0')}-${String(dd).padStart(2, '0')}`;
}

const keyFault = (format: 'gtin' | 'sscc' | 'gln', value: string) => (format === 'gtin' ? gtinFault(value) : format === 'sscc' ? ssccFault(value) : glnFault(value));

/** Parses the path and query of a Digital Link URI (any host, any path before the key); throws DigitalLinkError. */
export function parseDigitalLink(uri: string, now = new Date()): DigitalLink {
  const { keys, qualifiers, attributes } = gs1Table();
  let url: URL;
  try {
    url = new URL(uri, 'https://id.gs1.org');
  } catch {
    throw new DigitalLinkError({ code: 'not_digital_link' });
  }
  const parts = url.pathname.split('/').filter(Boolean).map((p) => {
    try {
      return decodeURIComponent(p);
    } catch {
      throw new DigitalLinkError({ code: 'not_digital_link' });
    }
  });
  // The key is the first segment pair whose AI is a primary key: anything before it is the resolver's own path.
  const at = parts.findIndex((p, i) => keys.some((k) => k.ai === p) && parts[i + 1] !== undefined);
  if (at < 0) throw new DigitalLinkError({ code: 'not_digital_link' });
  const key = keys.find((k) => k.ai === parts[at])!;
  const value = parts[at + 1]!;
  const fault = keyFault(key.format, value);
  if (fault) throw new DigitalLinkError({ code: 'key_invalid', ai: key.ai, fault });
  const rest = parts.slice(at + 2);
  if (rest.length % 2) throw new DigitalLinkError({ code: 'not_digital_link' });
  const found: { ai: string; value: string }[] = [];
  let position = -1;
  for (let i = 0; i < rest.length; i += 2) {
    const ai = rest[i]!;
    const order = key.qualifiers.indexOf(ai);
    if (order < 0 || order <= position) throw new DigitalLinkError({ code: 'qualifier_order', ai });
    position = order;
    const spec = qualifiers.find((q) => q.ai === ai)!;
    const v = rest[i + 1]!;
    if (v.length > spec.maxLength || !CSET82.test(v)) throw new DigitalLinkError({ code: 'qualifier_invalid', ai });
    found.push({ ai, value: v });
  }
  const attrs: Record<string, string> = {};
  for (const [name, v] of url.searchParams) {
    if (name === 'linkType') continue;
    const spec = attributes.find((a) => a.ai === name);
    if (!spec) continue; // Other query parameters belong to the resolver's caller, not to the identifier.
    const parsed = spec.format === 'yymmdd' ? gs1Date(v, now) : spec.format === 'n6' ? (/^\d{6}$/.test(v) ? v : null) : /^\d{3}$/.test(v) ? v : null;
    if (!parsed) throw new DigitalLinkError({ code: 'attribute_invalid', ai: name });
    attrs[name] = parsed;
  }
  return { key: { ai: key.ai, value: key.format === 'gtin' ? gtin14(value) : value }, qualifiers: found, attributes: attrs, linkType: url.searchParams.get('linkType') };
}

/** The canonical URI of an identifier under a resolver's base: GTIN-14, qualifiers in order, each segment encoded. */
export function digitalLinkUri(base: string, key: { ai: string; value: string }, qualifiers: { ai: string; value: string }[] = []): string {
  const spec = gs1Table().keys.find((k) => k.ai === key.ai);
  if (!spec) throw new DigitalLinkError({ code: 'not_digital_link' });
  const value = spec.format === 'gtin' ? gtin14(key.value) : key.value;
  const ordered = [...qualifiers].sort((a, b) => spec.qualifiers.indexOf(a.ai) - spec.qualifiers.indexOf(b.ai));
  const path = [key.ai, value, ...ordered.flatMap((q) => [q.ai, encodeURIComponent(q.value)])].join('/');
  return `${base.replace(/\/$/, '')}/${path}`;
}
