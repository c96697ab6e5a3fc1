import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { referenceFile } from '../../../server/paths.js';
import { canonicalNumber, utcMillis } from './canonical.js';
import { documentEvents } from './document.js';
import { canonicalIdentifier } from './canonical-id.js';
import { eventHashId, preHashString } from './hash.js';

// The test vectors of GS1's reference implementation (RalphTro/epcis-event-hash-generator, tests/examples): every
// JSON-LD example with the hashes, and where published the pre-hash strings, that implementation computes.
const dir = referenceFile('traceability', 'epcis', 'hash-vectors');
const sha256Id = (pre: string) => `ni:///sha-256;${createHash('sha256').update(pre).digest('hex')}?ver=CBV2.0`;
const lines = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter(Boolean) : []);
const vectors = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.jsonld'))
  .map((f) => {
    const name = f.slice(0, -'.jsonld'.length);
    const doc = JSON.parse(fs.readFileSync(`${dir}/${f}`, 'utf8'));
    // These two documents list, in the repository's own namespace, the fields it added and the hash leaves out.
    const ignoreFields: string[] = doc['repository-x:ignoreFields'] ?? doc.epcisBody?.queryResults?.['repository-x:ignoreFields'] ?? [];
    return { name, doc, ignoreFields, hashes: lines(`${dir}/${name}.hashes`), prehashes: lines(`${dir}/${name}.prehashes`) };
  });

describe('CBV 2.0 event hash ID against the reference implementation\'s test vectors', () => {
  it('has the vectors', () => expect(vectors.length).toBeGreaterThanOrEqual(20));

  for (const { name, doc, ignoreFields, hashes, prehashes } of vectors) {
    it(name, () => {
      const { events, prefixes } = documentEvents(doc);
      expect(events.length).toBe(hashes.length);
      events.forEach((event, i) => {
        // Some published pre-hash files lag behind their hashes; only one that hashes to its hash is a vector.
        const pre = prehashes[i];
        if (pre && sha256Id(pre) === hashes[i]) expect(preHashString(event, { prefixes, ignoreFields })).toBe(pre);
        expect(eventHashId(event, { prefixes, ignoreFields })).toBe(hashes[i]);
      });
    });
  }
});

describe('event hash ID properties', () => {
  const event = {
    type: 'ObjectEvent',
    eventTime: '2026-03-01T08:30:00+07:00',
    eventTimeZoneOffset: '+07:00',
    epcList: ['urn:epc:id:sgtin:8930000.012345.A1', 'urn:epc:id:sgtin:8930000.012345.A2'],
    action: 'OBSERVE',
    bizStep: 'shipping',
    readPoint: { id: 'urn:epc:id:sgln:8930000.00001.0' },
  };

  it('does not depend on key order, list order, time zone spelling, record time or event ID', () => {
    const same = {
      recordTime: '2026-03-02T00:00:00Z',
      eventID: 'urn:uuid:5c1b2b4e-0000-4000-8000-000000000000',
      readPoint: { id: 'https://example.vn/414/8930000000019?linkType=all' },
      bizStep: 'https://ref.gs1.org/cbv/BizStep-shipping',
      action: 'OBSERVE',
      epcList: ['https://shop.example/01/8930000123459/21/A2', 'urn:epc:id:sgtin:8930000.012345.A1'],
      eventTimeZoneOffset: '+07:00',
      eventTime: '2026-03-01T01:30:00.000Z',
      type: 'ObjectEvent',
    };
    expect(eventHashId(same)).toBe(eventHashId(event));
    expect(eventHashId(event)).toMatch(/^ni:\/\/\/sha-256;[0-9a-f]{64}\?ver=CBV2\.0$/);
  });

  it('changes with any field', () => {
    expect(eventHashId({ ...event, bizStep: 'receiving' })).not.toBe(eventHashId(event));
    expect(eventHashId({ ...event, 'tinhso:note': 'x' }, { prefixes: { tinhso: 'https://tinhso.vn/voc/' } })).not.toBe(eventHashId(event));
  });

  it('writes user extensions with their full namespace, sorted', () => {
    const pre = preHashString({ ...event, 'tinhso:b': '2', 'tinhso:a': { 'tinhso:c': '1.50' } }, { prefixes: { tinhso: 'https://tinhso.vn/voc/' } });
    expect(pre.endsWith('{https://tinhso.vn/voc/}a{https://tinhso.vn/voc/}c=1.5{https://tinhso.vn/voc/}b=2')).toBe(true);
  });
});

describe('canonical values', () => {
  it('writes time stamps in UTC with milliseconds, the fourth decimal rounding', () => {
    expect(utcMillis('2020-03-04T11:00:30+01:00')).toBe('2020-03-04T10:00:30.000Z');
    expect(utcMillis('2023-01-18T11:04:03.1415Z')).toBe('2023-01-18T11:04:03.142Z');
    expect(utcMillis('2023-12-31T23:59:59.9996Z')).toBe('2024-01-01T00:00:00.000Z');
    expect(utcMillis('not a time')).toBe('not a time');
  });

  it('writes numbers without trailing zeros', () => {
    expect(canonicalNumber('1.0')).toBe('1');
    expect(canonicalNumber('+0.3434000')).toBe('0.3434');
    expect(canonicalNumber('0.00001')).toBe('1e-05');
    expect(canonicalNumber('KGM')).toBe('KGM');
  });

  it('turns EPC URIs and foreign Digital Links into constrained canonical Digital Links', () => {
    expect(canonicalIdentifier('urn:epc:id:sgtin:0614141.107346.2017')).toBe('https://id.gs1.org/01/10614141073464/21/2017');
    expect(canonicalIdentifier('urn:epc:id:sscc:4012345.0000000333')).toBe('https://id.gs1.org/00/040123450000003338');
    expect(canonicalIdentifier('urn:epc:id:sgln:4012345.00011.987')).toBe('https://id.gs1.org/414/4012345000115/254/987');
    expect(canonicalIdentifier('urn:epc:id:sgln:4012345.00011.0')).toBe('https://id.gs1.org/414/4012345000115');
    expect(canonicalIdentifier('urn:epc:class:lgtin:4012345.012345.998877')).toBe('https://id.gs1.org/01/04012345123456/10/998877');
    expect(canonicalIdentifier('urn:epc:idpat:sgtin:4012345.012345.*')).toBe('https://id.gs1.org/01/04012345123456');
    expect(canonicalIdentifier('https://brand.example/01/4012345123456/22/A/10/L1/21/S1?17=261231')).toBe('https://id.gs1.org/01/04012345123456/21/S1');
    expect(canonicalIdentifier('http://transaction.acme.com/po/12345678')).toBeNull();
  });
});
