import fs from 'node:fs';
import { z } from 'zod';
import { referenceFile } from '../../server/paths.js';

// The agronomy reference files (data/reference/agronomy, sources in its SOURCE.md), read once and checked.

const ZSpecies = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{0,19}$/), nameVi: z.string(), nameEn: z.string(), scientific: z.string(), migrant: z.boolean(),
  peak: z.number().positive(), outbreak: z.number().positive(),
});
export type Species = z.infer<typeof ZSpecies>;

const ZStage = z.object({ code: z.string().regex(/^[a-z_]{2,30}$/), nameVi: z.string(), nameEn: z.string(), limit: z.number().positive().nullable() });
const ZLevel = z.object({ above: z.number().positive(), severity: z.enum(['warning', 'major', 'critical']), adviceVi: z.string(), adviceEn: z.string() });

const ZSettings = z.object({
  baseline: z.object({ nights: z.number().int().min(3), minNights: z.number().int().min(1), robustZ: z.number().positive(), minCount: z.number().min(0) }),
  forecast: z.object({
    species: z.array(z.string()).min(1), peakIntervalDays: z.number().positive(), minIntervalDays: z.number().positive(), maxIntervalDays: z.number().positive(),
    episodeGapDays: z.number().int().min(1), rounds: z.number().int().min(1).max(6), windowOffsetDays: z.number().int().min(-10).max(20), windowDays: z.number().int().min(1).max(20),
  }),
  salinity: z.object({
    unitsPerMille: z.record(z.string(), z.number().positive()), line: z.number().positive(), defaultStage: z.string(),
    stages: z.array(ZStage).min(1), levels: z.array(ZLevel).min(1),
  }),
});
export type AgronomySettings = z.infer<typeof ZSettings>;
export type CropStage = z.infer<typeof ZStage>;
export type SalinityLevel = z.infer<typeof ZLevel>;

const ZFigures = z.object({
  species: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }),
  elements: z.array(z.object({
    code: z.string(), nameVi: z.string(), nameEn: z.string(), valueType: z.enum(['integer', 'number']), aggUnits: z.enum(['sum', 'max', 'min']),
    aggTime: z.enum(['sum', 'max', 'min']), unit: z.string(), bySpecies: z.boolean(),
  })),
});
export type AgronomyFigures = z.infer<typeof ZFigures>;

export const AGRONOMY_SOURCE = 'data/reference/agronomy';
const read = (name: string) => JSON.parse(fs.readFileSync(referenceFile('agronomy', name), 'utf8')) as unknown;

let cached: { species: Species[]; settings: AgronomySettings; figures: AgronomyFigures } | undefined;

/** The species, settings and figures, parsed on first use: a broken file stops the start, not a night's job. */
export function agronomyReference() {
  if (!cached) {
    const species = z.object({ species: z.array(ZSpecies).min(1) }).parse(read('species.json')).species;
    const settings = ZSettings.parse(read('settings.json'));
    for (const s of species) if (s.outbreak <= s.peak) throw new Error(`agronomy species ${s.code}: the outbreak tier must lie above the peak tier`);
    if (!settings.salinity.stages.some((s) => s.code === settings.salinity.defaultStage)) throw new Error('agronomy settings: the default stage is not a stage');
    cached = { species, settings, figures: ZFigures.parse(read('figures.json')) };
  }
  return cached;
}
