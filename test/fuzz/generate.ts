import type { Rng } from './rng.js';

/** The parts of a JSON Schema (OpenAPI 3.0 as @fastify/swagger writes it, or zod's draft 2020-12) a request uses. */
export interface Schema {
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  nullable?: boolean;
  default?: unknown;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number | boolean;
  exclusiveMaximum?: number | boolean;
}

/**
 * What the fixtures know: for a field name, the values that name something real (the other unit's case, report,
 * unit…), so a well-formed request gets past "not found" to the code behind it. Undefined: generate from the schema.
 */
export type Hint = (name: string, schema: Schema) => unknown[] | undefined;

/** Strings that satisfy the platform's patterns (codes, periods, dates, e-mail, tracking codes), tried in turn. */
export const SAMPLE_STRINGS = [
  '2025-07-01', '2026-11-16', '2026M10', '2026', '2026Q3', 'BC_CDS', 'BC_TTHC', 'WASTE', 'DRAINAGE', 'RP_DOSSIERS_TOTAL',
  'hoa@example.org', 'https://example.org/hook', '0912 345 678', 'Phường thử nghiệm', 'mot-ten', 'P1', 'default',
  'Rác thải ở chợ chưa được thu gom đúng giờ', 'true', 'json', 'requests.json', '2026-11-16T03:00:00Z',
];

function compile(pattern: string): RegExp | null {
  try {
    return new RegExp(pattern, 'u');
  } catch {
    try {
      return new RegExp(pattern);
    } catch {
      return null;
    }
  }
}

function fits(value: string, s: Schema): boolean {
  if (s.minLength !== undefined && [...value].length < s.minLength) return false;
  if (s.maxLength !== undefined && [...value].length > s.maxLength) return false;
  if (s.pattern) return compile(s.pattern)?.test(value) ?? true;
  if (s.format === 'email') return value.includes('@');
  if (s.format === 'uri') return /^https?:\/\//.test(value);
  if (s.format === 'date') return /^\d{4}-\d\d-\d\d$/.test(value);
  if (s.format === 'date-time') return value.includes('T');
  return true;
}

export function typeOf(s: Schema): string | undefined {
  if (Array.isArray(s.type)) return s.type.find((t) => t !== 'null');
  if (s.type) return s.type;
  if (s.properties) return 'object';
  if (s.items) return 'array';
  return undefined;
}

/** The alternatives of a union, without the null branch zod writes for nullable. */
export const variants = (s: Schema): Schema[] => (s.anyOf ?? s.oneOf ?? []).filter((v) => v.type !== 'null');

function stringFor(rng: Rng, s: Schema): string {
  const candidates = SAMPLE_STRINGS.filter((c) => fits(c, s));
  if (candidates.length) return rng.pick(candidates);
  const length = Math.max(s.minLength ?? 1, Math.min(s.maxLength ?? 12, 12));
  return 'a'.repeat(length);
}

function numberFor(rng: Rng, s: Schema, integer: boolean): number {
  const exMin = typeof s.exclusiveMinimum === 'number' ? s.exclusiveMinimum : undefined;
  const exMax = typeof s.exclusiveMaximum === 'number' ? s.exclusiveMaximum : undefined;
  let min = s.minimum ?? exMin ?? 0;
  let max = s.maximum ?? exMax ?? min + 100;
  if (s.exclusiveMinimum === true || exMin !== undefined) min += integer ? 1 : 0.001;
  if (s.exclusiveMaximum === true || exMax !== undefined) max -= integer ? 1 : 0.001;
  // The ends of a range half the time: where an off-by-one or an overflow hides.
  const edge = rng.int(0, 3);
  if (edge === 0) return integer ? Math.ceil(min) : min;
  if (edge === 1 && s.maximum !== undefined) return integer ? Math.floor(max) : max;
  max = Math.min(max, min + 1000);
  const n = min + rng.next() * (max - min);
  return integer ? Math.min(Math.max(Math.round(n), Math.ceil(min)), Math.floor(max)) : Math.round(n * 1000) / 1000;
}

/** A value the schema accepts (as far as the samples allow), with the fixtures' values for the names they know. */
export function valid(rng: Rng, s: Schema, hint: Hint, name = '', depth = 0): unknown {
  const known = hint(name, s);
  if (known?.length) return rng.pick(known);
  if (s.const !== undefined) return s.const;
  if (s.enum?.length) return rng.pick(s.enum);
  if (s.allOf?.length) return valid(rng, s.allOf[0]!, hint, name, depth);
  const alternatives = variants(s);
  if (alternatives.length) return valid(rng, rng.pick(alternatives), hint, name, depth);
  switch (typeOf(s)) {
    case 'string':
      return stringFor(rng, s);
    case 'integer':
      return numberFor(rng, s, true);
    case 'number':
      return numberFor(rng, s, false);
    case 'boolean':
      return rng.chance(0.5);
    case 'null':
      return null;
    case 'array': {
      if (depth > 12) return [];
      const min = s.minItems ?? 0;
      const count = Math.max(min, Math.min(rng.int(min, min + 2), s.maxItems ?? min + 2));
      return Array.from({ length: count }, () => valid(rng, s.items ?? {}, hint, name, depth + 1));
    }
    case 'object': {
      if (depth > 12) return {};
      const out: Record<string, unknown> = {};
      const required = new Set(s.required ?? []);
      for (const [key, child] of Object.entries(s.properties ?? {})) {
        if (required.has(key) || rng.chance(0.6)) out[key] = valid(rng, child, hint, key, depth + 1);
      }
      if (!s.properties && s.additionalProperties && typeof s.additionalProperties === 'object' && rng.chance(0.7)) {
        out[stringFor(rng, { pattern: '^[A-Z_]+$' })] = valid(rng, s.additionalProperties, hint, '', depth + 1);
      }
      return out;
    }
    default:
      return rng.pick(['x', 1, true]);
  }
}
