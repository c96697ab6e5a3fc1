import { readMigrations } from './migrate.js';

// Whether a statement may change committed data, judged from its text: the embedded database counts the holders of
// its one connection that may have written, so that what was read since the last such holder is known to be current
// (see pglite-pool.ts). The judgement errs toward "may write": a wrong "may write" only costs a cache miss.

/** Functions of the migrations that may write: all of them but those declared STABLE or IMMUTABLE. */
function writingFunctions(): string[] {
  const names = new Set<string>(['nextval', 'setval']);
  for (const m of readMigrations()) {
    for (const match of m.sql.matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+(\w+)\s*\(([\s\S]*?)\bAS\s+\$/gi)) {
      if (!/\b(STABLE|IMMUTABLE)\b/i.test(match[2]!)) names.add(match[1]!.toLowerCase());
    }
  }
  return [...names];
}

let writers: RegExp | undefined;
const NEUTRAL = /^\s*(begin|start\s+transaction|commit|end|rollback|savepoint|release|set\s+(local\s+)?(transaction|search_path|tinhso\.)|show)\b/i;

/** A statement that cannot change committed data: a transaction's own control, or a SELECT calling no writing function. */
export function readsOnly(sql: string): boolean {
  if (NEUTRAL.test(sql)) return true;
  if (!/^\s*select\b/i.test(sql)) return false;
  writers ??= new RegExp(`\\b(${writingFunctions().join('|')})\\s*\\(`, 'i');
  return !writers.test(sql);
}

const DML = /^\s*(?:insert\s+into|update|delete\s+from|copy)\s+"?([a-z_][a-z0-9_]*)"?(?:\s|\(|$)/i;

/**
 * The tables a statement may change: none, the one a plain INSERT, UPDATE, DELETE or COPY names (the triggers it
 * fires write on its behalf), or '*' for anything else that writes (a writing function, DDL, TRUNCATE, a CTE).
 */
export function writtenTables(sql: string): string[] | '*' {
  if (readsOnly(sql)) return [];
  const plain = DML.exec(sql);
  return plain ? [plain[1]!.toLowerCase()] : '*';
}
