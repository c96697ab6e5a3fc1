// The catalogue of the store: data elements (value type, aggregation, period types) and disaggregations.
export { ZCategoryCombo } from './schema.js';
export type { CategoryComboInput } from './schema.js';
export { createCategoryCombo, ensureCategoryCombo } from './category-combos.js';
export { ensureDataElements } from './data-elements.js';
export type { ElementDefinition } from './data-elements.js';
export { metadataRoutes } from './routes.js';
export { unitInEnglish, unitsOfMeasure } from './units-of-measure.js';
export { elementComboId, elementEntry, elementsByCodes, optionComboOwner, optionCombosByCodes } from './repo.js';
