import { describe, expect, it } from 'vitest';
import { admin, officer, useOrgUnitsApp } from './setup.js';

// In order: the refused file must leave the boundaries the upload before it stored.
useOrgUnitsApp();

describe('boundaries', () => {
  it('draws the 11 districts of 2024 and none on 1 July 2025 (no commune boundaries are shipped)', async () => {
    const y2024 = (await officer.request({ method: 'GET', url: '/api/org-units/boundaries?asOf=2024-12-31' })).json();
    expect(y2024.features).toHaveLength(11);
    expect(y2024.features[0].properties.source).toContain('CC0');
    const y2025 = (await officer.request({ method: 'GET', url: '/api/org-units/boundaries?asOf=2025-07-01' })).json();
    expect(y2025.features).toHaveLength(0);
  });

  const square = (code: string) => ({
    type: 'Feature', properties: { code }, geometry: { type: 'Polygon', coordinates: [[[105.9, 9.6], [106.0, 9.6], [106.0, 9.7], [105.9, 9.6]]] },
  });

  it('an administrator uploads commune boundaries; they appear as of their date', async () => {
    const res = await admin.request({
      method: 'PUT', url: '/api/org-units/boundaries',
      payload: { asOf: '2025-07-01', source: 'OpenStreetMap contributors (ODbL)', collection: { type: 'FeatureCollection', features: [square('31507'), square('31510')] } },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ updated: 2, codes: ['31507', '31510'] });
    const after = (await officer.request({ method: 'GET', url: '/api/org-units/boundaries?asOf=2025-07-01' })).json();
    expect(after.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['31507', '31510']);
  });

  it('a file with an unknown code or an open ring changes nothing and says why', async () => {
    const unknown = await admin.request({
      method: 'PUT', url: '/api/org-units/boundaries',
      payload: { asOf: '2025-07-01', source: 'test file', collection: { type: 'FeatureCollection', features: [square('31639'), square('99999')] } },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.code).toBe('invalid_geojson');
    expect(unknown.json().error.messages.en).toContain('99999');
    const open = square('31639');
    open.geometry.coordinates[0]!.pop();
    const bad = await admin.request({ method: 'PUT', url: '/api/org-units/boundaries', payload: { source: 'test file', collection: { type: 'FeatureCollection', features: [open] } } });
    expect(bad.statusCode).toBe(400);
    // A ring too short to be closed, or with empty positions, is named as such, not a 500 (found by the fuzzer).
    const short = square('31639');
    short.geometry.coordinates[0] = [[], []] as unknown as number[][];
    const empty = await admin.request({ method: 'PUT', url: '/api/org-units/boundaries', payload: { source: 'test file', collection: { type: 'FeatureCollection', features: [short] } } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().error.code).toBe('validation_failed');
    const after = (await officer.request({ method: 'GET', url: '/api/org-units/boundaries?asOf=2025-07-01' })).json();
    expect(after.features.map((f: { properties: { code: string } }) => f.properties.code)).toEqual(['31507', '31510']);
  });

  it('an officer may not upload boundaries', async () => {
    const res = await officer.request({ method: 'PUT', url: '/api/org-units/boundaries', payload: { source: 'x', collection: { type: 'FeatureCollection', features: [square('31507')] } } });
    expect(res.statusCode).toBe(403);
  });
});
