import ExcelJS from 'exceljs';
import { parse as parseCsv } from 'csv-parse/sync';
import { stringify as stringifyCsv } from 'csv-stringify/sync';
import { sql } from 'kysely';
import type { Db } from '../../db/database.js';
import type { Actor } from '../access/actor.js';
import { scopeUnitIds } from '../access/scope.js';
import { isPeriodCode, parsePeriod } from './periods.js';
import { writeValues, type ValueInput } from './values.js';
import type { FastifyRequest } from 'fastify';
import { outOfScope } from '../../server/errors.js';

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
  value: string;
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

const FIELD_OF: Record<string, string> = {
  dataElement: 'dataElement', period: 'period', orgUnit: 'orgUnit', categoryOptionCombo: 'categoryOptionCombo', value: 'value', comment: 'comment',
};

export function parseDataValueCsv(text: string): DataValueDto[] {
  const rows = parseCsv(text.replace(/^\uFEFF/, ''), { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  // DHIS2 ignores the first row (a header); so do we, whatever its names.
  return rows.slice(1).map((r) => ({
    dataElement: r[0] ?? '', period: r[1] ?? '', orgUnit: r[2] ?? '', categoryOptionCombo: r[3] || undefined, attributeOptionCombo: r[4] || undefined,
    value: r[5] === undefined || r[5] === '' ? null : r[5], storedBy: r[6] || undefined, lastUpdated: r[7] || undefined, comment: r[8] || undefined,
    followup: r[9] ? /^(true|1)$/i.test(r[9]) : undefined,
  }));
}

export async function parseDataValueXlsx(buffer: Buffer): Promise<DataValueDto[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  if (!sheet) return [];
  const out: DataValueDto[] = [];
  sheet.eachRow((row, index) => {
    if (index === 1) return;
    const cell = (i: number) => {
      const v = row.getCell(i).value;
      if (v === null || v === undefined) return '';
      if (typeof v === 'object' && 'result' in v) return String(v.result ?? '');
      if (typeof v === 'object' && 'text' in v) return String(v.text);
      return v instanceof Date ? v.toISOString() : String(v);
    };
    out.push({
      dataElement: cell(1), period: cell(2), orgUnit: cell(3), categoryOptionCombo: cell(4) || undefined, attributeOptionCombo: cell(5) || undefined,
      value: cell(6) === '' ? null : cell(6), comment: cell(9) || undefined, followup: cell(10) ? /^(true|1)$/i.test(cell(10)) : undefined,
    });
  });
  return out;
}

async function unitResolver(db: Db) {
  const units = await db.selectFrom('org_unit').select(['id', 'code', 'valid_from', 'valid_to']).execute();
  const byCode = new Map<string, typeof units>();
  for (const u of units) byCode.set(u.code, [...(byCode.get(u.code) ?? []), u]);
  return (code: string, periodCode: string): number | undefined => {
    const candidates = byCode.get(code);
    if (!candidates) return undefined;
    if (!isPeriodCode(periodCode)) return candidates[0]?.id;
    const { end } = parsePeriod(periodCode);
    const atEnd = candidates.find((u) => (!u.valid_from || u.valid_from <= end) && (!u.valid_to || u.valid_to >= end));
    if (atEnd) return atEnd.id;
    const { start } = parsePeriod(periodCode);
    return candidates.find((u) => (!u.valid_from || u.valid_from <= end) && (!u.valid_to || u.valid_to >= start))?.id;
  };
}

/**
 * Imports data values: all or nothing by default (atomicMode ALL), or the good rows only (NONE). Every refused row
 * is a conflict naming the object, the value and the row indexes, as DHIS2 reports them.
 */
export async function importDataValues(
  db: Db,
  actor: Actor,
  values: DataValueDto[],
  options: { dryRun: boolean; atomicMode: 'ALL' | 'NONE'; sourceRef: string; request?: FastifyRequest },
): Promise<ImportSummary> {
  const resolve = await unitResolver(db);
  const conflicts = new Map<string, ImportConflict>();
  const conflict = (object: string, value: string, property: string, index: number) => {
    const key = `${property}\u0000${object}\u0000${value}`;
    const existing = conflicts.get(key);
    if (existing) existing.indexes.push(index);
    else conflicts.set(key, { object, value, property, indexes: [index] });
  };
  const inputs: ValueInput[] = [];
  const indexOf: number[] = [];
  values.forEach((v, index) => {
    if (!v.dataElement) return conflict('', 'Data element is missing', 'dataElement', index);
    if (!v.period) return conflict('', 'Period is missing', 'period', index);
    if (!v.orgUnit) return conflict('', 'Organisation unit is missing', 'orgUnit', index);
    if (v.attributeOptionCombo && v.attributeOptionCombo !== 'default') {
      return conflict(v.attributeOptionCombo, 'Attribute option combo not found (only "default" is used)', 'attributeOptionCombo', index);
    }
    const unitId = resolve(v.orgUnit, v.period);
    if (unitId === undefined) return conflict(v.orgUnit, 'Organisation unit not found or not in force during the period', 'orgUnit', index);
    inputs.push({
      element: v.dataElement, orgUnitId: unitId, period: v.period, coc: v.categoryOptionCombo && v.categoryOptionCombo !== 'default' ? v.categoryOptionCombo : undefined,
      value: v.deleted ? null : (v.value ?? null), ...(v.comment !== undefined ? { comment: v.comment } : {}), ...(v.followup !== undefined ? { followup: v.followup } : {}),
    });
    indexOf.push(index);
  });

  const dryCheck = await writeValues(db, actor, inputs, { kind: 'import', ref: options.sourceRef }, { dryRun: true });
  for (const p of dryCheck.problems) {
    const original = values[indexOf[p.row]!]!;
    const property = FIELD_OF[p.field] ?? p.field;
    const object = property === 'orgUnit' ? original.orgUnit : property === 'dataElement' ? original.dataElement : property === 'period' ? original.period
      : property === 'categoryOptionCombo' ? (original.categoryOptionCombo ?? 'default') : String(original.value ?? '');
    conflict(object, p.reason, property, indexOf[p.row]!);
  }
  const bad = new Set([...conflicts.values()].flatMap((c) => c.indexes));
  const summary: ImportSummary = {
    responseType: 'ImportSummary', status: 'SUCCESS', description: 'Import process completed successfully',
    importOptions: { dryRun: options.dryRun, atomicMode: options.atomicMode, idScheme: 'code' },
    importCount: { imported: 0, updated: 0, ignored: 0, deleted: 0 },
    conflicts: [...conflicts.values()], dataSetComplete: 'false',
  };
  if (bad.size && options.atomicMode === 'ALL') {
    summary.status = 'ERROR';
    summary.description = 'Import refused: the file has conflicts and nothing was imported (atomicMode=ALL)';
    summary.importCount.ignored = values.length;
    return summary;
  }
  const good = inputs.filter((_, i) => !bad.has(indexOf[i]!));
  const result = options.dryRun
    ? { ...dryCheck, ...(await writeValues(db, actor, good, { kind: 'import', ref: options.sourceRef }, { dryRun: true })) }
    : await writeValues(db, actor, good, { kind: 'import', ref: options.sourceRef }, { request: options.request });
  summary.importCount = { imported: result.imported, updated: result.updated, deleted: result.deleted, ignored: result.ignored + bad.size };
  if (bad.size) {
    summary.status = 'WARNING';
    summary.description = 'Import completed with conflicts: the rows named in conflicts were ignored';
  }
  return summary;
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
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Tỉnh Số';
  const sheet = workbook.addWorksheet('dataValues');
  sheet.addRow([...CSV_COLUMNS]);
  sheet.getRow(1).font = { bold: true };
  for (const v of values) sheet.addRow(rowOf(v));
  sheet.columns.forEach((c) => (c.width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
