import { ACCESS, type Access } from '../../core/access/index.js';
import type { Locale } from '../../db/schema.js';

/** The scorecard and the DTI page are figures every signed-in user may read, and systems with a reading token. */
export const SCORECARD_POLICY = {
  read: ACCESS.readers(['read', 'data-exchange']),
} as const satisfies Record<string, Access>;

/** A downloaded file's name: the framework, the unit's code and the day, in ASCII. */
export const exportName = (framework: string, unitCode: string, today: string, format: string) =>
  `${framework === 'DTI' ? 'chi-so-DTI' : 'chi-tieu-NQ07'}-${unitCode}-${today}.${format}`;

/** The day a file was exported, as its reader writes dates. */
export const exportedOn = (today: string, locale: Locale) => (locale === 'vi' ? today.split('-').reverse().join('/') : today);
