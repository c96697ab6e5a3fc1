import { describe, expect, it } from 'vitest';
import { mayHandle, mayHandleHeld, mayRead, missingField, recategorisable, routeFor } from './policy.js';
import type { CaseReference } from './reference.js';
import { ENDED_STATES } from './state-machine.js';

const mine = new Set([5, 9]);

describe('case policy', () => {
  it('lets an actor handle a case held by its units, or about a place of its units while nobody holds it', () => {
    expect(mayHandle(null, { unit_id: null, place_unit_id: null })).toBe(true);
    expect(mayHandle(mine, { unit_id: 5, place_unit_id: 1 })).toBe(true);
    expect(mayHandle(mine, { unit_id: 1, place_unit_id: 5 })).toBe(false);
    expect(mayHandle(mine, { unit_id: null, place_unit_id: 9 })).toBe(true);
    expect(mayHandle(mine, { unit_id: null, place_unit_id: null })).toBe(false);
  });

  it('needs a unit holding the case to assign or extend it, and reads it through any unit it concerns', () => {
    expect(mayHandleHeld(mine, { unit_id: null, place_unit_id: 5 })).toBe(false);
    expect(mayHandleHeld(mine, { unit_id: 9 })).toBe(true);
    expect(mayRead(mine, [1, null, 9])).toBe(true);
    expect(mayRead(mine, [1, null, undefined])).toBe(false);
    expect(mayRead(null, [])).toBe(true);
  });

  it('names the first field an action lacks', () => {
    expect(missingField({ action: 'forward', unitId: 3 })).toBe('note');
    expect(missingField({ action: 'answer', answer: '' })).toBe('answer');
    expect(missingField({ action: 'merge' })).toBe('mergeInto');
    expect(missingField({ action: 'accept' })).toBeNull();
  });

  it('changes the category only while the case is being handled', () => {
    expect(recategorisable('in_progress', ENDED_STATES)).toBe(true);
    expect(recategorisable('answered', ENDED_STATES)).toBe(false);
    expect(recategorisable('merged', ENDED_STATES)).toBe(false);
  });

  it('routes by the first rule for the category or any category: the place, its parent or a fixed unit', () => {
    const units = new Map([[1, { id: 1, name: 'Tỉnh', parentId: null }], [2, { id: 2, name: 'Huyện', parentId: 1 }], [3, { id: 3, name: 'Xã', parentId: 2 }]]);
    const rules = [
      { category_code: 'ROADS', target: 'place_parent', unit_id: null },
      { category_code: 'TAX', target: 'unit', unit_id: 1 },
      { category_code: null, target: 'place', unit_id: null },
    ];
    const ref = { unitInForce: (id: number) => units.get(id), unit: (id: number) => units.get(id), routingRules: () => rules } as unknown as CaseReference;
    const route = (category: string, placeUnitId = 3) => routeFor(ref, { kind: 'feedback', category, placeUnitId, date: '2026-01-05' });
    expect(route('ROADS')).toEqual({ id: 2, name: 'Huyện' });
    expect(route('TAX')).toEqual({ id: 1, name: 'Tỉnh' });
    expect(route('WASTE')).toEqual({ id: 3, name: 'Xã' });
    expect(() => route('WASTE', 99)).toThrow('unit_not_in_force');
  });
});
