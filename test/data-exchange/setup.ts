import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../helpers.js';

// Live bindings, set by useExchangeApps's beforeAll: the tests read them as plain names, each file its own apps.
export let source: TestApp;
export let target: TestApp;
export let admin: Session;
export let targetAdmin: Session;

export const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const sample = [
  { dataElement: 'PAYMENT_ACCOUNT_15PLUS', period: '2024', orgUnit: '31498', value: '100', comment: 'Phường 5\tđã đối chiếu\nsổ \\N "A"' },
  { dataElement: 'PAYMENT_ACCOUNT_15PLUS', period: '2024', orgUnit: '31507', value: '200' },
  { dataElement: 'PAYMENT_ACCOUNT_15PLUS', period: '2025M08', orgUnit: '31507', value: '15' },
  { dataElement: 'OFFICIALS_TRAINED_DT', period: '2024', orgUnit: '941', categoryOptionCombo: 'TRAINING_PROGRAMME_INFOSEC', value: '7', followup: true },
  { dataElement: 'HH_FIBRE_MOBILE_PCT', period: '2024', orgUnit: '942', value: '97.5' },
];

/**
 * One source app per test file (files run in parallel processes), holding the sample; with `target`, a second,
 * empty installation to import into.
 */
export function useExchangeApps(options: { target?: boolean } = {}): void {
  beforeAll(async () => {
    const [first, second] = await Promise.all([createTestApp(), options.target ? createTestApp() : null]);
    source = first;
    admin = await source.login('admin');
    if (second) {
      target = second;
      targetAdmin = await target.login('admin');
    }
    const res = await admin.request({ method: 'POST', url: '/api/dataValueSets', payload: { dataValues: sample } });
    expect(res.statusCode).toBe(200);
  });
  afterAll(async () => {
    await source?.close();
    await target?.close();
  });
}

export const exportQuery = 'dataElement=PAYMENT_ACCOUNT_15PLUS&dataElement=OFFICIALS_TRAINED_DT&dataElement=HH_FIBRE_MOBILE_PCT&orgUnit=94&orgUnit=92&children=true&startDate=2024-01-01&endDate=2025-12-31';
export const comparable = (values: { dataElement: string; period: string; orgUnit: string; categoryOptionCombo?: string; value?: string | null; comment?: string | null; followup?: boolean }[]) =>
  values.map(({ dataElement, period, orgUnit, categoryOptionCombo, value, comment, followup }) => ({ dataElement, period, orgUnit, categoryOptionCombo, value, comment: comment ?? null, followup }));
