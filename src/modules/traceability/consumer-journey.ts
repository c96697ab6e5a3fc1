import { farmField, farmStep, farmVocabulary, preHarvestIntervalBreaches } from './epcis/farm.js';
import { cbv } from './epcis/vocabulary.js';
import { consumerReference } from './consumer-reference.js';
import type { JourneyRow } from './consumer-repo.js';
import type { ConsumerPage } from './consumer-schema.js';

// A lot's events as the consumer reads them: each step named in both languages (our farm steps, CBV's steps), its
// local date and place, and for farm steps the inputs used; and the pre-harvest interval breaches among them.

type Place = ConsumerPage['journey'][number]['place'];
type Event = Record<string, unknown>;

/** The step an event's stored bizStep names: our farm step, a CBV step, or an unnamed one. */
export function stepOf(bizStep: string | null): { code: string; nameVi: string; nameEn: string; farm: boolean } {
  const farm = farmStep(bizStep);
  if (farm) return { code: farm.id, nameVi: farm.nameVi, nameEn: farm.nameEn, farm: true };
  const { steps } = consumerReference();
  const prefix = cbv().vocabularies.bizStep.uriPrefix;
  const term = bizStep?.startsWith(prefix) ? bizStep.slice(prefix.length) : null;
  const names = (term && steps.bizStep[term]) || steps.unknown;
  return { code: term ?? 'other', nameVi: names[0], nameEn: names[1], farm: false };
}

/** The calendar day where the event happened (its eventTimeZoneOffset). */
export function localDate(event: Event, at: Date): string {
  const m = /^([+-])(\d{2}):(\d{2})$/.exec(String(event.eventTimeZoneOffset ?? '+07:00'));
  const offset = m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) * 60_000 : 7 * 3_600_000;
  return new Date(at.getTime() + offset).toISOString().slice(0, 10);
}

const UNITS: Record<string, [string, string]> = {
  KGM: ['kg', 'kg'], TNE: ['tấn', 't'], LTR: ['lít', 'L'], MTQ: ['m³', 'm³'], MTK: ['m²', 'm²'], GRM: ['g', 'g'], MLT: ['ml', 'ml'],
};
const written = (value: unknown): string | null =>
  typeof value === 'string' ? value.slice(0, 200) : typeof value === 'number' && Number.isFinite(value) ? String(value) : null;

/** The inputs of a farm step: each field of its step the event carries, a quantity with its unit. */
export function inputsOf(event: Event): ConsumerPage['journey'][number]['inputs'] {
  const step = farmStep(event.bizStep);
  if (!step) return [];
  const fields = new Map(farmVocabulary().fields.map((f) => [f.name, f]));
  const inputs: ConsumerPage['journey'][number]['inputs'] = [];
  for (const name of step.fields) {
    if (name.endsWith('Uom')) continue;
    const value = written(farmField(event, name));
    const spec = fields.get(name);
    if (value === null || !spec) continue;
    const uom = written(farmField(event, `${name}Uom`));
    const unit = uom ? ` ${UNITS[uom]?.[0] ?? uom}` : name === 'tinhso:preHarvestIntervalDays' ? ' ngày' : '';
    const unitEn = uom ? ` ${UNITS[uom]?.[1] ?? uom}` : name === 'tinhso:preHarvestIntervalDays' ? ' days' : '';
    const label = (s: string) => s.replace(/\s*\(.*\)$/, '');
    inputs.push({ field: name.replace(/^tinhso:/, ''), nameVi: label(spec.nameVi), nameEn: label(spec.nameEn), value: `${value}${unit}`, valueEn: `${value}${unitEn}` });
  }
  return inputs;
}

/** The journey of the rows given, with the places they name. */
export function journeyOf(rows: JourneyRow[], placeOf: (location: string | null) => Place): ConsumerPage['journey'] {
  return rows.map((r) => {
    const step = stepOf(r.biz_step);
    return {
      at: r.event_time, date: localDate(r.document, r.event_time), step: { code: step.code, nameVi: step.nameVi, nameEn: step.nameEn }, farm: step.farm,
      place: placeOf(r.biz_location) ?? placeOf(r.read_point), inputs: inputsOf(r.document),
    };
  });
}

/** Each harvest of the journey inside the pre-harvest interval of one of its sprayings, worded for the consumer. */
export function intervalWarnings(rows: JourneyRow[]): ConsumerPage['warnings'] {
  const sprayings = rows.filter((r) => farmStep(r.biz_step)?.id === 'spraying').map((r) => ({ ...r.document, eventID: r.event_id }));
  const warnings: ConsumerPage['warnings'] = [];
  for (const harvest of rows.filter((r) => farmStep(r.biz_step)?.id === 'harvesting')) {
    for (const b of preHarvestIntervalBreaches(harvest.document, sprayings)) {
      const what = b.pesticide ?? '—';
      const day = (iso: string) => iso.split('-').reverse().join('/');
      warnings.push({
        kind: 'pre_harvest_interval',
        message: {
          vi: `Thu hoạch ngày ${day(localDate(harvest.document, harvest.event_time))} khi chưa hết thời gian cách ly ${b.preHarvestIntervalDays} ngày của thuốc ${what} phun ngày ${day(b.sprayedOn)} (sớm ${b.daysShort} ngày).`,
          en: `Harvested on ${day(localDate(harvest.document, harvest.event_time))}, inside the ${b.preHarvestIntervalDays}-day pre-harvest interval of ${what} sprayed on ${day(b.sprayedOn)} (${b.daysShort} day(s) early).`,
        },
      });
    }
  }
  return warnings;
}
