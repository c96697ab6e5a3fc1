import { typeOf, variants, type Schema } from './generate.js';
import { hostileText, hostileValue, raw, type Hostile } from './hostile.js';
import type { Rng } from './rng.js';

interface Node {
  path: (string | number)[];
  schema: Schema;
}

/** The schema of a value, choosing among a union's branches the one of the value's type. */
function resolve(s: Schema, value: unknown): Schema {
  const alternatives = variants(s);
  if (!alternatives.length) return s.allOf?.[0] ?? s;
  const kind = Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value === 'object' ? 'object' : typeof value;
  return alternatives.find((v) => typeOf(v) === kind || (kind === 'number' && typeOf(v) === 'integer')) ?? alternatives[0]!;
}

/** Every place in a body, with the schema it answers to. */
function nodes(value: unknown, s: Schema, path: (string | number)[] = [], out: Node[] = []): Node[] {
  const schema = resolve(s, value);
  out.push({ path, schema });
  if (Array.isArray(value)) value.forEach((v, i) => nodes(v, schema.items ?? {}, [...path, i], out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      const child = schema.properties?.[k] ?? (typeof schema.additionalProperties === 'object' ? schema.additionalProperties : {});
      nodes(v, child, [...path, k], out);
    }
  }
  return out;
}

function at(root: unknown, path: (string | number)[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], root);
}

/** Keys an attacker tries: the prototype's, control characters, broken UTF-16, the empty key, a very long one. */
const HOSTILE_KEYS = ['__proto__', 'constructor', 'prototype', '', 'a\u0000b', '\ud800', 'isAdmin', 'role', 'orgUnitId', 'k'.repeat(10_000), '$where', '0'];

/**
 * One hostile change inside a body: a value replaced by one of another type or of hostile text, a required field
 * removed, or a key added. Returns the new body and what was done, for the failure message.
 */
export function mutateBody(rng: Rng, body: unknown, schema: Schema): { body: unknown; label: string } {
  const copy = structuredClone(body);
  const all = nodes(copy, schema);
  const choice = rng.int(0, 9);
  if (choice < 7 || !all.some((n) => n.path.length)) {
    const node = rng.pick(all);
    const hostile: Hostile = hostileValue(rng, node.schema, String(node.path.at(-1) ?? ''));
    if (!node.path.length) return { body: hostile.value, label: `body = ${hostile.label}` };
    const parent = at(copy, node.path.slice(0, -1)) as Record<string | number, unknown>;
    parent[node.path.at(-1)!] = hostile.value;
    return { body: copy, label: `${node.path.join('.')} = ${hostile.label}` };
  }
  const objects = all.filter((n) => typeOf(n.schema) === 'object' && at(copy, n.path) && typeof at(copy, n.path) === 'object' && !Array.isArray(at(copy, n.path)));
  if (!objects.length) return { body: raw('{"__proto__":{"x":1}}'), label: 'body = prototype' };
  const node = rng.pick(objects);
  const target = at(copy, node.path) as Record<string, unknown>;
  const present = (node.schema.required ?? []).filter((k) => k in target);
  if (choice === 7 && present.length) {
    const key = rng.pick(present);
    delete target[key];
    return { body: copy, label: `${[...node.path, key].join('.')} removed` };
  }
  const key = rng.pick(HOSTILE_KEYS);
  const value = hostileValue(rng, {});
  // JSON.parse makes "__proto__" an own key; an assignment here would set the prototype instead.
  Object.defineProperty(target, key, { value: value.value, enumerable: true, configurable: true, writable: true });
  return { body: copy, label: `${[...node.path, key.slice(0, 20)].join('.')} added = ${value.label}` };
}

/** A hostile value for one path or query parameter, or a hostile parameter structure. */
export function mutateParams(rng: Rng, params: Record<string, string | string[]>, specs: { name: string; schema: Schema }[]): string {
  const choice = rng.int(0, 9);
  const spec = specs.length && choice < 8 ? rng.pick(specs) : { name: rng.pick(['zz', '__proto__', 'a[b]', '', 'x\u0000']), schema: {} };
  const { name } = spec;
  if (choice === 6) {
    params[name] = [params[name] ? String(params[name]) : 'a', hostileText(rng, name, spec.schema).value as string];
    return `${name} repeated`;
  }
  if (choice === 7 && name in params) {
    delete params[name];
    return `${name} removed`;
  }
  const hostile = hostileText(rng, name, spec.schema);
  params[name] = hostile.value as string;
  return `${name} = ${hostile.label}`;
}

/** Bytes that are no file of any kind, or that pretend to be one (a zip header, an XML bomb, a JPEG cut short). */
export const HOSTILE_FILES: readonly { label: string; data: Buffer; name: string; type: string }[] = [
  { label: 'empty file', data: Buffer.alloc(0), name: 'rong.xlsx', type: 'application/octet-stream' },
  { label: 'random bytes', data: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), name: 'x.bin', type: 'application/octet-stream' },
  { label: 'zip header only', data: Buffer.from('PK\u0003\u0004\u0014\u0000\u0000\u0000\u0008\u0000garbage', 'latin1'), name: 'bang.xlsx', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  { label: 'truncated JPEG', data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]), name: 'anh.jpg', type: 'image/jpeg' },
  { label: 'PNG header only', data: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), name: 'a.png', type: 'image/png' },
  { label: 'PDF header only', data: Buffer.from('%PDF-1.7\n'), name: 'a.pdf', type: 'application/pdf' },
  { label: 'XML entities', data: Buffer.from('<?xml version="1.0"?><!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>'), name: 'a.xml', type: 'text/xml' },
  { label: 'GIF', data: Buffer.from('GIF89a\u0001\u0000\u0001\u0000\u0000\u0000\u0000;', 'latin1'), name: 'a.gif', type: 'image/gif' },
];

/** File names a form may carry: traversal, control characters, broken UTF-16, a header injection, length. */
export const HOSTILE_FILENAMES = ['../../etc/passwd', 'a\u0000.pdf', '\ud800.pdf', 'x\r\nContent-Type: text/html', '', 'ả'.repeat(400), 'CON', '"quoted".pdf', 'a;b=c.pdf'];
