import { z } from 'zod';
import { ISSUE_MESSAGES } from '../../server/messages.js';

// Open311 GeoReport v2 answers, in JSON (XML has the same fields, lists as wrappers of repeated elements). They
// are written out by format.ts as text, so these schemas document the API and are not used to serialise it.

export const ZFileParams = z.object({ file: z.string().describe('a name with .json or .xml') });

export const ZOpen311Errors = z.array(z.object({ code: z.number(), description: z.string() }));
export const ZDiscovery = z.object({
  changeset: z.string(), contact: z.string(), key_service: z.string(),
  endpoints: z.array(z.object({ specification: z.string(), url: z.string(), changeset: z.string(), type: z.string(), formats: z.array(z.string()) })),
});
export const ZService = z.object({
  service_code: z.string(), service_name: z.string(), description: z.string(), metadata: z.boolean(), type: z.string(), keywords: z.string(), group: z.string(),
});
export const ZServiceDefinition = z.object({
  service_code: z.string(),
  attributes: z.array(z.object({
    variable: z.boolean(), code: z.string(), datatype: z.string(), required: z.boolean(), order: z.number(), datatype_description: z.string(),
    description: z.string(), values: z.array(z.object({ key: z.string(), name: z.string() })),
  })),
});
export const ZRequest = z.object({
  service_request_id: z.string(), status: z.enum(['open', 'closed']), status_notes: z.string(), service_name: z.string(), service_code: z.string(),
  description: z.string(), agency_responsible: z.string(), service_notice: z.string(), requested_datetime: z.string(), updated_datetime: z.string(),
  expected_datetime: z.string(), address: z.string(), address_id: z.string(), zipcode: z.string(), lat: z.union([z.number(), z.literal('')]),
  long: z.union([z.number(), z.literal('')]), media_url: z.string(),
  extended_attributes: z.object({ state: z.string() }).optional(),
  notes: z.array(z.object({ datetime: z.string(), type: z.string(), status: z.string(), summary: z.string() })).optional(),
});
export const ZRequestToken = z.object({ service_request_id: z.string(), token: z.string() });
export const ZRequestUpdate = z.object({
  update_id: z.string(), service_request_id: z.string(), status: z.enum(['open', 'closed']), updated_datetime: z.string(), description: z.string(), media_url: z.string(),
});
/** GET /{file}: services, requests or servicerequestupdates, by the file's name. */
export const ZListing = z.union([z.array(ZService), z.array(ZRequest), z.array(ZRequestUpdate)]);
export const ZCreated = z.array(z.object({ service_request_id: z.string(), service_notice: z.string(), account_id: z.string() }));

/** What Open311 answers for each status it may give: its own error list for every refusal. */
export const answers = <T extends z.ZodType>(ok: T, status = 200) => ({ [status]: ok, 400: ZOpen311Errors, 403: ZOpen311Errors, 404: ZOpen311Errors });

/** The Open311 field a refused part of the report came from, and why, in English as Open311 clients read it. */
const OPEN311_FIELDS: Record<string, string> = { 'contact.name': 'first_name', 'contact.email': 'email', 'contact.phone': 'phone', lat: 'lat', lon: 'long', description: 'description', category: 'service_code' };
export function open311Problem(issue: { path: PropertyKey[]; message: string }): string {
  const path = issue.path.map(String).join('.');
  return `${OPEN311_FIELDS[path] ?? path}: ${ISSUE_MESSAGES[issue.message]?.en ?? issue.message}`;
}
