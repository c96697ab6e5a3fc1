import { z } from 'zod';

const ZPosition = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
// zod runs this check even when the ring is too short or a position is malformed: it reads the ring defensively,
// leaving those faults to the checks that name them.
const ZRing = z.array(ZPosition).min(4).refine((r) => r.length < 4 || (r[0]?.[0] === r.at(-1)?.[0] && r[0]?.[1] === r.at(-1)?.[1]), {
  message: 'ring_not_closed',
});

export const ZGeometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(ZRing).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ZRing).min(1)).min(1) }),
]);

export const ZFeature = z.object({
  type: z.literal('Feature'),
  id: z.union([z.string(), z.number()]).optional(),
  geometry: ZGeometry,
  properties: z.object({ code: z.union([z.string().min(1).max(20), z.number()]) }).passthrough(),
});

export const ZFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(ZFeature).min(1).max(5000),
});
export type FeatureCollection = z.infer<typeof ZFeatureCollection>;
