import { z } from 'zod';
import { ZAlertView } from '../../../core/alerts/index.js';
import { isPeriodCode } from '../../../core/data/index.js';
import { isoDate } from '../../../core/validation/index.js';
import { ZScorecard } from '../../scorecard/index.js';

const ZCode = z.string().trim().regex(/^[A-Z][A-Z0-9_]{0,59}$/, { message: 'code_chars' });
const ZUnitId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

/** A choropleth: one indicator or element, one period, the children of a unit as they stood on a day. */
export const ZMapQuery = z.object({
  indicator: ZCode.optional(),
  element: ZCode.optional(),
  period: z.string().trim().max(20).refine((p) => isPeriodCode(p), { message: 'period_codes' }),
  parent: ZUnitId.optional(),
  date: isoDate().optional(),
}).strict().refine((q) => Boolean(q.element) !== Boolean(q.indicator), { message: 'element_or_indicator', path: ['indicator'] });
export type MapQuery = z.infer<typeof ZMapQuery>;

const ZMapUnit = z.object({ id: z.number(), code: z.string(), name: z.string(), level: z.string(), type: z.string() });

/** A colour class: values in [from, to) (null: open-ended); `breach` when an IOC rule's threshold drew it. */
export const ZColourClass = z.object({ from: z.number().nullable(), to: z.number().nullable(), breach: z.boolean() });
export type ColourClass = z.infer<typeof ZColourClass>;

export const ZUnitMap = z.object({
  asOf: z.string(),
  period: z.string(),
  target: z.object({ kind: z.enum(['indicator', 'element']), code: z.string(), nameVi: z.string(), nameEn: z.string() }),
  parent: ZMapUnit,
  ancestors: z.array(ZMapUnit),
  /** quantiles of the values shown, or the threshold of the IOC's active rule on this target. */
  basis: z.enum(['quantiles', 'rule']),
  classes: z.array(ZColourClass),
  units: z.array(ZMapUnit.extend({
    value: z.number().nullable(),
    /** The index in `classes`; null when the unit has no value. */
    colourClass: z.number().nullable(),
    /** The unit's boundary id (its own id) when a polygon is stored for it, else null: drawn in the ranked grid. */
    geometryId: z.number().nullable(),
    hasChildren: z.boolean(),
  })),
});

export const ZUnitPageParams = z.object({ id: ZUnitId });
export const ZUnitPageQuery = z.object({ date: isoDate().optional() }).strict();

export const ZUnitPage = z.object({
  asOf: z.string(),
  unit: ZMapUnit.extend({ validFrom: z.string().nullable(), validTo: z.string().nullable() }),
  ancestors: z.array(ZMapUnit),
  children: z.array(ZMapUnit),
  /** The Resolution 07 indicators of the unit: last value, status and the years behind them (the trend). */
  indicators: ZScorecard.shape.pillars,
  alerts: z.array(ZAlertView),
  alertCounts: z.record(z.string(), z.number()),
  /** Each active reporting regime expecting reports at or below the unit: the latest period due and its completeness. */
  reports: z.array(z.object({
    regime: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string() }), period: z.string(), dueDate: z.string(),
    expected: z.number(), submitted: z.number(), onTime: z.number(), missing: z.number(), rate: z.number().nullable(),
  })),
});

export const ZPointsQuery = z.object({
  layers: z.string().trim().max(40).default('cases,alerts')
    .transform((s) => s.split(',').map((l) => l.trim()).filter(Boolean))
    .pipe(z.array(z.enum(['cases', 'alerts'])).min(1)),
  parent: ZUnitId.optional(),
  date: isoDate().optional(),
}).strict();
export type PointsQuery = z.infer<typeof ZPointsQuery>;

export const ZMapPoints = z.object({
  asOf: z.string(),
  parent: z.object({ id: z.number(), name: z.string() }),
  points: z.array(z.object({
    layer: z.enum(['case', 'alert']),
    /** A case's tracking code or an alert's id: what opens it. */
    ref: z.string(),
    lat: z.number(), lon: z.number(),
    /** True when the point is the middle of the unit's boundary, the alert having none of its own. */
    approximate: z.boolean(),
    unitId: z.number().nullable(), state: z.string(), severity: z.string().nullable(),
    /** An alert's title, or a case's category code. */
    label: z.object({ vi: z.string(), en: z.string() }),
  })),
});

/** The basemap drawn under the boundaries, or null (boundaries alone): raster tiles from an XYZ template or the platform's PMTiles file. */
export const ZBasemap = z.object({
  basemap: z.object({
    kind: z.enum(['xyz', 'pmtiles']),
    /** The XYZ template ({z}/{x}/{y}), or the address the platform serves its PMTiles file at. */
    url: z.string(),
    attribution: z.string(),
    minZoom: z.number().int(), maxZoom: z.number().int(),
  }).nullable(),
});
export const ZBasemapFile = z.instanceof(Buffer).meta({ type: 'string', format: 'binary' });
