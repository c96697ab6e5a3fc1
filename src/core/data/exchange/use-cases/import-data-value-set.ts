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
import { importValueRows } from '../bulk-import.js';
import { dataSetElements } from '../data-sets.js';
import { parseDataValueXlsx, readDataValueCsv, type DataValueDto, type ImportSummary } from '../formats.js';
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

/** The rows of an upload by its content type: DHIS2 JSON (parsed by Fastify), CSV (a stream) or XLSX (bytes). */
async function readUpload(contentType: string, body: unknown): Promise<{ values: Rows; format: 'json' | 'csv' | 'xlsx'; dataSet?: string }> {
  if (contentType.startsWith(XLSX_TYPE)) {
    const values = await parseDataValueXlsx(body as Buffer).catch(() => {
      throw new AppError('workbook_unreadable', {}, 'body');
    });
    return { values, format: 'xlsx' };
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
}

export type ImportOutcome = { job: string } | { summary: ImportSummary };

/**
 * Imports a dataValueSets upload, all or nothing unless atomicMode=NONE. With async=true the upload is spooled to a
 * file first, so the answer can leave at once with a job whose progress is told in bytes; otherwise the summary.
 */
export async function importDataValueSet(options: ImportDataValueSetOptions): Promise<ImportOutcome> {
  const { db, actor, query: q, request } = options;
  const { values, format, dataSet: named } = await readUpload(options.contentType, options.body);
  const sourceRef = `dataValueSets.${format}`;
  const dataSetCode = q.dataSet ?? named;
  const dataSet = dataSetCode ? { code: dataSetCode, elements: await dataSetElements(db, dataSetCode) } : undefined;
  const settings = { dryRun: q.dryRun === 'true', atomicMode: q.atomicMode, sourceRef, dataSet };
  const strategy = (rows: Rows) => (q.importStrategy === 'DELETE' ? markDeleted(inStorePeriods(rows)) : inStorePeriods(rows));
  if (q.async === 'true') {
    const spooled = Array.isArray(values) ? null : path.join(os.tmpdir(), `tinhso-import-${crypto.randomUUID()}.csv`);
    if (spooled) await pipeline(options.body as Readable, fs.createWriteStream(spooled, { mode: 0o600 }));
    const job = await startImportJob(db, actor, {
      format, bytesTotal: spooled ? fs.statSync(spooled).size : null, rowsTotal: Array.isArray(values) ? values.length : null, spoolFile: spooled,
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
