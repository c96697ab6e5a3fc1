import type { Cell } from './excel.js';

/** A cell as text: empty when blank, a date in ISO 8601, anything else as written. */
export const cellText = (cell: Cell | undefined): string => {
  if (cell === null || cell === undefined) return '';
  return cell instanceof Date ? cell.toISOString() : String(cell);
};
