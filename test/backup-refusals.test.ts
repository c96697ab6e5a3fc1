import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCommand } from '../src/cli/commands.js';
import { backupTo, checkBackup, restoreFrom } from '../src/core/backup/index.js';
import type { Database } from '../src/db/database.js';
import { cleanUp, emptyDatabase, linesOf, livelyApp, snapshot, backupFolder } from './backup-helpers.js';
import type { TestApp } from './helpers.js';

let tmp: string;
beforeAll(() => {
  tmp = backupFolder();
});
afterAll(cleanUp);

/** Tables whose emptying would lock everyone out or lose the data: counted before and after every refusal. */
const COUNTED = ['app_user', 'user_session', 'api_token', 'audit_log', 'org_unit', 'data_value'] as const;

async function counts(database: Database): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of COUNTED) {
    const row = await sql<{ n: string }>`SELECT count(*)::text AS n FROM ${sql.table(table)}`.execute(database.db);
    out[table] = Number(row.rows[0]!.n);
  }
  return out;
}

/** Writes a damaged copy: whole lines (each given its newline), or the exact decompressed text. */
function damaged(name: string, content: string[] | string): string {
  const file = path.join(tmp, `${name}.backup`);
  fs.writeFileSync(file, zlib.gzipSync(typeof content === 'string' ? content : content.map((l) => `${l}\n`).join('')));
  return file;
}

let t: TestApp;
let good: string;
let lines: string[];
let before: { rows: Record<string, string[]>; counts: Record<string, number> };
const lineOf = (table: string) => lines.findIndex((l) => l.startsWith(`{"table":"${table}"`));

beforeAll(async () => {
  t = await livelyApp();
  // Enough audit rows for three lines of one table, so that a file can be cut between two of them.
  await sql`INSERT INTO audit_log (actor_kind, actor_name, action, entity) SELECT 'system', 'test', 'probe', 'backup' FROM generate_series(1, 1200)`.execute(t.database.db);
  good = path.join(tmp, 'good.backup');
  await backupTo(t.database.db, good, t.database.kind);
  lines = linesOf(good);
  // The database moves on after the backup: a restore, even a partial one, would show.
  const admin = await t.login('admin');
  expect((await admin.request({ method: 'POST', url: '/api/tokens', payload: { name: 'Sau sao lưu', scopes: ['read'] } })).statusCode).toBe(201);
  before = { rows: await snapshot(t.database), counts: await counts(t.database) };
  expect(before.counts.app_user).toBeGreaterThan(0);
});

afterAll(async () => t?.close());

async function expectUntouched(): Promise<void> {
  expect(await counts(t.database)).toEqual(before.counts);
  expect(await snapshot(t.database)).toEqual(before.rows);
}

describe('restore refuses a backup that is not whole, and leaves the database as it was', () => {
  const cases: [string, () => string, string, () => Record<string, unknown>][] = [
    ['a header only', () => damaged('header-only', lines.slice(0, 1)), 'backup_header_only', () => ({})],
    ['cut inside its header', () => damaged('header-cut', lines[0]!.slice(0, 60)), 'backup_line_cut', () => ({ line: 1 })],
    ['cut at a line boundary at 80 % of its lines', () => damaged('cut-80', lines.slice(0, Math.floor(lines.length * 0.8))), 'backup_truncated', () => ({ line: Math.floor(lines.length * 0.8) })],
    ['cut between two lines of one table', () => damaged('mid-table', lines.slice(0, lineOf('audit_log') + 1)), 'backup_truncated', () => ({ table: 'audit_log', line: lineOf('audit_log') + 1 })],
    ['cut in the middle of a line', () => damaged('mid-line', `${lines.slice(0, lineOf('audit_log') + 1).join('\n')}\n${lines[lineOf('audit_log') + 1]!.slice(0, 2000)}`), 'backup_line_cut', () => ({ line: lineOf('audit_log') + 2 })],
    ['without its end record', () => damaged('no-end', lines.slice(0, -1)), 'backup_truncated', () => ({ line: lines.length - 1 })],
    ['with a tampered row', () => damaged('tampered', lines.map((l) => (l.startsWith('{"table":"app_user"') ? l.replace('Trần Thị Bé', 'Trần Thị Bê') : l))), 'backup_checksum_mismatch', () => ({ table: 'app_user' })],
    ['with a line of rows missing', () => damaged('line-missing', lines.filter((_, i) => i !== lineOf('audit_log') + 1)), 'backup_row_count_mismatch', () => ({ table: 'audit_log' })],
    ['with a line after its end record', () => damaged('after-end', [...lines, lines[1]!]), 'backup_after_end', () => ({ line: lines.length + 1 })],
    ['with an edited header', () => damaged('header-edited', [lines[0]!.replace(/"source":"\w+"/, '"source":"elsewhere"'), ...lines.slice(1)]), 'backup_file_checksum_mismatch', () => ({})],
    ['whose end record forgets a table', () => {
      const end = JSON.parse(lines.at(-1)!) as { tables: Record<string, unknown> };
      delete end.tables.app_user;
      return damaged('end-edited', [...lines.slice(0, -1), JSON.stringify(end)]);
    }, 'backup_end_record_invalid', () => ({ line: lines.length })],
    ['whose compressed bytes are cut', () => {
      const file = path.join(tmp, 'gzip-cut.backup');
      const bytes = fs.readFileSync(good);
      fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length * 0.8)));
      return file;
    }, 'backup_unreadable', () => ({})],
    ['made by version 1, which had no end record', () => damaged('v1', [lines[0]!.replace('tinhso-backup/2', 'tinhso-backup/1'), ...lines.slice(1, -1)]), 'backup_format_old', () => ({ format: 'tinhso-backup/1' })],
    ['that is gzip but not a backup', () => damaged('not-backup', 'hello\n'), 'backup_not_a_backup', () => ({})],
    ['that is not gzip', () => {
      const file = path.join(tmp, 'junk.backup');
      fs.writeFileSync(file, 'not gzip at all');
      return file;
    }, 'backup_unreadable', () => ({})],
    ['that does not exist', () => path.join(tmp, 'missing.backup'), 'backup_file_missing', () => ({})],
  ];

  it.each(cases)('%s', async (_, make, code, params) => {
    const file = make();
    await expect(checkBackup(file)).rejects.toMatchObject({ code, params: { file, ...params() } });
    await expect(restoreFrom(t.database.db, file)).rejects.toMatchObject({ code, params: { file, ...params() } });
    await expectUntouched();
  });

  it('a file that changes between its check and the restore is rolled back', async () => {
    const file = path.join(tmp, 'swapped.backup');
    fs.copyFileSync(good, file);
    const checked = await checkBackup(file);
    await backupTo(t.database.db, file, t.database.kind);
    await expect(restoreFrom(t.database.db, file, checked)).rejects.toMatchObject({ code: 'backup_changed' });
    await expectUntouched();
  });

  it('the operator tool says why in both languages, and leaves the database as it was', async () => {
    const file = damaged('cli-cut', lines.slice(0, 1));
    const refusal = runCommand(t.database, ['restore', file]);
    await expect(refusal).rejects.toThrow(/chỉ có phần đầu, không có dữ liệu[^]*Cơ sở dữ liệu không bị thay đổi\.\nThe backup .* holds only its header/);
    await expectUntouched();
  });

  it('the operator tool refuses before it migrates a new database', async () => {
    const fresh = await emptyDatabase(t.database.kind, { migrated: false });
    const file = damaged('cli-fresh', lines.slice(0, -1));
    await expect(runCommand(fresh, ['restore', file])).rejects.toThrow(/dừng ở dòng[^]*stops at line/);
    const migrations = await sql<{ n: string }>`SELECT count(*)::text AS n FROM information_schema.tables
      WHERE table_schema = current_schema() AND table_name = 'schema_migration'`.execute(fresh.db);
    expect(migrations.rows[0]!.n).toBe('0');
  });

  it('the operator tool checks a file without restoring it', async () => {
    expect(await runCommand(t.database, ['check-backup', good])).toMatch(/the backup is complete: \d+ rows of \d+ tables.*sha256 [0-9a-f]{64}/);
    await expect(runCommand(t.database, ['check-backup', damaged('check-cut', lines.slice(0, 3))])).rejects.toThrow(/stops at line 3/);
    await expectUntouched();
  });

  it('the intact file still restores, to the state it was taken in', async () => {
    const output = await runCommand(t.database, ['restore', good]);
    expect(output).toMatch(/restored \d+ rows/);
    const after = await counts(t.database);
    expect(after.api_token).toBe(before.counts.api_token! - 1);
    expect(after.audit_log).toBeGreaterThan(1200);
  });
});
