import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cbvEvent, epcisDocument, lotClass, season } from '../../../test/epcis-fixtures.js';
import { traceWorld, type TraceWorld } from '../../../test/traceability-setup.js';
import { validateEpcisEvent } from './epcis/validate.js';

let w: TraceWorld;
const GTIN = '08931234500023';
const LOT = lotClass(GTIN, 'Q-01');
const PLACE = 'urn:tinhso:place:1.Q';
const PALLET = 'urn:epc:id:sscc:8931234.0000000017';
const SGTIN = 'urn:epc:id:sgtin:8931234.050002.1001';
beforeAll(async () => {
  w = await traceWorld();
  const events = [
    ...season(LOT, PLACE),
    { type: 'AggregationEvent', eventTime: '2026-11-26T02:00:00Z', eventTimeZoneOffset: '+07:00', parentID: PALLET, childEPCs: [SGTIN], action: 'ADD', bizStep: 'packing', bizLocation: { id: PLACE } },
    { ...cbvEvent('storing', '2026-11-27', LOT, 'urn:tinhso:place:1.KHO'), sensorElementList: [{ sensorMetadata: { time: '2026-11-27T03:00:00Z' }, sensorReport: [{ type: 'Temperature', value: 18.5, uom: 'CEL' }, { type: 'RelativeHumidity', value: 62, uom: 'A93' }] }] },
  ];
  const res = await w.rice.session.request({ method: 'POST', url: '/api/traceability/epcis/capture', payload: epcisDocument(events) });
  expect(res.json().success, res.body).toBe(true);
});
afterAll(() => w?.t.close());

const query = async (params: string, session = w.rice.session) => {
  const res = await session.request({ method: 'GET', url: `/api/traceability/epcis/events?${params}` });
  expect(res.statusCode, res.body).toBe(200);
  return { list: res.json().epcisBody.queryResults.resultsBody.eventList as Record<string, unknown>[], link: res.headers.link as string | undefined, body: res.json() };
};
const enc = encodeURIComponent;

describe('the EPCIS query interface', () => {
  it('answers a query document whose every event is valid EPCIS 2.0', async () => {
    const { list, body } = await query(`MATCH_anyEPCClass=${enc(LOT)}`);
    expect(body).toMatchObject({ type: 'EPCISQueryDocument', schemaVersion: '2.0', epcisBody: { queryResults: { queryName: 'SimpleEventQuery' } } });
    expect(body['@context'][1]).toEqual({ tinhso: 'https://tinhso.vn/voc/' });
    expect(list).toHaveLength(7);
    for (const event of list) expect(validateEpcisEvent(event), JSON.stringify(event)).toEqual([]);
    expect(list.at(-1)!.sensorElementList).toEqual([expect.objectContaining({ sensorReport: [expect.objectContaining({ type: 'Temperature', value: 18.5 }), expect.anything()] })]);
  });

  it('filters by each standard parameter', async () => {
    expect((await query('eventType=AggregationEvent')).list.map((e) => e.parentID)).toEqual([PALLET]);
    expect((await query('eventType=ObjectEvent|AggregationEvent&EQ_bizStep=packing')).list).toHaveLength(2);
    expect((await query(`EQ_bizStep=${enc('https://ref.gs1.org/cbv/BizStep-shipping')}`)).list).toHaveLength(1);
    expect((await query('EQ_bizStep=urn:epcglobal:cbv:bizstep:shipping')).list).toHaveLength(1);
    expect((await query('EQ_bizStep=tinhso:BizStep-spraying')).list).toHaveLength(1);
    expect((await query('EQ_disposition=in_transit')).list).toHaveLength(1);
    expect((await query(`EQ_bizLocation=${enc('urn:tinhso:place:1.KHO')}`)).list).toHaveLength(1);
    expect((await query('GE_eventTime=2026-11-20T00:00:00Z&LT_eventTime=2026-11-26T00:00:00Z')).list).toHaveLength(3);
    // MATCH_epc reads the EPC lists, MATCH_anyEPC the parent too; a Digital Link and its URN are one identifier.
    expect((await query(`MATCH_epc=${enc(PALLET)}`)).list).toHaveLength(0);
    expect((await query(`MATCH_anyEPC=${enc(PALLET)}`)).list).toHaveLength(1);
    expect((await query(`MATCH_epc=${enc(`https://id.gs1.org/01/${GTIN}/21/1001`)}`)).list).toHaveLength(1);
    expect((await query(`MATCH_epcClass=${enc('urn:epc:class:lgtin:8931234.050002.Q-01')}`)).list).toHaveLength(7);
    expect((await query('EQ_action=ADD')).list).toHaveLength(3);
  });

  it('pages with nextPageToken, bound to its query', async () => {
    const first = await query(`MATCH_epcClass=${enc(LOT)}&perPage=4`);
    expect(first.list).toHaveLength(4);
    const next = /<([^>]+)>; rel="next"/.exec(first.link!)![1]!;
    const token = new URL(next, 'http://x').searchParams.get('nextPageToken')!;
    const second = await query(`MATCH_epcClass=${enc(LOT)}&perPage=4&nextPageToken=${token}`);
    expect(second.list).toHaveLength(3);
    expect(second.link).toBeUndefined();
    expect(new Set([...first.list, ...second.list].map((e) => e.eventID)).size).toBe(7);
    const other = await w.rice.session.request({ method: 'GET', url: `/api/traceability/epcis/events?EQ_action=ADD&perPage=4&nextPageToken=${token}` });
    expect(other.json()).toMatchObject({ type: 'epcisException:ValidationException', error: { code: 'epcis_page_token' } });
  });

  it('refuses what it does not know as a QueryParameterException', async () => {
    for (const params of ['EQ_colour=red', 'GE_eventTime=yesterday', 'eventType=PartyEvent', 'perPage=0', 'perPage=5000']) {
      const res = await w.rice.session.request({ method: 'GET', url: `/api/traceability/epcis/events?${params}` });
      expect(res.statusCode, params).toBe(400);
      expect(res.json().type, params).toBe('epcisException:QueryParameterException');
    }
  });

  it('browses by resource, in the caller\'s scope', async () => {
    const steps = (await w.rice.session.request({ method: 'GET', url: '/api/traceability/epcis/bizSteps' })).json();
    expect(steps).toEqual(expect.arrayContaining(['https://ref.gs1.org/cbv/BizStep-shipping', 'https://tinhso.vn/voc/BizStep-sowing']));
    expect((await w.shallot.session.request({ method: 'GET', url: '/api/traceability/epcis/bizSteps' })).json()).toEqual([]);
    const types = (await w.rice.session.request({ method: 'GET', url: '/api/traceability/epcis/eventTypes' })).json();
    expect(types).toEqual(['AggregationEvent', 'ObjectEvent']);
    const byEpc = (await w.rice.session.request({ method: 'GET', url: `/api/traceability/epcis/epcs/${enc(SGTIN)}/events` })).json();
    expect(byEpc.epcisBody.queryResults.resultsBody.eventList).toHaveLength(1);
    const one = await w.rice.session.request({ method: 'GET', url: `/api/traceability/epcis/events/${enc('ni:///sha-256;0000?ver=CBV2.0')}` });
    expect(one.statusCode).toBe(404);
    expect(one.json().type).toBe('epcisException:NoSuchResourceException');
    const theirs = byEpc.epcisBody.queryResults.resultsBody.eventList[0].eventID as string;
    expect((await w.shallot.session.request({ method: 'GET', url: `/api/traceability/epcis/events/${enc(theirs)}` })).statusCode).toBe(403);
    expect((await w.t.app.inject({ method: 'GET', url: '/api/traceability/epcis/events' })).statusCode).toBe(401);
  });
});
