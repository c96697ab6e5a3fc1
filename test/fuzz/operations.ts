import { z } from 'zod';
import type { Access } from '../../src/core/access/index.js';
import { ZFeedback } from '../../src/modules/feedback/index.js';
import type { Schema } from './generate.js';

/** How a route reads a body its schema does not describe (the OpenAPI document shows none for these). */
export type RawKind = 'json' | 'multipart' | 'csv' | 'form' | 'xlsx';

export interface Param {
  name: string;
  schema: Schema;
  required: boolean;
}

/** One route as the fuzzer calls it: its parameters and body from the OpenAPI document, its access from Fastify. */
export interface Operation {
  key: string;
  method: string;
  url: string;
  access: Access;
  path: Param[];
  query: Param[];
  body?: Schema;
  /** Bodies the route parses itself (multipart forms, CSV, form fields): their fields, and the kinds accepted. */
  raw?: { kinds: RawKind[]; fields?: Schema; fileField?: string };
}

const toSchema = (zod: z.ZodType) => z.toJSONSchema(zod, { io: 'input', unrepresentable: 'any' }) as Schema;
const str = (maxLength = 200): Schema => ({ type: 'string', maxLength });

/** DHIS2's dataValueSets JSON (the exchange's own schema is not exported: this is its shape, for generating). */
const DATA_VALUE_SET: Schema = {
  type: 'object', required: ['dataValues'],
  properties: {
    dataSet: str(100), period: str(20), orgUnit: str(60),
    dataValues: {
      type: 'array', minItems: 1, maxItems: 3,
      items: {
        type: 'object', required: ['dataElement'],
        properties: { dataElement: str(60), period: str(20), orgUnit: str(60), categoryOptionCombo: str(120), value: { type: 'string', maxLength: 50 } },
      },
    },
  },
};

/** Open311's POST fields (form-encoded strings) and the filters of its GET lists. */
const OPEN311_FORM: Schema = {
  type: 'object', required: ['service_code'],
  properties: {
    api_key: str(), service_code: str(), lat: str(), long: str(), address_string: str(), address_id: str(), 'attribute[commune]': str(),
    first_name: str(), last_name: str(), email: str(), phone: str(), description: str(),
  },
};
const OPEN311_QUERY: Param[] = ['service_request_id', 'service_code', 'status', 'start_date', 'end_date', 'page', 'page_size', 'extensions']
  .map((name) => ({ name, schema: str(), required: false }));

const feedback = (): NonNullable<Operation['raw']> => ({ kinds: ['json', 'multipart'], fields: toSchema(ZFeedback), fileField: 'photos' });

/** The routes whose bodies are read by their handlers, by route. */
function rawOf(key: string): Operation['raw'] | undefined {
  switch (key) {
    case 'POST /api/public/feedback':
    case 'POST /api/feedback/operator':
      return feedback();
    case 'POST /api/dataValueSets':
      return { kinds: ['json', 'csv', 'xlsx'], fields: DATA_VALUE_SET };
    case 'POST /api/reporting/reports/:id/xlsx':
    case 'POST /api/reporting/reports/:id/attachments':
      return { kinds: ['multipart'], fileField: 'file' };
    case 'POST /api/reporting/reports/:id/csv':
      return { kinds: ['csv'] };
    case 'POST /open311/v2/:file':
      return { kinds: ['form', 'multipart'], fields: OPEN311_FORM, fileField: 'media' };
    default:
      return undefined;
  }
}

interface OpenApiParameter {
  in: string;
  name: string;
  required?: boolean;
  schema?: Schema;
}
interface OpenApiOperation {
  parameters?: OpenApiParameter[];
  requestBody?: { content: Record<string, { schema?: Schema }> };
}

/** Every route of the route table, described from the OpenAPI document. */
export function operationsOf(
  document: { paths: Record<string, Record<string, OpenApiOperation>> },
  routeTable: { method: string; url: string; access?: Access }[],
): Operation[] {
  return routeTable.map((route) => {
    const key = `${route.method} ${route.url}`;
    const docPath = route.url.replace(/:(\w+)/g, '{$1}');
    const op = document.paths[docPath]?.[route.method.toLowerCase()] ?? {};
    const params = (where: string) => (op.parameters ?? []).filter((p) => p.in === where)
      .map((p) => ({ name: p.name, schema: p.schema ?? {}, required: p.required ?? where === 'path' }));
    const path = params('path');
    // A path parameter the document does not know (the web app's catch-all) is still a parameter.
    for (const name of route.url.match(/:(\w+)/g)?.map((m) => m.slice(1)) ?? []) {
      if (!path.some((p) => p.name === name)) path.push({ name, schema: { type: 'string' }, required: true });
    }
    const query = route.url.startsWith('/open311/') && route.method === 'GET' ? OPEN311_QUERY : params('query');
    const body = op.requestBody?.content['application/json']?.schema;
    return { key, method: route.method, url: route.url, access: route.access ?? {}, path, query, body, raw: body ? undefined : rawOf(key) };
  });
}
