/** The choices the catalogue offers, in the order an officer reads them. */
export const PILLARS = ['government', 'economy', 'society', 'foundations'] as const;
export const VALUE_TYPES = ['integer', 'number', 'percentage', 'boolean', 'text'] as const;
export const AGGREGATIONS = ['sum', 'average', 'last', 'min', 'max', 'none'] as const;
export const PERIOD_TYPES = ['year', 'sixmonth', 'quarter', 'month', 'week', 'day'] as const;
