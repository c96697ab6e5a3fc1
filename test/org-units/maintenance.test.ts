import { describe, expect, it } from 'vitest';
import { unitId } from '../helpers.js';
import { admin, officer, t, useOrgUnitsApp } from './setup.js';

useOrgUnitsApp();

describe('administrators maintain units, and every change is audited', () => {
  it('creates a department under the city and renames it', async () => {
    const city = await unitId(t, '92', '2025-07-01');
    const created = await admin.request({
      method: 'POST', url: '/api/org-units',
      payload: { code: '92.SKHCN', name: 'Sở Khoa học và Công nghệ', type: 'Sở', level: 'department', parentId: city, validFrom: '2025-07-01' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ code: '92.SKHCN', parentCode: '92', validFrom: '2025-07-01', validTo: null });
    const again = await admin.request({ method: 'POST', url: '/api/org-units', payload: { code: '92.SKHCN', name: 'Trùng', type: 'Sở', level: 'department', parentId: city, validFrom: '2025-07-01' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'already_exists', field: 'code' });
    const listed = (await officer.request({ method: 'GET', url: '/api/org-units?asOf=2025-07-01&level=department' })).json();
    expect(listed.map((u: { code: string }) => u.code)).toEqual(['92.SKHCN']);
    const renamed = await admin.request({ method: 'PATCH', url: `/api/org-units/${created.json().id}`, payload: { shortName: 'Sở KH&CN' } });
    expect(renamed.json().shortName).toBe('Sở KH&CN');
    const log = (await admin.request({ method: 'GET', url: `/api/audit?entity=org_unit&entityId=${created.json().id}` })).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['org_unit.update', 'org_unit.create']);
    expect(log.items[0].before.shortName).toBeNull();
    expect(log.items[0].after.shortName).toBe('Sở KH&CN');
    expect(log.items[0].actor_name).toBe('admin');
  });
});

describe('the cached hierarchy', () => {
  it('sees a change made outside this process (straight in SQL) on the next request', async () => {
    const before = (await officer.request({ method: 'GET', url: '/api/org-units/tree?asOf=2025-07-01' })).json();
    expect(before[0].name).toBe('Thành phố Cần Thơ');
    await t.database.db.updateTable('org_unit').set({ name: 'Thành phố Cần Thơ (đổi tên thử)' }).where('code', '=', '92').execute();
    const after = (await officer.request({ method: 'GET', url: '/api/org-units/tree?asOf=2025-07-01' })).json();
    expect(after[0].name).toBe('Thành phố Cần Thơ (đổi tên thử)');
    const list = (await officer.request({ method: 'GET', url: '/api/org-units?asOf=2025-07-01' })).json();
    expect(list[0].name).toBe('Thành phố Cần Thơ (đổi tên thử)');
    await t.database.db.updateTable('org_unit').set({ name: 'Thành phố Cần Thơ' }).where('code', '=', '92').execute();
  });
});
