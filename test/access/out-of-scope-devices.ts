/** What an officer of Phường Sóc Trăng tries on the alert types, the briefing and the devices: 403, or 404 for a device not in its units. */
export const IOC_AND_DEVICES: Record<string, () => { url: string; payload?: unknown; status?: number }> = {
  'POST /api/alerts/types': () => ({ url: '/api/alerts/types', payload: {} }),
  'DELETE /api/alerts/types/:code': () => ({ url: '/api/alerts/types/OTHER' }),
  'POST /api/briefings/generate': () => ({ url: '/api/briefings/generate', payload: { kind: 'daily' } }),
  'POST /api/device-kinds/:code/provisioning': () => ({ url: '/api/device-kinds/LIGHT_TRAP/provisioning' }),
  'POST /api/devices': () => ({ url: '/api/devices', payload: {} }),
  'PATCH /api/devices/:id': () => ({ url: '/api/devices/1', payload: {} }),
  'DELETE /api/devices/:id': () => ({ url: '/api/devices/1' }),
  'POST /api/devices/:id/revoke': () => ({ url: '/api/devices/1/revoke' }),
  'POST /api/devices/:id/token': () => ({ url: '/api/devices/1/token' }),
  // A device neither standing nor owned in the officer's units is not there for it.
  'GET /api/devices/:id': () => ({ url: '/api/devices/1', status: 404 }),
  'GET /api/devices/:id/latest': () => ({ url: '/api/devices/1/latest', status: 404 }),
  'GET /api/devices/:id/series': () => ({ url: '/api/devices/1/series?key=BPH&from=2026-01-01&to=2026-01-02', status: 404 }),
};
