import { isChecked, type ValueChecker, type ValueInput } from '../../core/data/index.js';
import { fromDhis2Period } from '../../core/data/periods/index.js';
import { formatMessage, type ErrorCode, type MessageParams } from '../../server/error-codes/index.js';
import type { BadRow, Mapping } from './schema.js';

// A pull's records turned into data values by the connector's mapping: each record gives one value per mapped
// field; what cannot be a value (no unit by that code, no period, a value the element refuses) is a bad row with its
// reason in both languages, reported and never stored.

export interface MappedRow {
  /** The record's number in the pull, from 1 (a CSV's header line is not counted). */
  row: number;
  unitCode: string;
  input: ValueInput;
}

const ISO_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The store's period code for a period written in DHIS2's form (202611, 2026Q4) or ISO's (2026-11, 2026-11-15). */
export function periodCode(raw: string): string {
  const month = ISO_MONTH.exec(raw);
  if (month) return `${month[1]}M${month[2]}`;
  const day = ISO_DAY.exec(raw);
  if (day) return `${day[1]}${day[2]}${day[3]}`;
  return fromDhis2Period(raw);
}

const text = (v: unknown): string | null => (v === null || v === undefined ? null : typeof v === 'object' ? null : String(v).trim() || null);

function bad(row: number, field: string, code: ErrorCode, params: MessageParams, value?: unknown): BadRow {
  return { row, field, vi: formatMessage(code, 'vi', params), en: formatMessage(code, 'en', params), ...(value !== undefined ? { value } : {}) };
}

/** Maps the records and checks each value as the store would; returns the rows to write and the rows refused. */
export function mapRecords(records: unknown[], mapping: Mapping, checker: ValueChecker): { rows: MappedRow[]; badRows: BadRow[] } {
  const rows: MappedRow[] = [];
  const badRows: BadRow[] = [];
  records.forEach((record, index) => {
    const row = index + 1;
    if (record === null || typeof record !== 'object' || Array.isArray(record)) {
      badRows.push(bad(row, '', 'connector_row_not_object', {}));
      return;
    }
    const r = record as Record<string, unknown>;
    const unitCode = text(r[mapping.unitField]);
    const rawPeriod = text(r[mapping.periodField]);
    if (!unitCode) return void badRows.push(bad(row, mapping.unitField, 'connector_row_missing', { name: mapping.unitField }));
    if (!rawPeriod) return void badRows.push(bad(row, mapping.periodField, 'connector_row_missing', { name: mapping.periodField }));
    const period = periodCode(rawPeriod);
    const orgUnitId = checker.unitByCode(unitCode, period);
    if (orgUnitId === undefined) return void badRows.push(bad(row, mapping.unitField, 'connector_row_unit', { code: unitCode, period: rawPeriod }, unitCode));
    for (const target of mapping.values) {
      const raw = r[target.field];
      if (text(raw) === null) {
        badRows.push(bad(row, target.field, 'connector_row_missing', { name: target.field }));
        continue;
      }
      const input: ValueInput = { element: target.element, orgUnitId, period, value: raw as string | number | boolean, ...(target.coc ? { coc: target.coc } : {}) };
      const checked = checker.check(input);
      if (isChecked(checked)) rows.push({ row, unitCode, input });
      else badRows.push({ row, field: checked.field === 'value' ? target.field : checked.field === 'period' ? mapping.periodField : checked.field === 'orgUnit' ? mapping.unitField : target.field, vi: checked.vi, en: checked.en, ...(checked.value !== undefined ? { value: checked.value } : {}) });
    }
  });
  return { rows, badRows };
}
