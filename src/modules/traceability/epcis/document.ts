import { eventHashId } from './hash.js';

// An EPCIS document's events and the prefixes its JSON-LD @context declares, which the events' extension fields use.

/** The prefixes a JSON-LD @context declares ({"ex": "https://ns.example.com/"}), to expand "ex:field" keys. */
export function contextPrefixes(context: unknown): Record<string, string> {
  const prefixes: Record<string, string> = {};
  for (const entry of Array.isArray(context) ? context : [context]) {
    if (entry && typeof entry === 'object') {
      for (const [k, v] of Object.entries(entry)) if (typeof v === 'string') prefixes[k] = v;
    }
  }
  return prefixes;
}

/** The events of an EPCIS document (or query document) with the prefixes of its @context. */
export function documentEvents(doc: Record<string, unknown>): { events: Record<string, unknown>[]; prefixes: Record<string, string> } {
  const body = (doc.epcisBody ?? {}) as Record<string, unknown>;
  const results = (body.queryResults as { resultsBody?: { eventList?: unknown[] } } | undefined)?.resultsBody;
  const list = (body.eventList ?? results?.eventList ?? (body.event ? [body.event] : [])) as Record<string, unknown>[];
  return { events: list, prefixes: contextPrefixes(doc['@context']) };
}

/** The Event Hash ID of every event of a document, in document order. */
export function documentHashIds(doc: Record<string, unknown>, ignoreFields: string[] = []): string[] {
  const { events, prefixes } = documentEvents(doc);
  return events.map((e) => eventHashId(e, { prefixes, ignoreFields }));
}
