import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../../../db/database.js';
import { AppError } from '../../../../server/errors.js';
import type { Actor } from '../../../access/index.js';
import { openWorkbook, type WorkbookLimits } from '../../../workbook/index.js';
import { importValueRows } from '../bulk-import.js';
import { dataSetElements } from '../data-sets.js';
import { readDataValueCsv, readDataValueRows, XLSX_COLUMNS, type DataValueDto, type ImportSummary } from '../formats.js';
import { countBytes, startImportJob } from '../import-jobs.js';
import { fromDhis2Period } from '../../periods/index.js';
import { ZDataValueSet, type ImportQuery } from '../schema.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Rows = AsyncIterable<DataValueDto> | DataValueDto[];

async function* markDeleted(rows: Rows): AsyncGenerator<DataValueDto> {
  for await (const row of rows) yield { ...row, deleted: true };
}

/** DHIS2 writes a month 202401 and a week 2024W1; the store reads them as 2024M01 and 2024W01. */
async function* inStorePeriods(rows: Rows): AsyncGenerator<DataValueDto> {
  for await (const row of rows) yield row.period ? { ...row, period: fromDhis2Period(row.period) } : row;
}

async function* removeAfter(rows: Rows, file: string): AsyncGenerator<DataValueDto> {
  try {
    yield* rows;
  } finally {
    fs.rmSync(file, { force: true });
  }
}

interface Upload {
  values: Rows;
  format: 'json' | 'csv' | 'xlsx';
  dataSet?: string;
  /** Rows a workbook was counted to hold, before they are read. */
  rowsTotal?: number;
  /** Ends the reading of a workbook whose rows will not be taken. */
  close?: () => void;
}

/**
 * The rows of an upload by its content type: DHIS2 JSON (parsed by Fastify), CSV (a stream) or XLSX (bytes, read in
 * a worker thread within the workbook limits, its rows arriving as they are parsed).
 */
async function readUpload(contentType: string, body: unknown, limits: WorkbookLimits): Promise<Upload> {
  if (contentType.startsWith(XLSX_TYPE)) {
    const book = await openWorkbook(body as Buffer, { sheets: 'first', columns: XLSX_COLUMNS, limits, field: 'body' });
    return { values: readDataValueRows(book.rows()), format: 'xlsx', rowsTotal: Math.max(0, book.rowCount - 1), close: book.close };
  }
  if (/^(application|text)\/csv/.test(contentType)) return { values: readDataValueCsv(body as Readable), format: 'csv' };
  const set = ZDataValueSet.parse(body);
  return { values: set.dataValues.map((v) => ({ ...v, period: v.period ?? set.period ?? '', orgUnit: v.orgUnit ?? set.orgUnit ?? '' })), format: 'json', dataSet: set.dataSet };
}

export interface ImportDataValueSetOptions {
  db: Db;
  actor: Actor;
  contentType: string;
  body: unknown;
  query: ImportQuery;
  request?: FastifyRequest;
  /** What a workbook upload may hold (the server's settings). */
  workbookLimits: WorkbookLimits;
}

export type ImportOutcome = { job: string } | { summary: ImportSummary };

/**
 * Imports a dataValueSets upload, all or nothing unless atomicMode=NONE. With async=true the answer leaves at once
 * with a job (a CSV upload spooled to a file first, its progress told in bytes; a workbook's in rows, counted before
 * they are read); otherwise the summary. A workbook over a limit is refused before any row is imported.
 */
export async function importDataValueSet(options: ImportDataValueSetOptions): Promise<ImportOutcome> {
  const upload = await readUpload(options.contentType, options.body, options.workbookLimits);
  let job = false;
  try {
    const outcome = await importUpload(options, upload);
    job = 'job' in outcome;
    return outcome;
  } finally {
    // Unless a job now reads them, rows not taken by now (refused before the import began) are not going to be.
    if (!job) upload.close?.();
  }
}

async function importUpload(options: ImportDataValueSetOptions, upload: Upload): Promise<ImportOutcome> {
  const { db, actor, query: q, request } = options;
  const { values, format, dataSet: named } = upload;
  const sourceRef = `dataValueSets.${format}`;
  const dataSetCode = q.dataSet ?? named;
  const dataSet = dataSetCode ? { code: dataSetCode, elements: await dataSetElements(db, dataSetCode) } : undefined;
  const settings = { dryRun: q.dryRun === 'true', atomicMode: q.atomicMode, sourceRef, dataSet };
  const strategy = (rows: Rows) => (q.importStrategy === 'DELETE' ? markDeleted(inStorePeriods(rows)) : inStorePeriods(rows));
  if (q.async === 'true') {
    // A CSV stream is spooled to a file, so the answer can leave before the upload is read; rows in memory or
    // coming from a workbook's reader are imported as they are.
    const spooled = format === 'csv' ? path.join(os.tmpdir(), `tinhso-import-${crypto.randomUUID()}.csv`) : null;
    if (spooled) await pipeline(options.body as Readable, fs.createWriteStream(spooled, { mode: 0o600 }));
    const job = await startImportJob(db, actor, {
      format, bytesTotal: spooled ? fs.statSync(spooled).size : null, rowsTotal: Array.isArray(values) ? values.length : (upload.rowsTotal ?? null), spoolFile: spooled,
      rows: (onBytes) => (spooled ? removeAfter(strategy(readDataValueCsv(countBytes(fs.createReadStream(spooled), onBytes))), spooled) : strategy(values)),
    }, settings);
    return { job };
  }
  try {
    return { summary: await importValueRows(db, actor, strategy(values), { ...settings, request }) };
  } catch (err) {
    const csv = err as { code?: string; lines?: number; message: string };
    if (csv.code?.startsWith('CSV_')) throw new AppError('csv_unreadable', { line: csv.lines ?? '?', csvCode: csv.code, detail: csv.message }, 'body');
    throw err;
  }
}
