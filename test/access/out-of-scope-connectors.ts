/** What an officer of Phường Sóc Trăng tries on the connectors: 403. */
export const CONNECTORS: Record<string, () => { url: string; payload?: unknown; status?: number }> = {
  // Connectors carry other systems' credentials and write every unit's figures: administrators only.
  'GET /api/connectors': () => ({ url: '/api/connectors' }),
  'POST /api/connectors': () => ({ url: '/api/connectors', payload: {} }),
  'PUT /api/connectors/:id': () => ({ url: '/api/connectors/1', payload: {} }),
  'DELETE /api/connectors/:id': () => ({ url: '/api/connectors/1' }),
  'POST /api/connectors/preview': () => ({ url: '/api/connectors/preview', payload: {} }),
  'POST /api/connectors/:id/run': () => ({ url: '/api/connectors/1/run' }),
  'GET /api/connectors/:id/runs': () => ({ url: '/api/connectors/1/runs' }),
};
