import type { Locale } from '../../db/schema.js';
import { AGRONOMY_ERRORS } from './agronomy.js';
import { ALERT_ERRORS } from './alerts.js';
import { BACKUP_ERRORS } from './backup.js';
import { CONNECTOR_ERRORS } from './connectors.js';
import { DATA_ERRORS } from './data.js';
import { DEVICE_ERRORS } from './devices.js';
import { MAP_ERRORS } from './map.js';
import { PLATFORM_ERRORS } from './platform.js';
import { TRACEABILITY_ERRORS } from './traceability.js';
import { WORK_ERRORS } from './work.js';
import { paramsIn, type MessageParams } from './terms.js';

export { THINGS, fieldLabel } from './terms.js';
export type { MessageParams, Term } from './terms.js';

/**
 * Every stable error code with its HTTP status and its Vietnamese and English message: a code answers one status
 * wherever it is thrown. Kept in five files by area only for their size; a code is defined once (checked by a test).
 */
export const ERRORS = { ...PLATFORM_ERRORS, ...DATA_ERRORS, ...WORK_ERRORS, ...BACKUP_ERRORS, ...ALERT_ERRORS, ...CONNECTOR_ERRORS, ...MAP_ERRORS, ...DEVICE_ERRORS, ...AGRONOMY_ERRORS, ...TRACEABILITY_ERRORS };
export const ERROR_PARTS = [PLATFORM_ERRORS, DATA_ERRORS, WORK_ERRORS, BACKUP_ERRORS, ALERT_ERRORS, CONNECTOR_ERRORS, MAP_ERRORS, DEVICE_ERRORS, AGRONOMY_ERRORS, TRACEABILITY_ERRORS];

export type ErrorCode = keyof typeof ERRORS;

export const statusOf = (code: ErrorCode): number => ERRORS[code].status;

/** A template with its `{name}` placeholders filled from params (an absent one stays as written). */
export const fillTemplate = (template: string, params: Record<string, string | number>): string =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? `{${key}}`));

/** A code's message in one language, its parameters as that language's reader names them (see terms.ts). */
export function formatMessage(code: ErrorCode, locale: Locale, params: MessageParams = {}): string {
  return fillTemplate(ERRORS[code][locale], paramsIn(params, locale));
}
