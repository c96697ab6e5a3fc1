// The catalogue of the store: data elements (value type, aggregation, period types) and disaggregations.
export { ZCategoryCombo } from './schema.js';
export type { CategoryComboInput } from './schema.js';
export { createCategoryCombo, ensureCategoryCombo } from './category-combos.js';
export { metadataRoutes } from './routes.js';
export { elementComboId, optionComboOwner } from './repo.js';
