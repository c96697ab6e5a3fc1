import { describe, expect, it } from 'vitest';
import { unitId } from '../helpers.js';
import { officer, t, useOrgUnitsApp } from './setup.js';

useOrgUnitsApp();

describe('a code names different units over time', () => {
  it('31507 is Phường 6 until 2025-06-30 and Phường Sóc Trăng from 2025-07-01, linked by the merger', async () => {
    const oldId = await unitId(t, '31507', '2025-06-30');
    const newId = await unitId(t, '31507', '2025-07-01');
    expect(oldId).not.toBe(newId);
    const oldUnit = (await officer.request({ method: 'GET', url: `/api/org-units/${oldId}` })).json();
    expect(oldUnit.unit.name).toBe('Phường 6');
    expect(oldUnit.ancestors.map((a: { code: string }) => a.code)).toEqual(['94', '941']);
    expect(oldUnit.successors.map((s: { unit: { name: string } }) => s.unit.name)).toEqual(['Phường Sóc Trăng']);
    const newUnit = (await officer.request({ method: 'GET', url: `/api/org-units/${newId}` })).json();
    expect(newUnit.predecessors.map((p: { unit: { name: string } }) => p.unit.name).sort()).toEqual(['Phường 5', 'Phường 6', 'Phường 7', 'Phường 8']);
    expect(newUnit.predecessors[0].legalBasis).toContain('1668/NQ-UBTVQH15');
    expect(newUnit.ancestors.map((a: { code: string }) => a.code)).toEqual(['92']);
  });

  it('a district has its communes as descendants in 2024 and ends with the district level', async () => {
    const id = await unitId(t, '943', '2024-12-31');
    const below = (await officer.request({ method: 'GET', url: `/api/org-units/${id}/descendants?asOf=2024-12-31` })).json();
    expect(below).toHaveLength(13);
    const detail = (await officer.request({ method: 'GET', url: `/api/org-units/${id}` })).json();
    expect(detail.successors).toEqual([]);
    expect(detail.events).toMatchObject([{ kind: 'dissolve', date: '2025-07-01', role: 'predecessor' }]);
  });

  it('the province of 2024 is succeeded by Cần Thơ city, and every 2024 commune has exactly one successor', async () => {
    const province = (await officer.request({ method: 'GET', url: `/api/org-units/${await unitId(t, '94', '2024-12-31')}` })).json();
    expect(province.successors.map((s: { unit: { code: string } }) => s.unit.code)).toEqual(['92']);
    const communes = (await officer.request({ method: 'GET', url: '/api/org-units?asOf=2025-06-30&level=commune' })).json();
    for (const c of communes.slice(0, 108)) {
      const d = (await officer.request({ method: 'GET', url: `/api/org-units/${c.id}` })).json();
      expect(d.successors, c.name).toHaveLength(1);
    }
  });

  it('the tree as of a date nests units under their parents', async () => {
    const tree = (await officer.request({ method: 'GET', url: '/api/org-units/tree?asOf=2024-12-31' })).json();
    expect(tree).toHaveLength(1);
    expect(tree[0].children.filter((c: { level: string }) => c.level === 'district')).toHaveLength(11);
    const events = (await officer.request({ method: 'GET', url: '/api/org-units/events?from=2025-01-01' })).json();
    expect(events.length).toBeGreaterThan(40);
  });
});
