import fs from 'node:fs';
import { z } from 'zod';
import { referenceFile } from '../../../server/paths.js';

// Elements and indicators store their unit of measure as the reference files write it, in Vietnamese; the table of
// units (data/reference/indicators/units-of-measure.json, with its SOURCE note) names each in English.

const ZUnits = z.object({ units: z.array(z.object({ vi: z.string(), en: z.string() })) });

let english: Map<string, string> | undefined;

function table(): Map<string, string> {
  english ??= new Map(ZUnits.parse(JSON.parse(fs.readFileSync(referenceFile('indicators', 'units-of-measure.json'), 'utf8'))).units.map((u) => [u.vi, u.en]));
  return english;
}

/** A unit of measure in English: the table's name for it, or the unit as written when the table does not know it. */
export function unitInEnglish<T extends string | null>(unit: T): T {
  return (unit === null ? null : (table().get(unit.trim()) ?? unit)) as T;
}

/** Every unit the table names, Vietnamese to English. */
export const unitsOfMeasure = (): ReadonlyMap<string, string> => table();
