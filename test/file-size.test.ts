import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const LIMIT = 10_000;
const ROOTS = ['src', 'web/src', 'test', 'bench', 'scripts', 'eslint'];
const SOURCE = /\.(ts|tsx|js|mjs|css)$/;

function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : sourceFiles(file);
    return SOURCE.test(entry.name) ? [file] : [];
  });
}

const sizes = new Map(ROOTS.flatMap(sourceFiles).map((file) => [file, [...fs.readFileSync(file, 'utf8')].length]));

describe('file size', () => {
  it(`keeps every source file at most ${LIMIT.toLocaleString('en')} characters: split by use case before a file reaches it`, () => {
    const over = [...sizes].filter(([, size]) => size > LIMIT).map(([file, size]) => `${file}: ${size}`);
    expect(over).toEqual([]);
  });
});
