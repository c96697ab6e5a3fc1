import farmSteps from '../../../../data/reference/traceability/farm-steps.json';
import consumer from '../../../../data/reference/traceability/consumer.json';

// The steps a producer records and a journey shows: our farm steps (farm-steps.json) and the CBV 2.0 business steps
// named in both languages (consumer.json), both read at build time: no route lists them, and the form opens offline.

export interface FarmField { name: string; type: 'string' | 'number' | 'integer'; nameVi: string; nameEn: string; enum?: string[]; minimum?: number; unit?: string }
export interface StepChoice { id: string; kind: 'farm' | 'cbv'; uri: string; nameVi: string; nameEn: string; action: 'ADD' | 'OBSERVE'; fields: FarmField[]; required: string[]; disposition?: string }

export const FARM_PREFIX = farmSteps.prefix;
export const FARM_NAMESPACE = farmSteps.namespace;
export const EPCIS_CONTEXT = 'https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld';
const CBV_STEP = 'https://ref.gs1.org/cbv/BizStep-';
const CBV_DISP = 'https://ref.gs1.org/cbv/Disp-';

const FIELDS = new Map((farmSteps.fields as FarmField[]).map((f) => [f.name, f]));
const CBV_NAMES = consumer.steps.bizStep as unknown as Record<string, [string, string]>;

/** The CBV steps a farm or a cooperative records after the harvest, with the disposition each leaves the goods in. */
const CBV_OFFERED: { id: string; disposition?: string }[] = [
  { id: 'packing' }, { id: 'storing' }, { id: 'inspecting' }, { id: 'loading' }, { id: 'shipping', disposition: 'in_transit' }, { id: 'receiving' },
];

export const STEPS: StepChoice[] = [
  ...farmSteps.steps.map((s) => ({
    id: s.id, kind: 'farm' as const, uri: s.uri, nameVi: s.nameVi, nameEn: s.nameEn, action: s.action as 'ADD' | 'OBSERVE',
    fields: s.fields.map((f) => FIELDS.get(f)!).filter(Boolean), required: (s as { required?: string[] }).required ?? [],
  })),
  ...CBV_OFFERED.map((c) => ({
    id: c.id, kind: 'cbv' as const, uri: `${CBV_STEP}${c.id}`, nameVi: CBV_NAMES[c.id]![0], nameEn: CBV_NAMES[c.id]![1], action: 'OBSERVE' as const,
    fields: [], required: [], ...(c.disposition ? { disposition: `${CBV_DISP}${c.disposition}` } : {}),
  })),
];

/** A business step as a journey shows it: our farm step's name, a CBV step's, or the term itself. */
export function stepName(bizStep: string | undefined, lang: string): string {
  const en = lang === 'en';
  if (!bizStep) return en ? consumer.steps.unknown[1]! : consumer.steps.unknown[0]!;
  const farm = farmSteps.steps.find((s) => s.uri === bizStep || `${FARM_PREFIX}:${s.uri.slice(FARM_NAMESPACE.length)}` === bizStep);
  if (farm) return en ? farm.nameEn : farm.nameVi;
  const term = /(?:BizStep-|bizstep:)([a-z_]+)$/.exec(bizStep)?.[1];
  const names = term ? CBV_NAMES[term] : undefined;
  return names ? (en ? names[1] : names[0]) : bizStep;
}

/** A farm field's label in the reader's language, found by its full or compact name. */
export function fieldOf(key: string): FarmField | undefined {
  if (FIELDS.has(key)) return FIELDS.get(key);
  if (key.startsWith(FARM_NAMESPACE)) return FIELDS.get(`${FARM_PREFIX}:${key.slice(FARM_NAMESPACE.length)}`);
  return undefined;
}
