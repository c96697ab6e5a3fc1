import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISSUE_MESSAGES } from '../src/server/messages.js';

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.posix.join(dir, e.name);
    if (e.isDirectory()) return sources(file);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [file] : [];
  });
}

describe("the project's own validation messages", () => {
  it('are keys worded in Vietnamese and English, never English text inside a Vietnamese answer', () => {
    const keys = new Set(Object.keys(ISSUE_MESSAGES));
    const unknown: string[] = [];
    for (const file of sources('src')) {
      const text = fs.readFileSync(file, 'utf8');
      // message: '…' in refine/addIssue, and the message argument of .regex(pattern, '…')
      const found = [...text.matchAll(/\bmessage:\s*'([^']*)'/g), ...text.matchAll(/\.regex\([^\n]*?,\s*'([^']*)'\)/g)].map((m) => m[1]!);
      for (const message of found) if (!keys.has(message)) unknown.push(`${file}: '${message}'`);
    }
    expect(unknown).toEqual([]);
    for (const [key, words] of Object.entries(ISSUE_MESSAGES)) expect(words.vi, key).not.toBe(words.en);
  });
});
