import { checkDigit } from '../gs1/keys.js';

// Identifiers in the one form the CBV 2.0 event hash reads them: an EPC, EPC class or EPC pattern URI becomes its
// canonical Digital Link on id.gs1.org; a Digital Link on any domain moves there and loses its query string, CPV and
// (beside a serial) lot. A value that fails a step stays as written, as in GS1's reference implementation, so two
// parties hashing the same odd value still agree.

export const DL = 'https://id.gs1.org';
const withCheck = (digits: string) => digits + checkDigit(digits);

// The EPC URI character set for serials and references (TDS 1.13 §5): percent escapes included.
const EPC_CHAR = String.raw`(?:%[0-9A-Fa-f]{2}|[!'()*+,.0-9:;=A-Za-z_-])`;
// Characters the constrained Digital Link keeps without escaping; a value needing a percent escape fails it.
export const DL_CHAR = String.raw`[\x22\x27\x2D\x2E\x30-\x39\x3B-\x3F\x41-\x5A\x5F\x61-\x7A]`;

const encode = (value: string) => value.replace(/[!()*+,:]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());

/** Company prefix and reference split at the dot, their digits summing to `total`; null when they do not. */
function split(body: string, total: number): [string, string] | null {
  const m = /^(\d{6,12})\.(\d*)$/.exec(body);
  if (!m || m[1]!.length + m[2]!.length !== total) return null;
  return [m[1]!, m[2]!];
}

// The indicator digit (or SSCC extension digit) leads the reference in the URN and the key in the element string.
const gtinOf = (cp: string, ref: string) => withCheck(ref.slice(0, 1) + cp + ref.slice(1));

function serialised(rest: string, max: number): string | null {
  return new RegExp(`^${EPC_CHAR}{1,${max}}$`).test(rest) ? encode(rest) : null;
}

type Scheme = (parts: string[]) => string | null;

// Each scheme reads the URN body split at its dots (a serial may hold dots of its own, hence the rejoin).
const ID_SCHEMES: Record<string, Scheme> = {
  sgtin: ([cp, ref, ...serial]) => {
    const key = split(`${cp}.${ref}`, 13);
    const s = serialised(serial.join('.'), 20);
    return key && s ? `${DL}/01/${gtinOf(...key)}/21/${s}` : null;
  },
  sscc: ([cp, ref, ...rest]) => {
    const key = rest.length ? null : split(`${cp}.${ref}`, 17);
    return key ? `${DL}/00/${gtinOf(...key)}` : null;
  },
  sgln: ([cp, ref, ...ext]) => {
    const key = split(`${cp}.${ref}`, 12);
    const e = serialised(ext.join('.'), 20);
    if (!key || !e) return null;
    const gln = withCheck(key[0] + key[1]);
    return e === '0' ? `${DL}/414/${gln}` : `${DL}/414/${gln}/254/${e}`;
  },
  grai: ([cp, ref, ...serial]) => {
    const key = split(`${cp}.${ref}`, 12);
    const s = serialised(serial.join('.'), 16);
    return key && s ? `${DL}/8003/${withCheck('0' + key[0] + key[1])}${s}` : null;
  },
  giai: ([cp, ...asset]) => {
    const ref = asset.join('.');
    const fits = /^\d{6,12}$/.test(cp ?? '') && serialised(ref, 30 - cp!.length);
    return fits ? `${DL}/8004/${cp}${encode(ref)}` : null;
  },
  gsrn: ([cp, ref, ...rest]) => {
    const key = rest.length ? null : split(`${cp}.${ref}`, 17);
    return key ? `${DL}/8018/${withCheck(key[0] + key[1])}` : null;
  },
  gsrnp: ([cp, ref, ...rest]) => {
    const key = rest.length ? null : split(`${cp}.${ref}`, 17);
    return key ? `${DL}/8017/${withCheck(key[0] + key[1])}` : null;
  },
  gdti: ([cp, ref, ...serial]) => {
    const key = split(`${cp}.${ref}`, 12);
    const s = serialised(serial.join('.'), 17);
    return key && s ? `${DL}/253/${withCheck(key[0] + key[1])}${s}` : null;
  },
  cpi: (parts) => {
    const [cp, ...rest] = parts;
    const serial = rest.pop() ?? '';
    const ref = rest.join('.');
    const ok = /^\d{6,12}$/.test(cp ?? '') && /^\d{1,12}$/.test(serial) && /^(?:%2[3dfDF]|%3\d|%4[1-9A-Fa-f]|%5[0-9Aa]|[0-9A-Z-])+$/.test(ref);
    return ok && cp!.length + ref.length <= 30 ? `${DL}/8010/${encode(cp + ref)}/8011/${serial}` : null;
  },
  sgcn: ([cp, ref, serial, ...rest]) => {
    const key = rest.length ? null : split(`${cp}.${ref}`, 12);
    return key && /^\d{1,12}$/.test(serial ?? '') ? `${DL}/255/${withCheck(key[0] + key[1])}${serial}` : null;
  },
  ginc: ([cp, ...ref]) => {
    const r = ref.join('.');
    return /^\d{6,12}$/.test(cp ?? '') && serialised(r, 30 - cp!.length) ? `${DL}/401/${cp}${encode(r)}` : null;
  },
  gsin: ([cp, ref, ...rest]) => {
    const key = rest.length ? null : split(`${cp}.${ref}`, 16);
    return key ? `${DL}/402/${withCheck(key[0] + key[1])}` : null;
  },
  itip: ([cp, ref, piece, total, ...serial]) => {
    const key = split(`${cp}.${ref}`, 13);
    const s = serialised(serial.join('.'), 20);
    const ok = key && s && /^\d{2}$/.test(piece ?? '') && /^\d{2}$/.test(total ?? '');
    return ok ? `${DL}/8006/${gtinOf(...key)}${piece}${total}/21/${s}` : null;
  },
  upui: ([cp, ref, ...serial]) => {
    const key = split(`${cp}.${ref}`, 13);
    const s = serialised(serial.join('.'), 28);
    return key && s ? `${DL}/01/${gtinOf(...key)}/235/${s}` : null;
  },
  pgln: ([cp, ref, ...rest]) => {
    const key = rest.length ? null : split(`${cp}.${ref}`, 12);
    return key ? `${DL}/417/${withCheck(key[0] + key[1])}` : null;
  },
};

const CLASS_SCHEMES: Record<string, Scheme> = {
  lgtin: ([cp, ref, ...lot]) => {
    const key = split(`${cp}.${ref}`, 13);
    const l = serialised(lot.join('.'), 20);
    return key && l ? `${DL}/01/${gtinOf(...key)}/10/${l}` : null;
  },
};

// A pattern names every serial of one class with a trailing "*"; its Digital Link is the class key alone.
const PATTERN_SCHEMES: Record<string, Scheme> = {
  sgtin: ([cp, ref]) => (split(`${cp}.${ref}`, 13) ? `${DL}/01/${gtinOf(...split(`${cp}.${ref}`, 13)!)}` : null),
  grai: ([cp, ref]) => (split(`${cp}.${ref}`, 12) ? `${DL}/8003/${withCheck('0' + cp + ref)}` : null),
  gdti: ([cp, ref]) => (split(`${cp}.${ref}`, 12) ? `${DL}/253/${withCheck(cp! + ref)}` : null),
  sgcn: ([cp, ref]) => (split(`${cp}.${ref}`, 12) ? `${DL}/255/${withCheck(cp! + ref)}` : null),
  cpi: ([cp, ...ref]) => (/^\d{6,12}$/.test(cp ?? '') && ref.length ? `${DL}/8010/${encode(cp + ref.join('.'))}` : null),
  itip: ([cp, ref, piece, total]) =>
    split(`${cp}.${ref}`, 13) && /^\d{2}$/.test(piece ?? '') && /^\d{2}$/.test(total ?? '')
      ? `${DL}/8006/${gtinOf(...split(`${cp}.${ref}`, 13)!)}${piece}${total}`
      : null,
  upui: ([cp, ref]) => (split(`${cp}.${ref}`, 13) ? `${DL}/01/${gtinOf(...split(`${cp}.${ref}`, 13)!)}` : null),
};

/** The Digital Link of an EPC URN (urn:epc:id|class|idpat:…), or null when it is none. */
export function fromUrn(uri: string): string | null {
  const m = /^urn:epc:(id|class|idpat):([a-z]+):(.+)$/.exec(uri);
  if (!m) return null;
  const [, kind, scheme, body] = m as unknown as [string, string, string, string];
  const table = kind === 'id' ? ID_SCHEMES : kind === 'class' ? CLASS_SCHEMES : PATTERN_SCHEMES;
  const convert = Object.hasOwn(table, scheme) ? table[scheme] : undefined;
  if (!convert) return null;
  const parts = body.split('.');
  if (kind === 'idpat' && parts.pop() !== '*') return null;
  return convert(parts);
}
