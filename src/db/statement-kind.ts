import { readMigrations } from './migrate.js';

// What a statement may change, or read, judged from its text and from the migrations' catalogue of tables, functions
// and triggers. The embedded database uses it twice (see pglite-pool.ts): to stamp the tables each holder of its one
// connection may have written, so that what was read since is known to be current; and to answer a read between a
// long transaction's statements when it touches nothing that transaction may have written. Every judgement errs
// toward "may write" and "may read": a wrong one costs a cache miss or a wait, never a wrong answer.

/** A change of a table, as a trigger sees it: 'insert:data_value'. */
type Change = string;
interface Routine { writesHere: Set<Change>; namesHere: Set<string>; calls: Set<string>; writing: boolean; dynamic: boolean }
/** The routines by name, and the routines each change's triggers run. */
interface Catalogue { routines: Map<string, Routine>; triggers: Map<Change, Set<string>>; writers: RegExp }

const DML = /\b(insert\s+into|update|delete\s+from|merge\s+into|copy|truncate(?:\s+table)?)\s+(?:only\s+)?"?([a-z_][a-z0-9_]*)"?/gi;
const VERBS: Record<string, string[]> = { insert: ['insert'], update: ['update'], delete: ['delete'], merge: ['insert', 'update', 'delete'], copy: ['insert'], truncate: ['truncate'] };
/** The changes a text makes: COPY inserts, MERGE may insert, update or delete. */
const changes = (text: string): Set<Change> =>
  new Set([...text.matchAll(DML)].flatMap((m) => VERBS[m[1]!.split(/\s/)[0]!.toLowerCase()]!.map((verb) => `${verb}:${m[2]!.toLowerCase()}`)));
const tableOf = (change: Change) => change.slice(change.indexOf(':') + 1);
const NAME = /"?\b([a-z_][a-z0-9_]*)\b"?/gi;
const CALL = /\b([a-z_][a-z0-9_]*)\s*\(/gi;
/** Built-in functions whose effect outlives the statement or belongs to the session: never a guest's. */
const SESSION = /\b(pg_advisory\w*|pg_try_advisory\w*|set_config|pg_notify|pg_sleep\w*|currval|lastval|txid_current\w*|pg_current_xact_id\w*|lo_\w+)\s*\(/i;
const SEVERAL = /;\s*\S/;
const LOCKING = /\bfor\s+(?:update|share|no\s+key\s+update|key\s+share)\b/i;

const all = (re: RegExp, text: string) => new Set([...text.matchAll(re)].map((m) => m[1]!.toLowerCase()));

/** The text a judgement reads: comments and string literals, which may hold anything (a ';', a verb), blanked. */
const bare = (sql: string) => sql.replace(/--[^\n]*/g, ' ').replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/'(?:[^']|'')*'/g, "''");

/** Kysely sends the same texts again and again (values go as parameters): each is judged once, on its bare text. */
function remembered<T>(judge: (sql: string) => T): (sql: string) => T {
  const seen = new Map<string, T>();
  return (sql) => {
    if (seen.has(sql)) return seen.get(sql)!;
    const verdict = judge(bare(sql));
    if (seen.size >= 2000) seen.clear();
    seen.set(sql, verdict);
    return verdict;
  };
}

let catalogue: Catalogue | undefined;
function known(): Catalogue {
  if (catalogue) return catalogue;
  const text = readMigrations().map((m) => m.sql).join('\n');
  const routines = new Map<string, Routine>();
  // A later migration's definition replaces an earlier one, as CREATE OR REPLACE does.
  for (const m of text.matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?FUNCTION\s+([a-z_][a-z0-9_]*)\s*\(([\s\S]*?)\bAS\s+(\$\w*\$)([\s\S]*?)\3([^;]*)/gi)) {
    const body = m[4]!;
    routines.set(m[1]!.toLowerCase(), {
      writesHere: changes(body), namesHere: all(NAME, body), calls: all(CALL, body),
      writing: !/\b(STABLE|IMMUTABLE)\b/i.test(`${m[2]} ${m[5]}`),
      // Dynamic SQL that takes its table names as identifiers (%I) may touch anything; one whose text names them is
      // judged by that text, which is part of the body.
      dynamic: /\bEXECUTE\s+(?!FUNCTION\b|PROCEDURE\b)/i.test(body) && /%I/.test(body),
    });
  }
  const triggers = new Map<Change, Set<string>>();
  for (const m of text.matchAll(/CREATE\s+(?:OR\s+REPLACE\s+)?TRIGGER\s+\w+\s+(?:BEFORE|AFTER|INSTEAD\s+OF)\s+([\s\S]*?)\bON\s+"?([a-z_][a-z0-9_]*)"?[\s\S]*?EXECUTE\s+(?:FUNCTION|PROCEDURE)\s+([a-z_][a-z0-9_]*)/gi)) {
    for (const verb of all(/\b(insert|update|delete|truncate)\b/gi, m[1]!)) {
      const change = `${verb}:${m[2]!.toLowerCase()}`;
      triggers.set(change, (triggers.get(change) ?? new Set()).add(m[3]!.toLowerCase()));
    }
  }
  const writing = ['nextval', 'setval', ...[...routines].filter(([, r]) => r.writing).map(([name]) => name)];
  catalogue = { routines, triggers, writers: new RegExp(`\\b(${writing.join('|')})\\s*\\(`, 'i') };
  return catalogue;
}

/** What the routines called write or name, through the routines they call in turn; '*' when one runs dynamic SQL. */
function throughRoutines(calls: Iterable<string>, pick: (r: Routine) => Set<string>): Set<string> | '*' {
  const { routines } = known();
  const found = new Set<string>();
  const seen = new Set<string>();
  const pending = [...calls];
  while (pending.length) {
    const name = pending.pop()!;
    const routine = routines.get(name);
    if (!routine || seen.has(name)) continue;
    if (routine.dynamic) return '*';
    seen.add(name);
    for (const t of pick(routine)) found.add(t);
    pending.push(...routine.calls);
  }
  return found;
}

/** The changes made, and those their triggers make in turn. */
function withTriggers(made: Set<Change>): Set<Change> | '*' {
  const { triggers } = known();
  const out = new Set(made);
  const pending = [...made];
  while (pending.length) {
    const written = throughRoutines(triggers.get(pending.pop()!) ?? [], (r) => r.writesHere);
    if (written === '*') return '*';
    for (const t of written) {
      if (out.has(t)) continue;
      out.add(t);
      pending.push(t);
    }
  }
  return out;
}

const NEUTRAL = /^\s*(begin|start\s+transaction|commit|end|rollback|savepoint|release|set\s+(local\s+)?(transaction|search_path|synchronous_commit|tinhso\.)|show)\b/i;

/** A statement that cannot change committed data: a transaction's own control, or a SELECT calling no writing function. */
export const readsOnly = remembered((sql: string): boolean => {
  // Several statements in one text (the simple protocol allows it): judged as writing, whatever the first is.
  if (SEVERAL.test(sql)) return false;
  if (NEUTRAL.test(sql)) return true;
  if (!/^\s*select\b/i.test(sql)) return false;
  return !known().writers.test(sql);
});

/**
 * The tables a statement may change: none; those its INSERT, UPDATE, DELETE, MERGE, COPY or TRUNCATE name anywhere
 * in its text (a data-modifying CTE) and those their triggers write; a temporary table it creates; or '*' for
 * anything else that writes (a writing function, other DDL).
 */
export const writtenTables = remembered((sql: string): string[] | '*' => {
  if (readsOnly(sql)) return [];
  const temp = /^\s*create\s+temp(?:orary)?\s+table\s+(?:if\s+not\s+exists\s+)?"?([a-z_][a-z0-9_]*)"?/i.exec(sql);
  if (temp) return [temp[1]!.toLowerCase()];
  if (!/^\s*(insert|update|delete|merge|copy|truncate|with)\b/i.test(sql) || known().writers.test(sql) || /^\s*truncate\b[^;]*,/i.test(sql)) return '*';
  const made = changes(sql);
  const written = made.size ? withTriggers(made) : '*';
  return written === '*' ? '*' : [...new Set([...written].map(tableOf))];
});

/**
 * Every name a plain SELECT uses, directly or in the routines it calls: a superset of the tables it reads. Null for a
 * statement that is not one, locks rows, or calls a writing, session or dynamic routine: only such a read may be
 * answered between another holder's statements.
 */
export const namesRead = remembered((sql: string): Set<string> | null => {
  // A WITH is a read when none of its parts changes anything (a recursive walk down the units, say).
  const plain = /^\s*select\b/i.test(sql) || (/^\s*with\b/i.test(sql) && changes(sql).size === 0);
  if (!plain || SEVERAL.test(sql) || LOCKING.test(sql) || SESSION.test(sql) || known().writers.test(sql)) return null;
  const named = throughRoutines(all(CALL, sql), (r) => r.namesHere);
  return named === '*' ? null : new Set([...all(NAME, sql), ...named]);
});
