import { sql } from 'kysely';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrate } from '../src/db/migrate.js';
import { freshDatabase } from './helpers.js';

/** nullable: null where the type cannot say (unknown: a JSON column read as it comes). */
type Columns = Map<string, { nullable: boolean | null }>;

/** Every table of the `DB` interface with its columns and whether each may read as null, from the TypeScript types. */
function declaredTables(): Map<string, Columns> {
  const program = ts.createProgram(['src/db/schema.ts'], { strict: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, noEmit: true });
  const checker = program.getTypeChecker();
  const file = program.getSourceFile('src/db/schema.ts')!;
  const db = file.statements.find((s): s is ts.InterfaceDeclaration => ts.isInterfaceDeclaration(s) && s.name.text === 'DB')!;
  const tables = new Map<string, Columns>();
  for (const table of checker.getTypeAtLocation(db).getProperties()) {
    const columns: Columns = new Map();
    for (const column of checker.getTypeOfSymbolAtLocation(table, db).getProperties()) {
      const type = checker.getTypeOfSymbolAtLocation(column, db);
      // ColumnType<Select, Insert, Update> and Generated<T> carry what a read gives in __select__.
      const selected = type.getProperty('__select__');
      const read = selected ? checker.getTypeOfSymbolAtLocation(selected, db) : type;
      const parts = read.isUnion() ? read.types : [read];
      const unknown = parts.some((p) => (p.flags & (ts.TypeFlags.Unknown | ts.TypeFlags.Any)) !== 0);
      columns.set(column.name, { nullable: unknown ? null : parts.some((p) => (p.flags & ts.TypeFlags.Null) !== 0) });
    }
    tables.set(table.name, columns);
  }
  return tables;
}

let database: Awaited<ReturnType<typeof freshDatabase>>;
beforeAll(async () => {
  database = await freshDatabase();
  await migrate(database.db);
});
afterAll(() => database?.close());

describe('src/db/schema.ts against the migrations', () => {
  it('declares exactly the tables and columns the migrations create, each nullable exactly when the database allows null', async () => {
    const rows = (await sql<{ table_name: string; column_name: string; is_nullable: 'YES' | 'NO' }>`
      SELECT c.table_name, c.column_name, c.is_nullable FROM information_schema.columns c
      JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
      WHERE c.table_schema = current_schema()
        -- A partition (telemetry's months) is the partitioned table's storage, typed once as that table.
        AND NOT EXISTS (SELECT 1 FROM pg_inherits i JOIN pg_class k ON k.oid = i.inhrelid
          WHERE k.relname = c.table_name AND k.relnamespace = current_schema()::regnamespace)`.execute(database.db)).rows;
    const actual = new Map<string, Columns>();
    for (const r of rows) {
      const columns = actual.get(r.table_name) ?? new Map();
      columns.set(r.column_name, { nullable: r.is_nullable === 'YES' });
      actual.set(r.table_name, columns);
    }
    const declared = declaredTables();
    const describe = (tables: Map<string, Columns>) =>
      [...tables].flatMap(([table, columns]) => [...columns].map(([column, c]) => {
        const nullable = c.nullable ?? actual.get(table)?.get(column)?.nullable;
        return `${table}.${column}${nullable ? ' NULL' : ''}`;
      })).sort();
    expect(declared.size).toBeGreaterThan(40);
    expect(describe(declared)).toEqual(describe(actual));
  });

  it('declares every foreign key deferrable, so a restore can load tables in any order and rows in any order', async () => {
    const database = await freshDatabase();
    try {
      await migrate(database.db);
      const rigid = (await sql<{ name: string }>`SELECT conrelid::regclass::text || '.' || conname AS name FROM pg_constraint
        WHERE contype = 'f' AND NOT condeferrable AND connamespace = current_schema()::regnamespace ORDER BY 1`.execute(database.db)).rows.map((r) => r.name);
      expect(rigid).toEqual([]);
    } finally {
      await database.close();
    }
  });
});
