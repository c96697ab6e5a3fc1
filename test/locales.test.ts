import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// Every word of the interface exists in Vietnamese and in English, with the same placeholders: a key missing in one
// language shows its raw name on screen, a placeholder missing shows "{{count}}".
const read = (lang: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, '..', 'web', 'src', 'locales', `${lang}.json`), 'utf8')) as Record<string, unknown>;

function flatten(tree: Record<string, unknown>, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (value && typeof value === 'object') for (const [k, v] of flatten(value as Record<string, unknown>, `${prefix}${key}.`)) out.set(k, v);
    else out.set(`${prefix}${key}`, String(value));
  }
  return out;
}

const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('the interface in two languages', () => {
  const vi = flatten(read('vi'));
  const en = flatten(read('en'));

  it('has every key in both languages', () => {
    expect([...vi.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !vi.has(k))).toEqual([]);
  });

  it('fills the same placeholders in both, and leaves no Vietnamese text empty where the English has words', () => {
    const differing = [...vi.keys()].filter((k) => en.has(k) && placeholders(vi.get(k)!).join() !== placeholders(en.get(k)!).join());
    expect(differing).toEqual([]);
    expect([...vi.entries()].filter(([k, v]) => v.trim() === '' && en.get(k)?.trim()).map(([k]) => k)).toEqual([]);
  });
});
