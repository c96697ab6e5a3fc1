import { CompiledQuery } from 'kysely';
import type { Db } from './database.js';

/**
 * Rows for COPY … FROM STDIN, carried through Kysely as the one parameter of the COPY statement: both connection
 * pools (node-postgres and PGlite) recognise it and hand the text to their own COPY, so a bulk load joins the
 * caller's transaction like any other statement.
 */
export class CopyData {
  constructor(readonly text: string) {}
}

export const isCopy = (parameters: ReadonlyArray<unknown>): parameters is [CopyData] => parameters.length === 1 && parameters[0] instanceof CopyData;

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** One field in COPY's text format: backslash, tab and line breaks escaped, null as \N. */
export function copyField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  const text = String(value);
  return /[\\\t\n\r]/.test(text) ? text.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r') : text;
}

/** One row in COPY's text format, line break included. */
export const copyLine = (fields: (string | number | boolean | null | undefined)[]): string => `${fields.map(copyField).join('\t')}\n`;

/** Appends rows to a table with COPY, the fastest way either database takes them: `text` holds copyLine()s. */
export async function copyText(db: Db, table: string, columns: string[], text: string): Promise<void> {
  if (!text) return;
  await db.executeQuery(CompiledQuery.raw(`COPY ${ident(table)} (${columns.map(ident).join(', ')}) FROM STDIN`, [new CopyData(text)]));
}
