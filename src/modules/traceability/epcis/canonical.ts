// Value canonicalisation of the CBV 2.0 event hash: time stamps in UTC to the millisecond, numbers without trailing
// zeros, old CBV URNs as their Web URIs, identifiers as constrained Digital Links (epc-uri.ts).
import { canonicalIdentifier } from './canonical-id.js';

const TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?$/i;

/** An ISO 8601 time stamp in UTC with exactly three decimals ("…T10:00:30.000Z"); anything else unchanged. */
export function utcMillis(value: string): string {
  const m = TIME.exec(value);
  if (!m) return value;
  const [, y, mo, d, h, mi, s = '0', frac = '', zone = 'Z'] = m;
  // The fourth decimal rounds the third half up (CBV 2.0, rule on time stamps); further decimals do not count.
  const micro = Number(frac.slice(0, 6).padEnd(6, '0'));
  const millis = Math.floor(micro / 1000) + (micro % 1000 >= 500 ? 1 : 0);
  let offset = 0;
  if (zone.toUpperCase() !== 'Z') {
    const z = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone)!;
    offset = (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3] ?? 0));
  }
  // A stamp without a zone is read as UTC: the reference reads the machine's zone there, which no two parties share.
  const t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s)) - offset * 60_000 + millis;
  if (!Number.isFinite(t)) return value;
  return new Date(t).toISOString();
}

// Python's float() grammar, which the reference implementation applies to every value: a "number" is any text it reads.
const NUMBER = /^[+-]?(?:\d(?:_?\d)*(?:\.(?:\d(?:_?\d)*)?)?|\.\d(?:_?\d)*)(?:[eE][+-]?\d(?:_?\d)*)?$/;

/** A numeric text written without trailing zeros or a leading "+": "1.0" → "1", "+0.50" → "0.5", "1e-5" → "1e-05". */
export function canonicalNumber(text: string): string {
  if (!NUMBER.test(text)) return text;
  const n = Number(text.replaceAll('_', ''));
  if (!Number.isFinite(n)) return text;
  if (Number.isInteger(n)) return BigInt(n).toString();
  // Shortest round-trip digits, in the exponent form Python's repr uses below 1e-4 (the reference's output).
  if (Math.abs(n) < 1e-4) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

const CBV_URNS: [string, string][] = [
  ['urn:epcglobal:cbv:bizstep:', 'https://ref.gs1.org/cbv/BizStep-'],
  ['urn:epcglobal:cbv:disp:', 'https://ref.gs1.org/cbv/Disp-'],
  ['urn:epcglobal:cbv:btt:', 'https://ref.gs1.org/cbv/BTT-'],
  ['urn:epcglobal:cbv:sdt:', 'https://ref.gs1.org/cbv/SDT-'],
  ['urn:epcglobal:cbv:er:', 'https://ref.gs1.org/cbv/ER-'],
];

/** A value as the pre-hash string writes it (time stamps aside). */
export function canonicalValue(text: string): string {
  let value = text;
  for (const [urn, uri] of CBV_URNS) value = value.replaceAll(urn, uri);
  value = canonicalNumber(value);
  return canonicalIdentifier(value) ?? value;
}
