import { DL, DL_CHAR, fromUrn } from './epc-uri.js';

// Identifiers in the one form the CBV 2.0 event hash and the store compare them: a Digital Link on any domain
// moves to id.gs1.org and loses its query string, CPV and (beside a serial) lot; an EPC URN becomes its Digital Link
// (epc-uri.ts). A value that fails a step is none (null), and the caller keeps it as written.

const KEY_NAMES: Record<string, string> = {
  gtin: '01', itip: '8006', cpid: '8010', gln: '414', party: '417', gsrnp: '8017', gsrn: '8018', gcn: '255', sscc: '00',
  gdti: '253', ginc: '401', gsin: '402', grai: '8003', giai: '8004', cpv: '22', lot: '10', ser: '21',
};
const ANY_KEY = '01|gtin|8006|itip|8010|cpid|414|gln|417|party|8017|gsrnp|8018|gsrn|255|gcn|00|sscc|253|gdti|401|ginc|402|gsin|8003|grai|8004|giai';
// The order GS1's implementation looks for a primary key in a foreign-domain path; kept so results agree with it.
const REBASE_ORDER = ['00', '01', '253', '255', '401', '402', '414', '417', '8003', '8004', '8006', '8010', '8017', '8018'];

const CONSTRAINED = [
  String.raw`00/\d{18}`, `01/\\d{14}/21/${DL_CHAR}{0,20}`, `01/\\d{14}/10/${DL_CHAR}{0,20}`, String.raw`01/\d{14}`,
  `01/\\d{14}/235/${DL_CHAR}{0,28}`, `253/\\d{13}${DL_CHAR}{0,17}`, String.raw`255/\d{13}\d{0,12}`, `401/${DL_CHAR}{0,30}`,
  String.raw`402/\d{17}`, String.raw`414/\d{13}`, `414/\\d{13}/254/${DL_CHAR}{0,20}`, String.raw`417/\d{13}`,
  `8003/\\d{14}${DL_CHAR}{0,16}`, `8004/${DL_CHAR}{0,30}`, `8006/\\d{18}/21/${DL_CHAR}{0,20}`, `8006/\\d{18}/10/${DL_CHAR}{0,20}`,
  String.raw`8006/\d{18}`, String.raw`8010/[#\-/0-9A-Z]{0,30}/8011/\d{0,12}`, String.raw`8010/[#\-/0-9A-Z]{0,30}`,
  String.raw`8017/\d{18}`, String.raw`8018/\d{18}`,
].map((p) => new RegExp(`^https://id\\.gs1\\.org/${p}$`));

const FOREIGN_KEY = new RegExp(`^https?:[^?#]*/(?:${ANY_KEY})/\\d{4}[^/]`);
const GS1_KEY = new RegExp(`^https://id\\.gs1\\.org/(?:${ANY_KEY})/\\d{4}`);
const HEAD = String.raw`^(https://id\.gs1\.org/(?:01/\d{14}|8006/\d{18}))`;
const WITH_CPV = new RegExp(`${HEAD}/22/([/${DL_CHAR.slice(1, -1)}]{0,20})$`);
const LOT_BESIDE_SERIAL = new RegExp(`${HEAD}/10/${DL_CHAR}{0,20}(/21/${DL_CHAR}{0,20})$`);

function fromDigitalLink(input: string): string | null {
  if (!FOREIGN_KEY.test(input)) return null;
  let uri = input.split('?')[0]!;
  for (const [name, ai] of Object.entries(KEY_NAMES)) uri = uri.replaceAll(`/${name}/`, `/${ai}/`);
  if (!GS1_KEY.test(uri)) {
    const ai = REBASE_ORDER.find((k) => uri.includes(`/${k}/`));
    if (ai) uri = DL + uri.slice(uri.indexOf(`/${ai}/`));
  }
  const gtin = /^https:\/\/id\.gs1\.org\/01\/(\d+)/.exec(uri)?.[1];
  // GTIN-13, -12 and -8 are written as GTIN-14 (a 9 to 11 digit value is padded as GS1's code does, and then fails).
  if (gtin && gtin.length >= 8 && gtin.length < 14) uri = uri.replaceAll('/01/', '/01/' + '0'.repeat(gtin.length === 13 ? 1 : gtin.length === 12 ? 2 : 6));
  const cpv = WITH_CPV.exec(uri);
  if (cpv) uri = cpv[1]! + (cpv[2]!.includes('/') ? cpv[2]!.slice(cpv[2]!.indexOf('/')) : '');
  uri = uri.replace(LOT_BESIDE_SERIAL, '$1$2');
  return CONSTRAINED.some((re) => re.test(uri)) ? uri : null;
}

// The same few identifiers (a lot, its places) recur in every event of a capture: their forms are remembered.
const known = new Map<string, string | null>();

/** The constrained canonical GS1 Digital Link of an EPC or Digital Link URI, or null when the value is neither. */
export function canonicalIdentifier(value: string): string | null {
  const found = known.get(value);
  if (found !== undefined) return found;
  const canonical = !value.includes('.') ? null : value.startsWith('urn:epc:') ? fromUrn(value) : fromDigitalLink(value);
  if (known.size >= 10_000) known.clear();
  known.set(value, canonical);
  return canonical;
}
