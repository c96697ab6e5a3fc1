import type { ErrorDefinitions } from './definition.js';

/** The IOC map's basemap (modules/ioc/map): none configured, a byte range outside its file. */
export const MAP_ERRORS = {
  basemap_not_configured: {
    status: 404,
    vi: 'Nền tảng chưa được cấu hình tệp bản đồ nền PMTiles.',
    en: 'No PMTiles basemap file is configured on the platform.',
  },
  range_not_satisfiable: {
    status: 416,
    vi: 'Khoảng byte yêu cầu nằm ngoài tệp ({size} byte).',
    en: 'The byte range asked for lies outside the file ({size} bytes).',
  },
} as const satisfies ErrorDefinitions;
