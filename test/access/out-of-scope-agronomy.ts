import { ids } from './setup.js';

/** What an officer of Phường Sóc Trăng tries on agronomy outside its role or its units: 403, or 404 for what is not there. */
export const AGRONOMY: Record<string, () => { url: string; payload?: unknown; status?: number }> = {
  'PUT /api/agronomy/crop-stages': () => ({ url: '/api/agronomy/crop-stages', payload: { unitId: ids.otherCommune, stage: 'seedling', since: '2026-11-01' } }),
  'POST /api/agronomy/bulletins': () => ({ url: '/api/agronomy/bulletins', payload: { unitId: ids.city, season: 'Đông Xuân 2026–2027' } }),
  'PATCH /api/agronomy/bulletins/:id': () => ({ url: '/api/agronomy/bulletins/999999', payload: {}, status: 404 }),
  // Approving and publishing are a reviewer's or an administrator's, never an officer's.
  'POST /api/agronomy/bulletins/:id/approve': () => ({ url: '/api/agronomy/bulletins/1/approve' }),
  'POST /api/agronomy/bulletins/:id/reopen': () => ({ url: '/api/agronomy/bulletins/1/reopen' }),
  'POST /api/agronomy/bulletins/:id/publish': () => ({ url: '/api/agronomy/bulletins/1/publish' }),
  // Subscribers of the whole province are the province's officers' to keep.
  'POST /api/agronomy/subscriptions': () => ({ url: '/api/agronomy/subscriptions', payload: { name: 'HTX Phú Lợi', email: 'htx@example.invalid', unitId: null } }),
  'DELETE /api/agronomy/subscriptions/:id': () => ({ url: '/api/agronomy/subscriptions/999999', status: 404 }),
  'POST /api/agronomy/field-counts': () => ({ url: '/api/agronomy/field-counts', payload: { deviceId: 999999, night: '2026-11-01', counts: { BPH: 1 }, clientRef: 'access-test-1' }, status: 404 }),
  'GET /api/agronomy/traps/:id/field-counts': () => ({ url: '/api/agronomy/traps/999999/field-counts', status: 404 }),
  'GET /api/agronomy/field-counts/:id/photo': () => ({ url: '/api/agronomy/field-counts/999999/photo', status: 404 }),
};
