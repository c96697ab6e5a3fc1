import { z } from 'zod';
import { isoDate, nameText } from '../validation/index.js';
import { ZFeatureCollection } from './geojson.js';

export const ZLevel = z.enum(['province', 'district', 'commune', 'department']);
export const ZAsOf = z.object({ asOf: isoDate().optional() });
export const ZUnitParams = z.object({ id: z.coerce.number().int().positive() });

export const ZUnitCreate = z
  .object({
    code: z.string().trim().min(1).max(30).regex(/^[A-Za-z0-9._-]+$/, 'identifier_chars'),
    name: nameText(200),
    shortName: nameText(100).optional(),
    type: nameText(50),
    level: z.enum(['province', 'district', 'commune', 'department']),
    parentId: z.number().int().positive(),
    validFrom: isoDate().optional(),
  })
  .strict();
export const ZUnitUpdate = z.object({ name: nameText(200).optional(), shortName: nameText(100).nullable().optional(), type: nameText(50).optional() }).strict();
export type UnitCreate = z.infer<typeof ZUnitCreate>;
export type UnitUpdate = z.infer<typeof ZUnitUpdate>;

/** One version of a unit: `validFrom: null` is "in force since before the records begin", `validTo` its last day. */
export const ZUnit = z.object({
  id: z.number(), code: z.string(), name: z.string(), shortName: z.string().nullable(), type: z.string(), level: ZLevel,
  parentId: z.number().nullable(), parentCode: z.string().nullable(), validFrom: z.string().nullable(), validTo: z.string().nullable(),
});
type TreeNode = z.infer<typeof ZUnit> & { children: TreeNode[] };
// Recursive: registered by id, so the OpenAPI document names it once among its components.
export const ZUnitTree: z.ZodType<TreeNode> = ZUnit.extend({ get children() { return z.array(ZUnitTree); } }).meta({ id: 'UnitTreeNode' });

const ZLink = z.object({ eventId: z.number(), date: z.string(), kind: z.string(), legalBasis: z.string().nullable(), note: z.string().nullable(), share: z.string(), unit: ZUnit });
export const ZUnitDescription = z.object({
  unit: ZUnit, ancestors: z.array(ZUnit), children: z.array(ZUnit), predecessors: z.array(ZLink), successors: z.array(ZLink),
  events: z.array(z.object({ eventId: z.number(), date: z.string(), kind: z.string(), legalBasis: z.string().nullable(), note: z.string().nullable(), role: z.string() })),
  boundarySource: z.string().nullable(),
});

export const ZListQuery = ZAsOf.extend({ level: ZLevel.optional(), parentCode: z.string().max(30).optional() });
export const ZEventsQuery = z.object({ from: isoDate().optional(), to: isoDate().optional() });
export const ZEvent = z.object({ id: z.number(), date: z.string(), kind: z.string(), legalBasis: z.string().nullable(), note: z.string().nullable() });

export const ZBoundaryQuery = ZAsOf.extend({ level: ZLevel.optional() });
export const ZBoundaries = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(z.object({
    type: z.literal('Feature'), id: z.number(), geometry: z.unknown(),
    properties: z.object({ id: z.number(), code: z.string(), name: z.string(), type: z.string(), level: ZLevel, source: z.string().nullable() }),
  })),
});
export const ZBoundaryUpload = z.object({ asOf: isoDate().optional(), source: z.string().trim().min(3).max(300), collection: ZFeatureCollection }).strict();
export const ZBoundaryUploaded = z.object({ updated: z.number(), codes: z.array(z.string()) });
