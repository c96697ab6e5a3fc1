import { AppError } from '../../server/errors.js';
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { SYSTEM } from '../../core/access/index.js';
import { addDays, vnDate } from '../../core/calendar/index.js';
import { findByCode } from '../../core/org-units/index.js';
import type { Db } from '../../db/database.js';
import { REPO_ROOT } from '../../server/paths.js';
import { captureDocument } from './capture.js';
import { addCertificate } from './certificates.js';
import { monthsBetween, publishTraceabilityFigures } from './figures.js';
import { createLot } from './lots.js';
import { createPlace } from './places.js';
import { createProducerAccount, registerProducer, verifyProducer } from './producers.js';
import { createProduct } from './products.js';
import { producerWith } from './repo.js';
import { ZCertificateInput, ZPlaceInput, ZProducerInput, ZProductInput } from './schema.js';

// The traceability demo (data/demo/traceability.json): invented Sóc Trăng producers with their places, products,
// certificates and lots, made through the module's use cases; with `events`, a season of EPCIS events per lot
// captured through the capture pipeline (so the hash chains are real), a few scans, and the months' figures.

const ZStep = z.object({
  day: z.number().int(), step: z.string().optional(), cbv: z.string().optional(), action: z.enum(['ADD', 'OBSERVE']).optional(),
  disposition: z.string().optional(), fields: z.record(z.string(), z.unknown()).optional(),
});
const ZLot = z.object({
  lot: z.string(), day: z.number().int().max(0), expiryDays: z.number().int().positive().optional(), quantity: z.number(), uom: z.string(), place: z.string(), season: z.string(),
});
const ZDemo = z.object({
  asOf: z.iso.date(),
  account: z.object({ username: z.string(), displayName: z.string(), email: z.string() }),
  seasons: z.record(z.string(), z.array(ZStep)),
  producers: z.array(z.object({
    status: z.enum(['pending', 'verified']), unitCode: z.string(),
    places: z.array(z.looseObject({ unitCode: z.string() })),
    certificates: z.array(z.looseObject({ product: z.string().optional() })),
    products: z.array(z.looseObject({ lots: z.array(ZLot) })),
  }).loose()),
  scans: z.object({ perLot: z.number().int().min(0), days: z.number().int().positive() }),
});

export const readDemoTraceability = () => ZDemo.parse(JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'data', 'demo', 'traceability.json'), 'utf8')));

/** 08:00 in Việt Nam on a day. */
const morning = (day: string) => `${day}T01:00:00.000Z`;
const without = <T extends Record<string, unknown>>(o: T, ...keys: string[]) => Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

function seasonEvents(steps: z.infer<typeof ZStep>[], lotDay: string, lotClass: string, place: string, quantity: number, uom: string) {
  return steps.map((s) => ({
    type: 'ObjectEvent', eventTime: morning(addDays(lotDay, s.day)), eventTimeZoneOffset: '+07:00', quantityList: [{ epcClass: lotClass, quantity, uom }],
    action: s.action ?? (s.step === 'sowing' || s.step === 'harvesting' ? 'ADD' : 'OBSERVE'), bizStep: s.step ? `tinhso:BizStep-${s.step}` : s.cbv,
    ...(s.disposition && { disposition: s.disposition }), bizLocation: { id: place }, readPoint: { id: place }, ...s.fields,
  }));
}

export interface DemoTraceability { producers: number; products: number; lots: number; events: number }

/** Loads the demo; `events` whether to capture the seasons too. */
export async function loadDemoTraceability(db: Db, now: Date, options: { events: boolean }): Promise<DemoTraceability> {
  const demo = readDemoTraceability();
  const today = vnDate(now);
  const unitOf = async (code: string) => {
    const unit = await findByCode(db, code, demo.asOf);
    if (!unit) throw new Error(`traceability demo: no unit ${code} on ${demo.asOf}`);
    return unit.id;
  };
  const captures: { at: Date; producerId: number; events: Record<string, unknown>[] }[] = [];
  const lotIds: { id: number; productId: number }[] = [];
  const done: DemoTraceability = { producers: 0, products: 0, lots: 0, events: 0 };
  for (const p of demo.producers) {
    const input = ZProducerInput.parse({ ...without(p, 'status', 'unitCode', 'places', 'certificates', 'products'), unitId: await unitOf(p.unitCode) });
    const producer = await registerProducer({ db, actor: SYSTEM, input, now });
    const producerId = producer.id;
    done.producers++;
    if (p.status === 'verified') await verifyProducer({ db, actor: SYSTEM, id: producerId, status: 'verified', now });
    const places = new Map<string, string>();
    const placeIds = new Map<string, number>();
    for (const place of p.places) {
      const made = await createPlace({ db, actor: SYSTEM, producerId, input: ZPlaceInput.parse({ ...without(place, 'unitCode'), unitId: await unitOf(place.unitCode) }) });
      places.set(made.code, made.location);
      placeIds.set(made.code, made.id);
    }
    const productIds = new Map<string, number>();
    for (const product of p.products) {
      const made = await createProduct({ db, actor: SYSTEM, producerId, input: ZProductInput.parse(without(product, 'lots')), now });
      productIds.set(made.gtin, made.id);
      done.products++;
      for (const lot of product.lots) {
        const day = addDays(today, lot.day);
        const created = await createLot({
          db, actor: SYSTEM, productId: made.id, now, publicUrl: '',
          input: { lot: lot.lot, productionDate: day, expiryDate: lot.expiryDays ? addDays(day, lot.expiryDays) : null, quantity: lot.quantity, uom: lot.uom, placeId: placeIds.get(lot.place) ?? null },
        });
        lotIds.push({ id: created.id, productId: made.id });
        done.lots++;
        const steps = demo.seasons[lot.season];
        if (!steps) throw new Error(`traceability demo: no season ${lot.season}`);
        const events = seasonEvents(steps, day, `https://id.gs1.org/01/${made.gtin}/10/${lot.lot}`, places.get(lot.place) ?? lot.place, lot.quantity, lot.uom);
        const last = Math.max(...events.map((e) => Date.parse(e.eventTime)));
        captures.push({ at: new Date(Math.min(last + 2 * 3600_000, now.getTime())), producerId, events });
      }
    }
    for (const c of p.certificates) {
      const input = ZCertificateInput.parse({ ...without(c, 'product'), productId: c.product ? (productIds.get(`0${c.product}`) ?? null) : null });
      await addCertificate({ db, actor: SYSTEM, producerId, input, evidence: null, now });
    }
  }
  if (!options.events) return done;
  // Captured in the order they would have been, each when its lot's last step was done: record times spread over the season.
  for (const c of captures.sort((a, b) => a.at.getTime() - b.at.getTime())) {
    const document = { '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld'], type: 'EPCISDocument', schemaVersion: '2.0', creationDate: c.at.toISOString(), epcisBody: { eventList: c.events } };
    const job = await captureDocument({ db, actor: SYSTEM, producerId: c.producerId, document, now: c.at, locale: 'vi' });
    if (!job.success) throw new Error(`traceability demo: capture refused: ${JSON.stringify(job.errors.slice(0, 2))}`);
    done.events += job.eventCount;
  }
  const scans = lotIds.flatMap((l, i) => Array.from({ length: demo.scans.perLot }, (_, k) => ({
    at: new Date(now.getTime() - (((i * 7 + k * 3) % demo.scans.days) + 1) * 86_400_000), product_id: l.productId, lot_id: l.id, serial: null, lat: null, lon: null,
  })));
  if (scans.length) await db.insertInto('trace_scan').values(scans).execute();
  const first = captures.reduce((min, c) => Math.min(min, ...c.events.map((e) => Date.parse(String(e.eventTime)))), now.getTime());
  await publishTraceabilityFigures(db, monthsBetween(vnDate(new Date(first)).slice(0, 7), today.slice(0, 7)));
  return done;
}

/**
 * The first producer's demo account (role producer, the demo accounts' password), made by the module's use case once
 * the demo is loaded: createUser opens a transaction of its own, so this runs after the demo's.
 */
export async function createDemoProducerAccount(db: Db, password: string): Promise<void> {
  const demo = readDemoTraceability();
  const first = await producerWith(db, 'tax_code', String(demo.producers[0]?.taxCode ?? ''));
  if (!first) return;
  try {
    await createProducerAccount({ db, actor: SYSTEM, producerId: Number(first.id), input: { ...demo.account, password } });
  } catch (err) {
    // Two processes starting on one empty demo database both get here: the second finds the account made.
    if (!(err instanceof AppError && err.code === 'already_exists')) throw err;
  }
}
