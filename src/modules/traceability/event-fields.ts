import type { Selectable } from 'kysely';
import type { TraceEventTable } from '../../db/schema.js';
import { canonicalIdentifier } from './epcis/canonical-id.js';
import { farmContext } from './epcis/farm.js';
import { expandTerm, type CbvVocabularyName } from './epcis/vocabulary.js';

// What the store indexes of an event, in the one form queries compare: identifiers as canonical Digital Links
// (urn:epc:id:sgtin:… and https://brand.example/01/… both become https://id.gs1.org/01/…), vocabulary terms as full
// URIs (a bare CBV term, its URN or a "prefix:term" of the document's @context).

type Event = Record<string, unknown>;

/** An identifier as the store keeps it: its canonical Digital Link, or as written when it is none. */
export const storedIdentifier = (value: string) => canonicalIdentifier(value) ?? value;

/** A vocabulary value as a full URI: CBV terms by CBV, compact names by the document's prefixes (ours always known). */
export function storedTerm(vocabulary: CbvVocabularyName, value: string, prefixes: Record<string, string> = {}): string {
  const expanded = expandTerm(vocabulary, value);
  const compact = /^([A-Za-z][\w.-]*):(.+)$/.exec(expanded);
  const namespace = compact && ({ ...farmContext(), ...prefixes } as Record<string, string>)[compact[1]!];
  return namespace && !compact[2]!.startsWith('//') ? namespace + compact[2] : expanded;
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const classesOf = (value: unknown): string[] =>
  Array.isArray(value) ? value.flatMap((q) => (q && typeof q === 'object' && typeof (q as Event).epcClass === 'string' ? [(q as Event).epcClass as string] : [])) : [];
const idOf = (value: unknown): string | null => (value && typeof value === 'object' && typeof (value as Event).id === 'string' ? ((value as Event).id as string) : null);

/** The indexed columns of an event, as trace_event types them (epcs: what MATCH_epc reads; MATCH_anyEPC adds parent_id). */
export type EventColumns = Pick<Selectable<TraceEventTable>, 'event_type' | 'event_time' | 'action' | 'biz_step' | 'disposition' | 'biz_location' | 'read_point' | 'parent_id' | 'epcs' | 'epc_classes'>;

/** The indexed columns of a valid event. */
export function eventColumns(event: Event, prefixes: Record<string, string>): EventColumns {
  const epcs = [
    ...strings(event.epcList), ...strings(event.childEPCs), ...strings(event.inputEPCList), ...strings(event.outputEPCList),
  ];
  const classes = [...classesOf(event.quantityList), ...classesOf(event.childQuantityList), ...classesOf(event.inputQuantityList), ...classesOf(event.outputQuantityList)];
  const location = idOf(event.bizLocation);
  const readPoint = idOf(event.readPoint);
  return {
    event_type: String(event.type),
    event_time: new Date(String(event.eventTime)),
    action: typeof event.action === 'string' ? event.action : null,
    biz_step: typeof event.bizStep === 'string' ? storedTerm('bizStep', event.bizStep, prefixes) : null,
    disposition: typeof event.disposition === 'string' ? storedTerm('disposition', event.disposition, prefixes) : null,
    biz_location: location && storedIdentifier(location),
    read_point: readPoint && storedIdentifier(readPoint),
    parent_id: typeof event.parentID === 'string' ? storedIdentifier(event.parentID) : null,
    epcs: [...new Set(epcs.map(storedIdentifier))],
    epc_classes: [...new Set(classes.map(storedIdentifier))],
  };
}

/** The GTINs (14 digits) an event's identifiers name. */
export function gtinsOf(columns: Pick<EventColumns, 'epcs' | 'epc_classes' | 'parent_id'>): string[] {
  const found = new Set<string>();
  for (const id of [...columns.epcs, ...columns.epc_classes, ...(columns.parent_id ? [columns.parent_id] : [])]) {
    const m = /^https:\/\/id\.gs1\.org\/01\/(\d{14})(?:\/|$)/.exec(id);
    if (m) found.add(m[1]!);
  }
  return [...found];
}
