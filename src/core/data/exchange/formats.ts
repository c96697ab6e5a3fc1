import { parse as parseCsvStream } from 'csv-parse';
import type { Readable } from 'node:stream';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { sql } from 'kysely';
import type { Db } from '../../../db/database.js';
import { type Actor, scopeUnitIds } from '../../access/index.js';
import { outOfScope } from '../../../server/errors.js';
import { cellText, type WorkbookRow } from '../../workbook/index.js';

/**
 * Data exchange in DHIS2's dataValueSets format (JSON, CSV) and the same columns in XLSX, with element, unit and
 * disaggregation codes as identifiers. A unit code is resolved to the unit that bore it at the end of the value's
 * period, because a code names different units over time.
 */
export interface DataValueDto {
  dataElement: string;
  period: string;
  orgUnit: string;
  categoryOptionCombo?: string;
  attributeOptionCombo?: string;
  value?: string | null;
  storedBy?: string;
  lastUpdated?: string;
  comment?: string | null;
  followup?: boolean;
  deleted?: boolean;
}

export interface ImportConflict {
  object: string;
  /** The reason in English, as DHIS2 words it; `vi` in Vietnamese; `errorCode` names the fault. */
  value: string;
  vi: string;
  errorCode: string;
  property: string;
  indexes: number[];
}

export interface ImportSummary {
  responseType: 'ImportSummary';
  status: 'SUCCESS' | 'WARNING' | 'ERROR';
  description: string;
  importOptions: { dryRun: boolean; atomicMode: 'ALL' | 'NONE'; idScheme: 'code' };
  importCount: { imported: number; updated: number; ignored: number; deleted: number };
  conflicts: ImportConflict[];
  dataSetComplete: 'false';
}

export const CSV_COLUMNS = ['dataelement', 'period', 'orgunit', 'catoptcombo', 'attroptcombo', 'value', 'storedby', 'lastupdated', 'comment', 'followup'] as const;

const fromCsvRecord = (r: string[]): DataValueDto => ({
  dataElement: r[0] ?? '', period: r[1] ?? '', orgUnit: r[2] ?? '', categoryOptionCombo: r[3] || undefined, attributeOptionCombo: r[4] || undefined,
  value: r[5] === undefined || r[5] === '' ? null : r[5], storedBy: r[6] || undefined, lastUpdated: r[7] || undefined, comment: r[8] || undefined,
  followup: r[9] ? /^(true|1)$/i.test(r[9]) : undefined,
});

/**
 * Rows of a DHIS2 CSV stream, parsed as they arrive. DHIS2 ignores the first row (a header); so do we, whatever its
 * names. A malformed file raises CsvError with the line at fault.
 */
export async function* readDataValueCsv(input: Readable): AsyncGenerator<DataValueDto> {
  const parser = input.pipe(parseCsvStream({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: true, from_line: 2 }));
  for await (const record of parser) yield fromCsvRecord(record as string[]);
}

/** ExcelJS is loaded when a workbook is written, not with the server: most processes never need it. */
export const loadExcel = async () => (await import('exceljs')).default;

/** Columns of a dataValueSets workbook read: those of the CSV. */
export const XLSX_COLUMNS = CSV_COLUMNS.length;

/**
 * The values of a dataValueSets workbook (its first sheet, in the CSV's columns), as its rows are read; the first
 * row is a header, as in CSV, and a row without a cell is no row.
 */
export async function* readDataValueRows(rows: AsyncIterable<WorkbookRow>): AsyncGenerator<DataValueDto> {
  for await (const { row, cells } of rows) {
    if (row === 1 || !cells.length) continue;
    const cell = (i: number) => cellText(cells[i - 1]);
    yield {
      dataElement: cell(1), period: cell(2), orgUnit: cell(3), categoryOptionCombo: cell(4) || undefined, attributeOptionCombo: cell(5) || undefined,
      value: cell(6) === '' ? null : cell(6), comment: cell(9) || undefined, followup: cell(10) ? /^(true|1)$/i.test(cell(10)) : undefined,
    };
  }
}

export interface ExportQuery {
  dataElement: string[];
  period: string[];
  startDate?: string;
  endDate?: string;
  orgUnit: string[];
  children: boolean;
  includeDeleted: boolean;
  lastUpdated?: Date;
  limit?: number;
}

/** Values matching a dataValueSets query, restricted to the actor's units. */
export async function exportDataValues(db: Db, actor: Actor, query: ExportQuery): Promise<DataValueDto[]> {
  const scope = await scopeUnitIds(db, actor);
  const named = await db.selectFrom('org_unit').select(['id', 'code']).where('code', 'in', query.orgUnit).execute();
  // As in DHIS2, every unit asked for must lie within the caller's units.
  const outside = query.orgUnit.find((code) => !named.some((u) => u.code === code && (!scope || scope.has(u.id))));
  if (scope && outside !== undefined) throw outOfScope('orgUnit');
  let unitIds = named.map((u) => u.id);
  if (query.children && unitIds.length) {
    const below = await sql<{ id: number }>`
      WITH RECURSIVE down AS (SELECT id FROM org_unit WHERE id IN (${sql.join(unitIds)})
        UNION SELECT u.id FROM org_unit u JOIN down d ON u.parent_id = d.id) SELECT id FROM down`.execute(db);
    unitIds = below.rows.map((r) => r.id);
  }
  if (scope) unitIds = unitIds.filter((id) => scope.has(id));
  if (!unitIds.length) return [];
  let q = db
    .selectFrom('data_value as v')
    .innerJoin('data_element as e', 'e.id', 'v.element_id')
    .innerJoin('org_unit as o', 'o.id', 'v.org_unit_id')
    .innerJoin('category_option_combo as c', 'c.id', 'v.coc_id')
    .select(['e.code as dataElement', 'v.period', 'o.code as orgUnit', 'c.code as categoryOptionCombo', 'v.value', 'v.stored_by as storedBy',
      'v.updated_at as lastUpdated', 'v.comment', 'v.followup', 'v.deleted'])
    .where('e.code', 'in', query.dataElement)
    .where('v.org_unit_id', 'in', unitIds);
  if (query.period.length) q = q.where('v.period', 'in', query.period);
  if (query.startDate) q = q.where('v.start_date', '>=', query.startDate);
  if (query.endDate) q = q.where('v.end_date', '<=', query.endDate);
  if (!query.includeDeleted) q = q.where('v.deleted', '=', false);
  if (query.lastUpdated) q = q.where('v.updated_at', '>=', query.lastUpdated);
  if (query.limit) q = q.limit(query.limit);
  const rows = await q.orderBy('e.code').orderBy('v.start_date').orderBy('o.code').orderBy('c.code').execute();
  return rows.map((r) => ({
    dataElement: r.dataElement, period: r.period, orgUnit: r.orgUnit, categoryOptionCombo: r.categoryOptionCombo, attributeOptionCombo: 'default',
    value: r.value, storedBy: r.storedBy, lastUpdated: r.lastUpdated.toISOString(), comment: r.comment, followup: r.followup,
    ...(query.includeDeleted ? { deleted: r.deleted } : {}),
  }));
}

const rowOf = (v: DataValueDto) => [v.dataElement, v.period, v.orgUnit, v.categoryOptionCombo ?? 'default', v.attributeOptionCombo ?? 'default', v.value ?? '', v.storedBy ?? '', v.lastUpdated ?? '', v.comment ?? '', String(v.followup ?? false)];

export function dataValuesToCsv(values: DataValueDto[]): string {
  return stringifyCsv([[...CSV_COLUMNS], ...values.map(rowOf)]);
}

export async function dataValuesToXlsx(values: DataValueDto[]): Promise<Buffer> {
  const workbook = new (await loadExcel()).Workbook();
  workbook.creator = 'Tỉnh Số';
  const sheet = workbook.addWorksheet('dataValues');
  sheet.addRow([...CSV_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const v of values) sheet.addRow(rowOf(v));
  sheet.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
