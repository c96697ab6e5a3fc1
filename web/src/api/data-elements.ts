import { queryOptions } from '@tanstack/react-query';
import { api } from './client';

export type ValueType = 'integer' | 'number' | 'percentage' | 'boolean' | 'text';
export interface Disaggregation { code: string; nameVi: string; nameEn: string }
export interface DataElement {
  code: string; nameVi: string; nameEn: string; valueType: ValueType; aggUnits: string; aggTime: string; unit: string | null; unitEn: string | null; periodTypes: string[];
  categoryCombo: string; disaggregations: Disaggregation[];
  /** The unit levels that report it (null: any); computed ones are the platform's own figures, never entered. */
  reportedBy: string[] | null; computed: boolean;
}
export interface DataElementInput {
  nameVi: string; nameEn: string; unit?: string; periodTypes: string[]; valueType: string; aggUnits: string; aggTime: string; source?: string;
}
/** A stored value that does not fit an element's new value type (the details of a values_misfit refusal). */
export interface Misfit { orgUnit: string; period: string; value: string; vi: string; en: string }

/**
 * One cache for the catalogue of elements, whichever screen reads it: the catalogue editor, the data-entry grid,
 * the exchange screen and the report form builder all see an edit at once.
 */
export const dataElementKeys = {
  all: ['data-elements'] as const,
  list: () => [...dataElementKeys.all, 'list'] as const,
  detail: (code: string) => [...dataElementKeys.all, 'detail', code] as const,
};

export const dataElementsQuery = () => queryOptions({ queryKey: dataElementKeys.list(), queryFn: () => api<DataElement[]>('/api/data-elements') });

export const createDataElement = (body: DataElementInput & { code: string; categoryCombo: string }) => api('/api/data-elements', { method: 'POST', body });
export const updateDataElement = (code: string, body: DataElementInput) => api(`/api/data-elements/${code}`, { method: 'PATCH', body });
