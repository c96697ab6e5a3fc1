import { describe, expect, it } from 'vitest';
import { farmContext, farmFieldProblems, farmStep, farmVocabulary, preHarvestIntervalBreaches } from './farm.js';
import { eventHashId } from './hash.js';
import { validateEpcisEvent } from './validate.js';

const LOT = 'https://id.gs1.org/01/08930000123459/10/LUA-2026-01';
const farmEvent = (step: string, eventTime: string, extra: Record<string, unknown> = {}) => ({
  type: 'ObjectEvent',
  eventTime,
  eventTimeZoneOffset: '+07:00',
  quantityList: [{ epcClass: LOT }],
  action: step === 'harvesting' || step === 'sowing' ? 'ADD' : 'OBSERVE',
  bizStep: `https://tinhso.vn/voc/BizStep-${step}`,
  readPoint: { id: 'https://id.gs1.org/414/8930000000019' },
  ...extra,
});
const spraying = (eventTime: string, days: number, pesticide = 'Regent 800WG', extra: Record<string, unknown> = {}) =>
  farmEvent('spraying', eventTime, { 'tinhso:pesticide': pesticide, 'tinhso:preHarvestIntervalDays': days, ...extra });

describe('farm steps', () => {
  it('documents every step with both names and known fields', () => {
    const { steps, fields, namespace } = farmVocabulary();
    expect(steps.map((s) => s.id)).toEqual(['sowing', 'fertilising', 'spraying', 'irrigating', 'harvesting']);
    const known = new Set(fields.map((f) => f.name));
    for (const step of steps) {
      expect(step.uri).toBe(`${namespace}BizStep-${step.id}`);
      expect(step.nameVi && step.nameEn).toBeTruthy();
      for (const field of step.fields) expect(known.has(field), field).toBe(true);
    }
    expect(farmContext()).toEqual({ tinhso: 'https://tinhso.vn/voc/' });
  });

  it('recognises a step by its URI or compact name', () => {
    expect(farmStep('https://tinhso.vn/voc/BizStep-harvesting')?.nameVi).toBe('Thu hoạch');
    expect(farmStep('tinhso:BizStep-spraying')?.id).toBe('spraying');
    expect(farmStep('receiving')).toBeNull();
  });

  it('makes valid EPCIS events that hash', () => {
    const event = spraying('2026-03-01T07:00:00+07:00', 7);
    expect(validateEpcisEvent(event)).toEqual([]);
    expect(farmFieldProblems(event)).toEqual([]);
    expect(eventHashId(event, { prefixes: farmContext() })).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
  });

  it("names a spraying's missing or mistyped fields", () => {
    const event = farmEvent('spraying', '2026-03-01T07:00:00+07:00', { 'tinhso:preHarvestIntervalDays': '7', 'tinhso:dose': 2 });
    expect(farmFieldProblems(event)).toEqual([
      { field: 'tinhso:pesticide', code: 'required' },
      { field: 'tinhso:preHarvestIntervalDays', code: 'type' },
    ]);
  });
});

describe('preHarvestIntervalBreaches', () => {
  const harvest = farmEvent('harvesting', '2026-03-08T06:00:00+07:00');

  it('counts calendar days where the farm is', () => {
    // Sprayed at 17:00 on 1 March with 7 days: harvest is allowed from 8 March, at any hour (here 06:00).
    expect(preHarvestIntervalBreaches(harvest, [spraying('2026-03-01T17:00:00+07:00', 7)])).toEqual([]);
    // 1 March 23:30 UTC is 2 March 06:30 at the farm: the farm's day counts, so 8 March is one day short.
    expect(preHarvestIntervalBreaches(harvest, [spraying('2026-03-01T23:30:00Z', 7)])).toEqual([
      { spraying: 0, pesticide: 'Regent 800WG', sprayedOn: '2026-03-02', preHarvestIntervalDays: 7, harvestAllowedFrom: '2026-03-09', daysShort: 1 },
    ]);
  });

  it('names each spraying whose interval the harvest falls inside', () => {
    const sprayings = [
      spraying('2026-02-10T07:00:00+07:00', 14, 'Anvil 5SC'),
      spraying('2026-03-04T07:00:00+07:00', 7, 'Radiant 60SC', { eventID: 'urn:uuid:0b9b5a40-0000-4000-8000-000000000001' }),
      spraying('2026-03-06T07:00:00+07:00', 3, 'Actara 25WG'),
      spraying('2026-03-07T07:00:00+07:00', 21, 'Retracted', { errorDeclaration: { declarationTime: '2026-03-07T09:00:00+07:00' } }),
      spraying('2026-03-09T07:00:00+07:00', 7, 'After the harvest'),
      farmEvent('irrigating', '2026-03-07T07:00:00+07:00'),
    ];
    const breaches = preHarvestIntervalBreaches(harvest, sprayings);
    expect(breaches.map((b) => [b.spraying, b.pesticide, b.harvestAllowedFrom, b.daysShort])).toEqual([
      ['urn:uuid:0b9b5a40-0000-4000-8000-000000000001', 'Radiant 60SC', '2026-03-11', 3],
      [2, 'Actara 25WG', '2026-03-09', 1],
    ]);
  });

  it('reads the interval under its full IRI too, and the same day with a zero interval is allowed', () => {
    const full = farmEvent('spraying', '2026-03-08T05:00:00+07:00', { 'https://tinhso.vn/voc/preHarvestIntervalDays': 1 });
    expect(preHarvestIntervalBreaches(harvest, [full]).map((b) => b.daysShort)).toEqual([1]);
    expect(preHarvestIntervalBreaches(harvest, [spraying('2026-03-08T05:00:00+07:00', 0)])).toEqual([]);
  });
});
