import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { epcisDocument } from '../../../test/epcis-fixtures.js';
import { traceWorld, type TraceWorld } from '../../../test/traceability-setup.js';

let w: TraceWorld;
beforeAll(async () => { w = await traceWorld(); });
afterAll(() => w?.t.close());

const LOT_URN = 'urn:epc:class:lgtin:8931234.050002.HANH-XML';
const XML = `<?xml version="1.0" encoding="UTF-8"?>
<epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2" xmlns:tinhso="https://tinhso.vn/voc/" schemaVersion="2.0" creationDate="2026-11-30T03:00:00Z">
  <EPCISBody>
    <EventList>
      <ObjectEvent>
        <eventTime>2026-11-10T01:00:00.000Z</eventTime>
        <eventTimeZoneOffset>+07:00</eventTimeZoneOffset>
        <quantityList><quantityElement><epcClass>${LOT_URN}</epcClass><quantity>1.5</quantity><uom>TNE</uom></quantityElement></quantityList>
        <action>OBSERVE</action>
        <bizStep>tinhso:BizStep-spraying</bizStep>
        <bizLocation><id>urn:tinhso:place:2.HANH</id></bizLocation>
        <tinhso:pesticide>Anvil 5SC</tinhso:pesticide>
        <tinhso:preHarvestIntervalDays>7</tinhso:preHarvestIntervalDays>
      </ObjectEvent>
      <ObjectEvent>
        <eventTime>2026-11-20T03:00:00.000Z</eventTime>
        <eventTimeZoneOffset>+07:00</eventTimeZoneOffset>
        <quantityList><quantityElement><epcClass>${LOT_URN}</epcClass><quantity>1.5</quantity><uom>TNE</uom></quantityElement></quantityList>
        <action>OBSERVE</action>
        <bizStep>urn:epcglobal:cbv:bizstep:shipping</bizStep>
        <disposition>urn:epcglobal:cbv:disp:in_transit</disposition>
        <bizLocation><id>urn:tinhso:place:2.HANH</id></bizLocation>
        <bizTransactionList><bizTransaction type="urn:epcglobal:cbv:btt:inv">urn:tinhso:inv:2026-118</bizTransaction></bizTransactionList>
      </ObjectEvent>
    </EventList>
  </EPCISBody>
</epcis:EPCISDocument>`;

const send = (body: string | Record<string, unknown>, type: string) =>
  w.shallot.session.request({ method: 'POST', url: '/api/traceability/epcis/capture', payload: body, headers: { 'content-type': type } });

describe('EPCIS capture in XML', () => {
  it('stores an XML document as the JSON-LD it stands for, with the same event hash IDs', async () => {
    const res = await send(XML, 'application/xml');
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ success: true, eventCount: 2 });
    const list = (await w.shallot.session.request({ method: 'GET', url: `/api/traceability/epcis/events?MATCH_epcClass=${encodeURIComponent(LOT_URN)}` })).json().epcisBody.queryResults.resultsBody.eventList;
    expect(list).toHaveLength(2);
    expect(list[0]).toMatchObject({ type: 'ObjectEvent', 'tinhso:pesticide': 'Anvil 5SC', 'tinhso:preHarvestIntervalDays': 7, quantityList: [{ epcClass: LOT_URN, quantity: 1.5, uom: 'TNE' }] });
    expect(list[1].bizTransactionList).toEqual([{ type: 'urn:epcglobal:cbv:btt:inv', bizTransaction: 'urn:tinhso:inv:2026-118' }]);
    // The same events in JSON-LD, with the CBV terms written bare: the same hash IDs, so they are duplicates.
    const json = epcisDocument([
      { type: 'ObjectEvent', eventTime: '2026-11-10T08:00:00+07:00', eventTimeZoneOffset: '+07:00', quantityList: [{ epcClass: 'https://id.gs1.org/01/08931234500023/10/HANH-XML', quantity: 1.5, uom: 'TNE' }], action: 'OBSERVE', bizStep: 'https://tinhso.vn/voc/BizStep-spraying', bizLocation: { id: 'urn:tinhso:place:2.HANH' }, 'tinhso:pesticide': 'Anvil 5SC', 'tinhso:preHarvestIntervalDays': 7 },
      { type: 'ObjectEvent', eventTime: '2026-11-20T03:00:00Z', eventTimeZoneOffset: '+07:00', quantityList: [{ epcClass: LOT_URN, quantity: 1.5, uom: 'TNE' }], action: 'OBSERVE', bizStep: 'shipping', disposition: 'in_transit', bizLocation: { id: 'urn:tinhso:place:2.HANH' }, bizTransactionList: [{ type: 'inv', bizTransaction: 'urn:tinhso:inv:2026-118' }] },
    ]);
    const again = (await send(json, 'application/ld+json')).json();
    expect(again.success).toBe(false);
    expect(again.errors.map((e: { code: string }) => e.code)).toEqual(['duplicate', 'duplicate']);
    expect(again.errors.map((e: { detail: string }) => e.detail)).toEqual(list.map((e: { eventID: string }) => e.eventID));
  });

  it('refuses XML that is not well formed, not EPCIS, or declares entities, as problem+json', async () => {
    for (const [body, words] of [
      ['<epcis:EPCISDocument><EPCISBody>', /không đọc được/],
      ['<Something/>', /EPCISDocument/],
      ['<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaa">]><epcis:EPCISDocument xmlns:epcis="urn:epcglobal:epcis:xsd:2"/>', /DOCTYPE/],
    ] as const) {
      const res = await send(body, 'application/xml');
      expect(res.statusCode, body).toBe(400);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.json().title).toMatch(words);
    }
    // Well-formed EPCIS XML whose event breaks the model: refused with the pointer, as JSON-LD would be.
    const bad = XML.replace('<action>OBSERVE</action>', '<action>WATCH</action>');
    expect((await send(bad, 'text/xml')).json().error.details[0]).toMatchObject({ pointer: '/epcisBody/eventList/0/action', code: 'enum' });
  });
});
