import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { traceWorld, type TraceWorld } from '../../../test/traceability-setup.js';

let w: TraceWorld;
beforeAll(async () => { w = await traceWorld(); });
afterAll(() => w?.t.close());

describe('producers and their accounts', () => {
  it('registers a producer with a tax code and GLN checked, once', async () => {
    const again = await w.admin.request({ method: 'POST', url: '/api/traceability/producers', payload: { kind: 'cooperative', name: 'HTX khác', taxCode: '2200123456', address: 'x', unitId: w.ward } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.field).toBe('taxCode');
    const badGln = await w.admin.request({ method: 'POST', url: '/api/traceability/producers', payload: { kind: 'cooperative', name: 'HTX khác', gln: '8931234500001', address: 'x', unitId: w.ward } });
    expect(badGln.statusCode).toBe(400);
    expect(badGln.json().error.message).toMatch(/chữ số kiểm tra của GLN/);
    const noUnit = await w.admin.request({ method: 'POST', url: '/api/traceability/producers', payload: { kind: 'cooperative', name: 'HTX khác', address: 'x', unitId: 99999999 } });
    expect(noUnit.json().error).toMatchObject({ code: 'reference_not_found', field: 'unitId' });
  });

  it('lets an officer register producers of its own units only, and a leader read without writing', async () => {
    const outside = await w.officer.request({ method: 'POST', url: '/api/traceability/producers', payload: { kind: 'household', name: 'Hộ ngoài phường', address: 'x', unitId: w.other } });
    expect(outside.statusCode).toBe(403);
    const list = (await w.officer.request({ method: 'GET', url: '/api/traceability/producers' })).json();
    expect(list.items.map((p: { id: number }) => p.id)).toEqual([w.rice.id]);
    expect((await w.officer.request({ method: 'GET', url: `/api/traceability/producers/${w.shallot.id}` })).statusCode).toBe(403);
    expect((await w.leader.request({ method: 'GET', url: '/api/traceability/producers' })).json().total).toBeGreaterThanOrEqual(2);
    expect((await w.leader.request({ method: 'PATCH', url: `/api/traceability/producers/${w.rice.id}`, payload: { phone: '0299 3822 111' } })).statusCode).toBe(403);
  });

  it('gives a producer\'s account its own organisation and nothing of the staff\'s', async () => {
    const own = await w.rice.session.request({ method: 'GET', url: '/api/traceability/producers' });
    expect(own.json().items.map((p: { id: number }) => p.id)).toEqual([w.rice.id]);
    expect((await w.rice.session.request({ method: 'GET', url: `/api/traceability/producers/${w.shallot.id}` })).statusCode).toBe(403);
    expect((await w.rice.session.request({ method: 'PATCH', url: `/api/traceability/producers/${w.shallot.id}`, payload: { phone: '0299 3822 111' } })).statusCode).toBe(403);
    // Routes of the staff refuse a producer even where they name no role.
    for (const url of ['/api/users', '/api/feedback/cases', '/api/data-elements', '/api/agronomy/bulletins', '/api/audit']) {
      expect((await w.rice.session.request({ method: 'GET', url })).statusCode, url).toBe(403);
    }
    const me = (await w.rice.session.request({ method: 'GET', url: '/api/auth/me' })).json();
    expect(me.user.role).toBe('producer');
    // A producer makes no accounts, not even for itself.
    expect((await w.rice.session.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/accounts`, payload: { username: 'htx.phuocan2', displayName: 'Hai', password: 'tinhso-demo-2026' } })).statusCode).toBe(403);
  });

  it('is verified by a reviewer; then its unit, tax code and GLN are the department\'s to change', async () => {
    expect((await w.rice.session.request({ method: 'PATCH', url: `/api/traceability/producers/${w.rice.id}`, payload: { phone: '0299 3822 111' } })).json().phone).toBe('0299 3822 111');
    expect((await w.officer.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/verification`, payload: { status: 'verified' } })).statusCode).toBe(403);
    const verified = await w.reviewer.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/verification`, payload: { status: 'verified' } });
    expect(verified.json()).toMatchObject({ status: 'verified', verifiedBy: 'thamdinh' });
    const twice = await w.reviewer.request({ method: 'POST', url: `/api/traceability/producers/${w.rice.id}/verification`, payload: { status: 'verified' } });
    expect(twice.statusCode).toBe(409);
    const taxCode = await w.rice.session.request({ method: 'PATCH', url: `/api/traceability/producers/${w.rice.id}`, payload: { taxCode: '2200999999' } });
    expect(taxCode.json().error).toMatchObject({ code: 'producer_verified_field', field: 'taxCode' });
    expect((await w.officer.request({ method: 'PATCH', url: `/api/traceability/producers/${w.rice.id}`, payload: { taxCode: '2200999999' } })).json().taxCode).toBe('2200999999');
  });
});
