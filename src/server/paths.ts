import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's root, found from this file, so that moving a module never breaks the path to its data. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** A reference data file: `referenceFile('calendar', 'vn-public-holidays.json')`. */
export const referenceFile = (...segments: string[]): string => path.join(REPO_ROOT, 'data', 'reference', ...segments);
