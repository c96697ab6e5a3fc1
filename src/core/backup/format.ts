import { createHash, type Hash } from 'node:crypto';
import fs from 'node:fs';
import zlib from 'node:zlib';
import { AppError } from '../../server/errors.js';

/**
 * The backup file: gzip'd JSON lines. Line 1 is the header; then each table's rows in chunks,
 * `{"table":NAME,"rows":[…]}`, as PostgreSQL's own row_to_json renders them; the last line is the end record, which
 * carries what proves the file whole: each table's row count and the SHA-256 of its lines, and the SHA-256 of every
 * line before it. A file without its end record was cut short, and nothing in it is restored.
 */
export const BACKUP_FORMAT = 'tinhso-backup/2';
/** Version 1 had no end record: such a file cannot be told from one cut at a line boundary. */
const UNPROVABLE_FORMATS = ['tinhso-backup/1'];

export interface BackupHeader {
  format: string;
  createdAt: string;
  source: string;
  migrations: string[];
  tables: string[];
}

export interface EndRecord {
  end: true;
  rows: number;
  tables: Record<string, { rows: number; sha256: string }>;
  /** Of every line before the end record, the header included. */
  sha256: string;
}

export const dataLinePrefix = (table: string) => `{"table":${JSON.stringify(table)},"rows":`;
const DATA_LINE = /^\{"table":("(?:[^"\\]|\\.)*"),"rows":/;
const END_PREFIX = '{"end":';

export const newHash = () => createHash('sha256');
export const EMPTY_SHA256 = newHash().digest('hex');

/** What a complete, checked file holds; `sha256` names this very file (the whole-file checksum of its end record). */
export interface CheckedBackup {
  file: string;
  header: BackupHeader;
  rows: number;
  sha256: string;
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((s) => typeof s === 'string');

/**
 * Checks a backup line by line as it is read, and at `finish()` whether what was read is the whole file its end record
 * describes. Every refusal is an AppError naming the file, and the line or table at fault.
 */
export class BackupChecker {
  header: BackupHeader | undefined;
  private line = 0;
  private readonly whole = newHash();
  private readonly tables = new Map<string, { rows: number; hash: Hash }>();
  private lastTable = '';
  private end: EndRecord | undefined;
  private endLine = 0;

  constructor(private readonly file: string) {}

  private refuse(code: ConstructorParameters<typeof AppError>[0], params: Record<string, string | number> = {}): never {
    throw new AppError(code, { file: this.file, line: this.line, ...params });
  }

  /** One line of the file; a line of rows comes back as its table, the rows' JSON text and their number. */
  read(text: string, terminated: boolean): { table: string; rowsJson: string; rows: number } | null {
    this.line++;
    if (this.end) this.refuse('backup_after_end');
    if (!terminated) this.refuse(this.line > 1 || text.startsWith('{"format":') ? 'backup_line_cut' : 'backup_not_a_backup');
    if (this.line === 1) {
      this.header = this.readHeader(text);
      this.whole.update(`${text}\n`);
      return null;
    }
    if (text.startsWith(END_PREFIX)) {
      this.end = this.readEnd(text);
      this.endLine = this.line;
      return null;
    }
    const match = DATA_LINE.exec(text);
    if (!match || !text.endsWith('}')) this.refuse('backup_line_unreadable');
    const rowsJson = text.slice(match[0].length, -1);
    let table: unknown, rows: unknown;
    try {
      table = JSON.parse(match[1]!);
      rows = JSON.parse(rowsJson);
    } catch {
      this.refuse('backup_line_unreadable');
    }
    const entry = typeof table === 'string' ? this.tables.get(table) : undefined;
    if (!entry || !Array.isArray(rows)) this.refuse('backup_line_unreadable');
    entry.rows += rows.length;
    entry.hash.update(`${text}\n`);
    this.whole.update(`${text}\n`);
    this.lastTable = table as string;
    return { table: table as string, rowsJson, rows: rows.length };
  }

  private readHeader(text: string): BackupHeader {
    let header: Partial<BackupHeader>;
    try {
      header = JSON.parse(text) as Partial<BackupHeader>;
    } catch {
      this.refuse('backup_not_a_backup');
    }
    if (typeof header !== 'object' || header === null || typeof header.format !== 'string') this.refuse('backup_not_a_backup');
    if (UNPROVABLE_FORMATS.includes(header.format)) this.refuse('backup_format_old', { format: header.format });
    if (header.format !== BACKUP_FORMAT) this.refuse('backup_format_unknown', { format: header.format, expected: BACKUP_FORMAT });
    if (!isStrings(header.migrations) || !isStrings(header.tables) || typeof header.source !== 'string') this.refuse('backup_not_a_backup');
    for (const table of header.tables) this.tables.set(table, { rows: 0, hash: newHash() });
    return header as BackupHeader;
  }

  private readEnd(text: string): EndRecord {
    let end: Partial<EndRecord>;
    try {
      end = JSON.parse(text) as Partial<EndRecord>;
    } catch {
      this.refuse('backup_line_unreadable');
    }
    const listed = end.tables && typeof end.tables === 'object' ? Object.keys(end.tables).sort() : null;
    const valid = end.end === true && typeof end.sha256 === 'string' && listed
      && JSON.stringify(listed) === JSON.stringify([...this.tables.keys()].sort())
      && Object.values(end.tables!).every((t) => Number.isInteger(t?.rows) && typeof t?.sha256 === 'string');
    if (!valid) this.refuse('backup_end_record_invalid');
    return end as EndRecord;
  }

  /** After the last line: refuses a file cut short, and one whose rows are not those its end record counted. */
  finish(): CheckedBackup {
    if (!this.header) this.refuse('backup_not_a_backup');
    if (!this.end) {
      if (this.line === 1) this.refuse('backup_header_only');
      this.refuse('backup_truncated', { table: this.lastTable });
    }
    this.line = this.endLine;
    let rows = 0;
    for (const [table, found] of this.tables) {
      const expected = this.end.tables[table]!;
      if (found.rows !== expected.rows) this.refuse('backup_row_count_mismatch', { table, expected: expected.rows, actual: found.rows });
      if (found.hash.digest('hex') !== expected.sha256) this.refuse('backup_checksum_mismatch', { table });
      rows += found.rows;
    }
    if (this.whole.digest('hex') !== this.end.sha256) this.refuse('backup_file_checksum_mismatch');
    return { file: this.file, header: this.header, rows, sha256: this.end.sha256 };
  }
}

/**
 * The file's lines as they are decompressed, never the whole file in memory; the last one is `terminated: false` when
 * the file does not end with a newline. A file that is not gzip, or whose compressed stream is cut, is refused.
 */
export async function* backupLines(file: string): AsyncGenerator<{ text: string; terminated: boolean }> {
  const input = fs.createReadStream(file);
  const gunzip = zlib.createGunzip();
  input.on('error', (err) => gunzip.destroy(err));
  gunzip.setEncoding('utf8');
  input.pipe(gunzip);
  let pending: string[] = [];
  try {
    for await (const chunk of gunzip as AsyncIterable<string>) {
      let start = 0;
      for (let nl = chunk.indexOf('\n'); nl >= 0; nl = chunk.indexOf('\n', start)) {
        pending.push(chunk.slice(start, nl));
        yield { text: pending.join(''), terminated: true };
        pending = [];
        start = nl + 1;
      }
      if (start < chunk.length) pending.push(chunk.slice(start));
    }
  } catch {
    // Only the streams' own errors land here: one the caller throws while reading ends the loop through finally.
    throw new AppError('backup_unreadable', { file });
  } finally {
    input.destroy();
    gunzip.destroy();
  }
  if (pending.length) yield { text: pending.join(''), terminated: false };
}

/** Reads the whole file and checks it; nothing is written anywhere. */
export async function checkBackup(file: string): Promise<CheckedBackup> {
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) throw new AppError('backup_file_missing', { file });
  const checker = new BackupChecker(file);
  for await (const { text, terminated } of backupLines(file)) checker.read(text, terminated);
  return checker.finish();
}
