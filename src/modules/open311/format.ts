import { XMLBuilder } from 'fast-xml-parser';
import type { FastifyReply } from 'fastify';

export type Format = 'json' | 'xml';

const builder = new XMLBuilder({ format: true, suppressEmptyNode: false, processEntities: true });

/** In XML a nested list is a wrapper of repeated elements: attributes/attribute, values/value, notes/note… */
const XML_ITEMS: Record<string, string> = { attributes: 'attribute', values: 'value', notes: 'note', endpoints: 'endpoint', formats: 'format' };

function forXml(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(forXml);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([k, v]) => {
      const item = XML_ITEMS[k];
      return [k, item && Array.isArray(v) ? { [item]: v.map(forXml) } : forXml(v)];
    }));
  }
  return value;
}

/**
 * Open311 answers in XML (always supported) or JSON. A list is an array in JSON and a wrapper of repeated
 * elements in XML: services/service, service_requests/request, errors/error.
 */
export function send(reply: FastifyReply, format: Format, body: unknown, xml: { root: string; item?: string }, status = 200): FastifyReply {
  reply.status(status);
  if (format === 'json') return reply.type('application/json; charset=utf-8').send(JSON.stringify(body));
  const inner = xml.item ? { [xml.item]: forXml(body) } : forXml(body);
  return reply.type('text/xml; charset=utf-8').send(`<?xml version="1.0" encoding="utf-8"?>\n${builder.build({ [xml.root]: inner })}`);
}

export class Open311Error extends Error {
  constructor(readonly status: 400 | 403 | 404, readonly description: string) {
    super(description);
  }
}

export function sendError(reply: FastifyReply, format: Format, status: number, description: string): FastifyReply {
  return send(reply, format, [{ code: status, description }], { root: 'errors', item: 'error' }, status);
}

/** Splits "requests.json" into its name and format; anything but json or xml is refused. */
export function splitFormat(file: string): { name: string; format: Format } {
  const m = /^(.+)\.(json|xml)$/.exec(file);
  if (!m) throw new Open311Error(400, 'the URL must end in .json or .xml');
  return { name: m[1]!, format: m[2] as Format };
}
