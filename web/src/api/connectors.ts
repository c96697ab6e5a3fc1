import { queryOptions } from '@tanstack/react-query';
import type { ConnectorInput, ConnectorView, PreviewResult, RunView } from '../../../src/modules/connectors/index.js';
import { api } from './client';
import type { Json } from './json';

/** A connector as administrators see it (its header values masked), as the server's schema says. */
export type Connector = Json<ConnectorView>;
export type ConnectorRun = Json<RunView>;
export type ConnectorPreview = Json<PreviewResult>;
export type { ConnectorInput };

export const connectorKeys = {
  all: ['connectors'] as const,
  list: () => [...connectorKeys.all, 'list'] as const,
  runs: (id: number) => [...connectorKeys.all, 'runs', id] as const,
};

export const connectorsQuery = () => queryOptions({ queryKey: connectorKeys.list(), queryFn: () => api<Connector[]>('/api/connectors') });
export const connectorRunsQuery = (id: number) => queryOptions({ queryKey: connectorKeys.runs(id), queryFn: () => api<ConnectorRun[]>(`/api/connectors/${id}/runs`) });

export const saveConnector = (input: ConnectorInput, id?: number) =>
  api<Connector>(id === undefined ? '/api/connectors' : `/api/connectors/${id}`, { method: id === undefined ? 'POST' : 'PUT', body: input });
export const deleteConnector = (id: number) => api<Connector>(`/api/connectors/${id}`, { method: 'DELETE' });
export const previewConnector = (input: ConnectorInput, connectorId?: number) =>
  api<ConnectorPreview>('/api/connectors/preview', { method: 'POST', body: { ...input, ...(connectorId ? { connectorId } : {}) } });
export const runConnector = (id: number) => api<ConnectorRun>(`/api/connectors/${id}/run`, { method: 'POST' });
