import { z } from 'zod';
import { isoDate } from '../../core/validation/index.js';

// Requests and answers of the scorecard; the exports read the same card.

export const FRAMEWORKS = ['NQ07', 'DTI'] as const;
// `asOf`: the day the screen stands on (today when absent): the years shown end with its year, and without `unitId`
// the caller's own unit as it stands that day is shown (a unit that ceased, by its successor).
export const ZQuery = z.object({
  framework: z.enum(FRAMEWORKS).default('NQ07'), unitId: z.coerce.number().int().positive().optional(), asOf: isoDate().optional(),
});
// `lang`: the language of the screen the file is downloaded from, which may differ from the account's.
export const ZExport = ZQuery.extend({ format: z.enum(['xlsx', 'csv', 'pdf']), lang: z.enum(['vi', 'en']).optional() });
export type ExportFormat = z.infer<typeof ZExport>['format'];
export const ZIndicatorParams = z.object({ code: z.string().regex(/^[A-Z0-9_]{1,60}$/) });
/** The file is sent as it is made; the schema only documents it. */
export { ZFileReply as ZFile } from '../../core/validation/index.js';

const ZPillar = z.enum(['government', 'economy', 'society', 'foundations']);
const ZStatus = z.enum(['achieved', 'on_track', 'at_risk', 'off_track', 'no_target', 'no_data']);
const ZPoint = z.object({ year: z.number(), value: z.number() });
// `fromUnit`: the predecessor the target was set for, when the unit has no target of its own for the indicator.
const ZTarget = z.object({ year: z.number(), value: z.number(), source: z.string().nullable(), fromUnit: z.object({ id: z.number(), name: z.string() }).nullable() });
/** The units a unit succeeded whose figures its history includes, and the day each ceased. */
const ZHistory = z.array(z.object({ id: z.number(), name: z.string(), validTo: z.string().nullable() }));

export const ZUnit = z.object({
  id: z.number(), code: z.string(), name: z.string(), shortName: z.string().nullable(), type: z.string(),
  level: z.enum(['province', 'district', 'commune', 'department']), parentId: z.number().nullable(), parentCode: z.string().nullable(),
  validFrom: z.string().nullable(), validTo: z.string().nullable(),
});

export const ZIndicatorInfo = z.object({
  code: z.string(), nameVi: z.string(), nameEn: z.string(), pillar: ZPillar, direction: z.enum(['higher', 'lower']), decimals: z.number(),
  unitLabel: z.string().nullable(), unitLabelEn: z.string().nullable(), numerator: z.string(), denominator: z.string(), factor: z.number(), source: z.string().nullable(),
});

/** Where an indicator stands: see status.ts. */
const assessment = { status: ZStatus, latest: ZPoint.nullable(), projected: z.number().nullable(), slope: z.number().nullable() };
const ZSeries = z.array(z.number().nullable());

export const ZScoredIndicator = ZIndicatorInfo.extend({
  series: ZSeries, target: ZTarget.nullable(), targets: z.array(ZTarget), ...assessment,
  rank: z.object({ position: z.number(), of: z.number() }).nullable(),
});

export const ZScorecard = z.object({
  framework: z.string(), unit: ZUnit, asOf: z.string(), history: ZHistory, years: z.array(z.number()),
  pillars: z.array(z.object({ pillar: ZPillar, indicators: z.array(ZScoredIndicator) })),
});
export type Card = z.infer<typeof ZScorecard>;

export const ZIndicatorDetail = z.object({
  indicator: ZIndicatorInfo, unit: ZUnit, asOf: z.string(), history: ZHistory, years: z.array(z.number()), series: ZSeries,
  targets: z.array(ZTarget), target: ZTarget.nullable(), ...assessment,
  // What the store holds below the unit: the latest year any unit below holds a figure, those units, and how many do not.
  childrenYear: z.number(), children: z.array(z.object({ unit: ZUnit, value: z.number().nullable() })), childrenWithout: z.number(),
});
