// EPCIS 2.0 documents for the traceability tests: a rice lot's season from sowing to shipping, as a cooperative's
// phone or system would send it.

export const CONTEXT = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { tinhso: 'https://tinhso.vn/voc/' }];

export const lotClass = (gtin: string, lot: string) => `https://id.gs1.org/01/${gtin}/10/${lot}`;

export function epcisDocument(events: Record<string, unknown>[]) {
  return { '@context': CONTEXT, type: 'EPCISDocument', schemaVersion: '2.0', creationDate: '2026-11-30T03:00:00Z', epcisBody: { eventList: events } };
}

const at = (day: string, hour = 8) => `${day}T${String(hour - 7).padStart(2, '0')}:00:00.000Z`;

/** A farm step on a lot at a place: sowing, fertilising, spraying, irrigating or harvesting. */
export function farmEvent(step: string, day: string, lot: string, place: string, extra: Record<string, unknown> = {}) {
  return {
    type: 'ObjectEvent', eventTime: at(day), eventTimeZoneOffset: '+07:00', quantityList: [{ epcClass: lot, quantity: 1, uom: 'TNE' }],
    action: step === 'sowing' || step === 'harvesting' ? 'ADD' : 'OBSERVE', bizStep: `tinhso:BizStep-${step}`, bizLocation: { id: place }, readPoint: { id: place }, ...extra,
  };
}

export const spraying = (day: string, lot: string, place: string, days: number, pesticide = 'Chess 50WG') =>
  farmEvent('spraying', day, lot, place, { 'tinhso:pesticide': pesticide, 'tinhso:preHarvestIntervalDays': days });

/** A CBV step (shipping, receiving, packing…) of a lot. */
export function cbvEvent(bizStep: string, day: string, lot: string, place: string, extra: Record<string, unknown> = {}) {
  return { type: 'ObjectEvent', eventTime: at(day, 10), eventTimeZoneOffset: '+07:00', quantityList: [{ epcClass: lot, quantity: 2, uom: 'TNE' }], action: 'OBSERVE', bizStep, bizLocation: { id: place }, ...extra };
}

/** A season of a lot: sowing, fertilising, a spraying with its interval, harvest after it, packing and shipping. */
export function season(lot: string, place: string, harvestDay = '2026-11-20') {
  return [
    farmEvent('sowing', '2026-08-01', lot, place, { 'tinhso:crop': 'Lúa', 'tinhso:variety': 'ST25' }),
    farmEvent('fertilising', '2026-08-20', lot, place, { 'tinhso:fertiliser': 'NPK 20-20-15', 'tinhso:amount': 150, 'tinhso:amountUom': 'kg' }),
    spraying('2026-10-30', lot, place, 14),
    farmEvent('harvesting', harvestDay, lot, place, { 'tinhso:crop': 'Lúa', 'tinhso:harvestedQuantity': 6.5, 'tinhso:harvestedQuantityUom': 't' }),
    cbvEvent('packing', '2026-11-22', lot, place),
    cbvEvent('shipping', '2026-11-25', lot, place, { disposition: 'in_transit' }),
  ];
}
