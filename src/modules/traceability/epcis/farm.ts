import fs from 'node:fs';
import { z } from 'zod';
import { referenceFile } from '../../../server/paths.js';

// Our farm steps, which CBV 2.0 lacks (no sowing, input or harvest step): bizStep URIs in our own namespace with the
// extension fields they carry (data/reference/traceability/farm-steps.json, FARM-STEPS.md). EPCIS allows a user
// vocabulary wherever CBV has one, so these events stay valid EPCIS for any partner; only the meaning is ours.

const ZFarm = z.object({
  namespace: z.string(),
  prefix: z.string(),
  steps: z.array(
    z.object({
      id: z.string(),
      uri: z.string(),
      nameVi: z.string(),
      nameEn: z.string(),
      eventType: z.string(),
      action: z.string(),
      fields: z.array(z.string()),
      required: z.array(z.string()).optional(),
    }),
  ),
  fields: z.array(z.object({ name: z.string(), type: z.enum(['string', 'number', 'integer']), nameVi: z.string(), nameEn: z.string() }).passthrough()),
});
export type FarmStep = z.infer<typeof ZFarm>['steps'][number];

let farmData: z.infer<typeof ZFarm> | undefined;
export const farmVocabulary = () => (farmData ??= ZFarm.parse(JSON.parse(fs.readFileSync(referenceFile('traceability', 'farm-steps.json'), 'utf8'))));

/** The JSON-LD @context entry our events carry so that "tinhso:…" names expand to our namespace. */
export const farmContext = () => ({ [farmVocabulary().prefix]: farmVocabulary().namespace });

/** A value in our namespace written as a compact name ("tinhso:BizStep-sowing") or in full. */
function fullName(value: string): string {
  const { prefix, namespace } = farmVocabulary();
  return value.startsWith(`${prefix}:`) ? namespace + value.slice(prefix.length + 1) : value;
}

/** Our farm step a bizStep value names, or null when it names none. */
export function farmStep(bizStep: unknown): FarmStep | null {
  if (typeof bizStep !== 'string') return null;
  const uri = fullName(bizStep);
  return farmVocabulary().steps.find((s) => s.uri === uri) ?? null;
}

type Event = Record<string, unknown>;

/** An extension field of an event, found under its compact name or its full IRI. */
export function farmField(event: Event, compact: string): unknown {
  return compact in event ? event[compact] : event[fullName(compact)];
}

export interface FarmFieldProblem {
  field: string;
  code: 'required' | 'type';
}

/** What a farm-step event lacks or has of the wrong type among its step's fields; [] for other events. */
export function farmFieldProblems(event: Event): FarmFieldProblem[] {
  const step = farmStep(event.bizStep);
  if (!step) return [];
  const types = new Map(farmVocabulary().fields.map((f) => [f.name, f.type]));
  const problems: FarmFieldProblem[] = [];
  for (const field of step.fields) {
    const value = farmField(event, field);
    if (value === undefined) {
      if (step.required?.includes(field)) problems.push({ field, code: 'required' });
      continue;
    }
    const type = types.get(field);
    const fits = type === 'string' ? typeof value === 'string' : type === 'integer' ? Number.isInteger(value) && (value as number) >= 0 : typeof value === 'number';
    if (!fits) problems.push({ field, code: 'type' });
  }
  return problems;
}

/** The event's calendar day where it happened (its eventTimeZoneOffset), as days since 1970-01-01. */
function localDay(event: Event): number | null {
  const instant = Date.parse(String(event.eventTime));
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(String(event.eventTimeZoneOffset ?? '+00:00'));
  if (Number.isNaN(instant) || !m) return null;
  const offset = (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000;
  return Math.floor((instant + offset) / 86_400_000);
}
const isoDay = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);

export interface IntervalBreach {
  /** The spraying event: its eventID when it has one, else its position in the list given. */
  spraying: string | number;
  pesticide: string | null;
  sprayedOn: string;
  preHarvestIntervalDays: number;
  /** The first day a harvest was allowed again (the spraying day plus the interval), local dates. */
  harvestAllowedFrom: string;
  daysShort: number;
}

/**
 * The sprayings of a lot whose pre-harvest interval the harvest falls inside. The interval counts calendar days where
 * the farm is, as product labels and farmers do ("ngừng phun trước thu hoạch 7 ngày"): sprayed on the 1st with 7
 * days, harvest is allowed from the 8th at any hour. A spraying later than the harvest, or declared an error, does
 * not count; a spraying without a usable interval is not judged here (farmFieldProblems reports it).
 */
export function preHarvestIntervalBreaches(harvest: Event, sprayings: Event[]): IntervalBreach[] {
  const harvestDay = localDay(harvest);
  if (harvestDay === null) return [];
  const breaches: IntervalBreach[] = [];
  sprayings.forEach((spraying, index) => {
    if (farmStep(spraying.bizStep)?.id !== 'spraying' || spraying.errorDeclaration) return;
    const interval = Number(farmField(spraying, 'tinhso:preHarvestIntervalDays'));
    const day = localDay(spraying);
    if (day === null || !Number.isInteger(interval) || interval < 0) return;
    if (Date.parse(String(spraying.eventTime)) > Date.parse(String(harvest.eventTime))) return;
    const allowed = day + interval;
    if (harvestDay >= allowed) return;
    const pesticide = farmField(spraying, 'tinhso:pesticide');
    breaches.push({
      spraying: typeof spraying.eventID === 'string' ? spraying.eventID : index,
      pesticide: typeof pesticide === 'string' ? pesticide : null,
      sprayedOn: isoDay(day),
      preHarvestIntervalDays: interval,
      harvestAllowedFrom: isoDay(allowed),
      daysShort: allowed - harvestDay,
    });
  });
  return breaches;
}
