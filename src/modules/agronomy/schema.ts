import { z } from 'zod';
import { isoDate, nameText } from '../../core/validation/index.js';
import { agronomyReference } from './reference.js';
import { BULLETIN_STATES } from './policy.js';

const ZId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
export const ZIdParam = z.object({ id: ZId });
export const ZUnitParam = z.object({ unitId: ZId });
const stageCode = () => z.string().refine((c) => agronomyReference().settings.salinity.stages.some((s) => s.code === c), { message: 'stage_unknown' });

export const ZRange = z.object({ from: isoDate(), to: isoDate() }).strict()
  .refine((q) => q.from <= q.to, { message: 'from_before_to', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 400 * 86_400_000, { message: 'range_400_days', path: ['from'] });
export const ZNightQuery = z.object({ night: isoDate().optional() }).strict();
export const ZDayQuery = z.object({ day: isoDate().optional(), days: z.coerce.number().int().min(1).max(90).default(14) }).strict();

const ZPoint = z.object({ lat: z.number(), lon: z.number() });
const ZNamed = z.object({ id: z.number(), name: z.string() });
const ZLevel = z.enum(['normal', 'peak', 'outbreak']);
const ZScored = z.object({ night: z.string(), count: z.number(), median: z.number().nullable(), upper: z.number().nullable(), z: z.number().nullable(), level: ZLevel });
const ZEpisode = z.object({ from: z.string(), to: z.string(), peak: z.string(), count: z.number(), level: z.enum(['peak', 'outbreak']) });
const ZSpeciesSeries = z.array(z.object({ species: z.string(), nights: z.array(ZScored), episodes: z.array(ZEpisode) }));
export const ZSpeciesView = z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), peak: z.number(), outbreak: z.number() }));

export const ZTrapSeries = z.object({ trap: z.object({ id: z.number(), name: z.string(), unit: ZNamed.nullable(), location: ZPoint.nullable() }), series: ZSpeciesSeries });
export const ZCommuneSeries = z.object({ unit: ZNamed, traps: z.array(ZNamed), series: ZSpeciesSeries });
export const ZTrapMap = z.object({
  night: z.string(), species: ZSpeciesView, totals: z.record(z.string(), z.number()),
  traps: z.array(z.object({
    id: z.number(), name: z.string(), revoked: z.boolean(), location: ZPoint.nullable(), unit: ZNamed.nullable(), reported: z.boolean(), level: ZLevel,
    counts: z.record(z.string(), z.object({ count: z.number(), level: ZLevel, median: z.number().nullable() })),
  })),
});

const ZSalinityLevel = z.object({ above: z.number(), severity: z.enum(['warning', 'major', 'critical']), adviceVi: z.string(), adviceEn: z.string() });
export const ZSalinity = z.object({
  day: z.string(), line: z.number(),
  stations: z.array(z.object({
    id: z.number(), name: z.string(), revoked: z.boolean(), location: ZPoint.nullable(), unit: ZNamed.nullable(),
    stage: z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), limit: z.number().nullable(), since: z.string().nullable() }),
    days: z.array(z.object({ day: z.string(), min: z.number(), max: z.number() })),
    today: z.object({ max: z.number(), min: z.number() }).nullable(), last: z.object({ at: z.date(), perMille: z.number() }).nullable(),
    exceeds: z.boolean(), level: ZSalinityLevel.nullable(), beyondLine: z.boolean(),
  })),
});

export const ZStageInput = z.object({ unitId: ZId, stage: stageCode(), since: isoDate() }).strict();
export type StageInput = z.infer<typeof ZStageInput>;
export const ZStageView = z.object({ id: z.number(), unit: ZNamed, stage: z.string(), since: z.string(), setBy: z.string(), setAt: z.date() });
export const ZStages = z.object({
  stages: z.array(z.object({ code: z.string(), nameVi: z.string(), nameEn: z.string(), limit: z.number().nullable() })),
  defaultStage: z.string(), entries: z.array(ZStageView),
});

/** A technician's count of one trap for one night; `clientRef` names it on the phone so that a resend is one count. */
export const ZFieldCountInput = z.object({
  deviceId: ZId, night: isoDate(),
  counts: z.record(z.string().max(20), z.number().int().min(0).max(1_000_000))
    .refine((c) => Object.keys(c).length > 0, { message: 'counts_required' })
    .refine((c) => Object.keys(c).every((k) => agronomyReference().species.some((s) => s.code === k)), { message: 'species_unknown' }),
  note: z.string().trim().max(1000).optional(),
  clientRef: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
}).strict();
export type FieldCountInput = z.infer<typeof ZFieldCountInput>;
export const ZFieldCountView = z.object({
  id: z.number(), deviceId: z.number(), night: z.string(), counts: z.record(z.string(), z.number()), note: z.string().nullable(), hasPhoto: z.boolean(),
  recordedBy: z.string(), recordedAt: z.date(),
});
export const ZFieldCountSaved = z.object({ count: ZFieldCountView, created: z.boolean() });

const ZWindow = z.object({ unitId: ZId, from: isoDate(), to: isoDate(), peak: isoDate(), round: z.number().int().min(1).max(12) }).strict()
  .refine((w) => w.from <= w.to, { message: 'window_dates', path: ['to'] });
/** A draft from the traps' forecast, or, with `windows`, the officer's own (an area whose traps show no peak yet). */
export const ZBulletinDraft = z.object({ unitId: ZId, season: nameText(60), title: nameText(200).optional(), windows: z.array(ZWindow).min(1).max(200).optional() }).strict();
export type BulletinDraft = z.infer<typeof ZBulletinDraft>;
export const ZBulletinEdit = z.object({ title: nameText(200).optional(), advice: z.string().trim().max(4000).optional(), windows: z.array(ZWindow).max(200).optional() }).strict();
export type BulletinEdit = z.infer<typeof ZBulletinEdit>;
export const ZBulletinQuery = z.object({ limit: z.coerce.number().int().min(1).max(200).default(50), offset: z.coerce.number().int().min(0).max(100_000).default(0) }).strict();
export const ZPdfQuery = z.object({ lang: z.enum(['vi', 'en']).default('vi') }).strict();

const ZWindowView = z.object({ unit: ZNamed, from: z.string(), to: z.string(), peak: z.string(), round: z.number(), fromLunar: z.string(), toLunar: z.string(), fromLunarEn: z.string(), toLunarEn: z.string() });
export const ZBulletinView = z.object({
  id: z.number(), unit: ZNamed, season: z.string(), title: z.string(), status: z.enum(BULLETIN_STATES), advice: z.string(),
  windows: z.array(ZWindowView), forecast: z.record(z.string(), z.unknown()),
  draftedBy: z.string(), draftedAt: z.date(), approvedBy: z.string().nullable(), approvedAt: z.date().nullable(), publishedBy: z.string().nullable(), publishedAt: z.date().nullable(),
});
export type BulletinView = z.infer<typeof ZBulletinView>;
export const ZBulletinPage = z.object({ bulletins: z.array(ZBulletinView) });
/** What the public reads of a bulletin: no officer's login name, no editing history. */
export const ZPublicBulletin = ZBulletinView.omit({ draftedBy: true, approvedBy: true, publishedBy: true, forecast: true });
export const ZPublicBulletinPage = z.object({ bulletins: z.array(ZPublicBulletin) });

export const ZSubscriptionInput = z.object({
  name: nameText(160), email: z.string().trim().email().max(200), unitId: ZId.nullable().default(null), locale: z.enum(['vi', 'en']).default('vi'),
}).strict();
export const ZSubscriptionView = z.object({ id: z.number(), name: z.string(), email: z.string(), unit: ZNamed.nullable(), locale: z.enum(['vi', 'en']), createdAt: z.date() });
export const ZUnsubscribe = z.object({ token: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/) }).strict();
