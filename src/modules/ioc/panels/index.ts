// The fields of the operations centre as configuration: each field's panels (number, trend, bar by unit, table, map)
// over an indicator or data element, their figures and status. The only writer of ioc_panel and ioc_panel_seen.
export { fieldPanelData } from './data.js';
export { loadIocPanels } from './reference.js';
export { iocPanelRoutes } from './routes.js';
export { fieldsWithPanels } from './service.js';
