import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceFile } from '../../../server/paths.js';
import { validateEpcisDocument, validateEpcisEvent } from './validate.js';

// The fixtures: the EPCIS 2.0 documents published with GS1's hash reference implementation (MIT, see
// data/reference/traceability/epcis/SOURCE.md), several of them the standard's own examples.
const dir = referenceFile('traceability', 'epcis', 'hash-vectors');
const documents = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.jsonld'))
  .map((f) => ({ name: f, doc: JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8')) }))
  .filter(({ doc }) => doc.type === 'EPCISDocument');

const event = () => ({
  type: 'ObjectEvent',
  eventTime: '2026-03-01T08:30:00.000+07:00',
  eventTimeZoneOffset: '+07:00',
  epcList: ['https://id.gs1.org/01/08930000123459/21/A1'],
  action: 'OBSERVE',
  bizStep: 'shipping',
  disposition: 'in_transit',
  readPoint: { id: 'https://id.gs1.org/414/8930000000019' },
  'tinhso:note': 'an extension',
});
const doc = (...events: object[]) => ({
  '@context': ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', { tinhso: 'https://tinhso.vn/voc/' }],
  type: 'EPCISDocument',
  schemaVersion: '2.0',
  creationDate: '2026-03-01T09:00:00Z',
  epcisBody: { eventList: events },
});
const pointers = (json: unknown) => validateEpcisDocument(json).map((p) => `${p.pointer} ${p.code}`);

describe('validateEpcisDocument', () => {
  it('accepts the published example documents', () => {
    expect(documents.length).toBeGreaterThanOrEqual(15);
    for (const { name, doc: d } of documents) expect([name, validateEpcisDocument(d)]).toEqual([name, []]);
  });

  it('accepts our own event with an extension in our namespace', () => {
    expect(validateEpcisDocument(doc(event()))).toEqual([]);
  });

  it('names a missing eventTime', () => {
    const { eventTime: _, ...e } = event();
    expect(pointers(doc(e))).toEqual(['/epcisBody/eventList/0/eventTime required']);
  });

  it('names a bad eventTimeZoneOffset and a time stamp without its zone', () => {
    expect(pointers(doc({ ...event(), eventTimeZoneOffset: '+7:00' }))).toEqual(['/epcisBody/eventList/0/eventTimeZoneOffset pattern']);
    expect(pointers(doc({ ...event(), eventTimeZoneOffset: '+15:00', eventTime: '2026-03-01T08:30:00' }))).toEqual([
      '/epcisBody/eventList/0/eventTime format',
      '/epcisBody/eventList/0/eventTimeZoneOffset pattern',
    ]);
  });

  it('names an unknown event type', () => {
    expect(pointers(doc({ ...event(), type: 'HarvestEvent' }))).toEqual(['/epcisBody/eventList/0/type enum']);
  });

  it('names a wrong or missing action, and an action where the type has none', () => {
    expect(pointers(doc({ ...event(), action: 'UPDATE' }))).toEqual(['/epcisBody/eventList/0/action enum']);
    const { action: _, ...noAction } = event();
    expect(pointers(doc(noAction))).toEqual(['/epcisBody/eventList/0/action required']);
    const transformation = { ...event(), type: 'TransformationEvent' };
    expect(pointers(doc(transformation))).toEqual(['/epcisBody/eventList/0/epcList additional', '/epcisBody/eventList/0/action additional']);
  });

  it('reports every problem of every event, with a message', () => {
    const problems = validateEpcisDocument(doc(event(), { ...event(), bizStep: 'sowing', note: 'x' }, { ...event(), readPoint: {} }));
    expect(problems.map((p) => `${p.pointer} ${p.code}`)).toEqual([
      '/epcisBody/eventList/1/note additional',
      '/epcisBody/eventList/1/bizStep cbv',
      '/epcisBody/eventList/2/readPoint/id required',
    ]);
    expect(problems.every((p) => p.detail.length > 0)).toBe(true);
  });

  it('accepts a bizStep of another namespace but not a bare word CBV lacks', () => {
    expect(pointers(doc({ ...event(), bizStep: 'https://tinhso.vn/voc/BizStep-sowing' }))).toEqual([]);
    expect(pointers(doc({ ...event(), disposition: 'https://ref.gs1.org/cbv/Disp-ripe' }))).toEqual(['/epcisBody/eventList/0/disposition cbv']);
  });

  it('checks the envelope', () => {
    expect(pointers({ ...doc(event()), schemaVersion: 1, creationDate: 'yesterday' })).toEqual(['/schemaVersion type', '/creationDate format']);
    expect(pointers({ type: 'EPCISDocument' })).toEqual(['/@context required', '/schemaVersion required', '/creationDate required', '/epcisBody required']);
  });

  it('validates a single event', () => {
    expect(validateEpcisEvent(event())).toEqual([]);
    expect(validateEpcisEvent({ ...event(), eventTimeZoneOffset: 'Z' }).map((p) => p.pointer)).toEqual(['/eventTimeZoneOffset']);
  });
});
