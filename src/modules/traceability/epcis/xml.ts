import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { farmVocabulary } from './farm.js';

// EPCIS 2.0 XML documents read as the JSON-LD document they stand for (the standard's two bindings of one model):
// events in document order, list wrappers as arrays, typed lists (bizTransaction, source, destination) as objects,
// numbers where the model has numbers, and namespaced extension elements as "prefix:name" members whose prefixes
// go into the @context. The JSON-LD document is then validated and stored like any other, so an event's hash ID is
// the same whichever binding brought it.

type Node = Record<string, unknown>;
const parser = new XMLParser({ preserveOrder: true, ignoreAttributes: false, attributeNamePrefix: '', parseTagValue: false, trimValues: true, processEntities: true });

const EVENT_TYPES = new Set(['ObjectEvent', 'AggregationEvent', 'TransactionEvent', 'TransformationEvent', 'AssociationEvent']);
/** List wrappers and the element each holds. */
const LISTS: Record<string, string> = {
  epcList: 'epc', childEPCs: 'epc', inputEPCList: 'epc', outputEPCList: 'epc',
  quantityList: 'quantityElement', childQuantityList: 'quantityElement', inputQuantityList: 'quantityElement', outputQuantityList: 'quantityElement',
  bizTransactionList: 'bizTransaction', sourceList: 'source', destinationList: 'destination', sensorElementList: 'sensorElement', correctiveEventIDs: 'correctiveEventID',
};
/** Elements of a typed list: their text is the member named after them, their `type` attribute the type. */
const TYPED = new Set(['bizTransaction', 'source', 'destination']);
const NUMBERS = new Set(['quantity', 'value', 'minValue', 'maxValue', 'meanValue', 'sDev', 'percRank', 'percValue']);
const REPEATED = new Set(['sensorReport', 'set', 'unset']);

export class EpcisXmlError extends Error {}

const tagOf = (node: Node) => Object.keys(node).find((k) => k !== ':@')!;
const childrenOf = (node: Node) => (node[tagOf(node)] as Node[]) ?? [];
const attrsOf = (node: Node) => (node[':@'] as Record<string, string> | undefined) ?? {};
const textOf = (node: Node) => childrenOf(node).filter((c) => '#text' in c).map((c) => String(c['#text'])).join('');
const local = (tag: string) => tag.slice(tag.indexOf(':') + 1);

function numeric(name: string, text: string): unknown {
  const farm = farmVocabulary().fields.find((f) => f.name === name);
  const isNumber = NUMBERS.has(name) || farm?.type === 'number' || farm?.type === 'integer';
  return isNumber && text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
}

/** An element as a JSON-LD value: its text, or an object of its attributes and children. */
function value(node: Node, prefixes: Record<string, string>): unknown {
  const tag = tagOf(node);
  collectPrefixes(node, prefixes);
  const children = childrenOf(node).filter((c) => !('#text' in c));
  const attrs = Object.entries(attrsOf(node)).filter(([k]) => !k.startsWith('xmlns'));
  if (LISTS[local(tag)] !== undefined && !tag.includes(':')) return children.map((c) => item(c, prefixes));
  if (!children.length && !attrs.length) return numeric(tag, textOf(node));
  const out: Node = Object.fromEntries(attrs.map(([k, v]) => [k, NUMBERS.has(k) ? Number(v) : v]));
  for (const child of children) {
    const name = tagOf(child);
    const v = value(child, prefixes);
    if (REPEATED.has(name)) out[name] = [...((out[name] as unknown[]) ?? []), v];
    else out[name] = v;
  }
  if (!children.length && textOf(node)) out['#text'] = textOf(node);
  return out;
}

function item(node: Node, prefixes: Record<string, string>): unknown {
  const tag = tagOf(node);
  if (TYPED.has(tag)) {
    const type = attrsOf(node).type;
    return { ...(type ? { type } : {}), [tag]: textOf(node) };
  }
  return value(node, prefixes);
}

function collectPrefixes(node: Node, prefixes: Record<string, string>) {
  for (const [k, v] of Object.entries(attrsOf(node))) {
    if (k.startsWith('xmlns:') && !v.startsWith('urn:epcglobal:epcis') && !v.startsWith('http://www.w3.org/')) prefixes[k.slice(6)] = v;
  }
}

function eventOf(node: Node, prefixes: Record<string, string>): Node {
  const tag = tagOf(node);
  const body = value(node, prefixes) as Node;
  // EPCIS 1.2's wrappers: <baseExtension> (eventID, errorDeclaration) and <extension> (2.0's members) flattened.
  for (const wrapper of ['baseExtension', 'extension']) {
    const inner = body[wrapper];
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      delete body[wrapper];
      Object.assign(body, inner);
    }
  }
  return { type: tag, ...body };
}

/** The JSON-LD document an EPCIS XML document stands for; EpcisXmlError when it is not well-formed EPCIS XML. */
export function xmlToJsonLd(xml: string): Node {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new EpcisXmlError(`${valid.err.msg} (line ${valid.err.line})`);
  if (/<!DOCTYPE/i.test(xml)) throw new EpcisXmlError('a DOCTYPE is not accepted');
  const nodes = parser.parse(xml) as Node[];
  const root = nodes.find((n) => local(tagOf(n)) === 'EPCISDocument');
  if (!root) throw new EpcisXmlError('the root element is not EPCISDocument');
  const prefixes: Record<string, string> = {};
  collectPrefixes(root, prefixes);
  const bodyNode = childrenOf(root).find((n) => tagOf(n) === 'EPCISBody');
  const list = bodyNode && childrenOf(bodyNode).find((n) => tagOf(n) === 'EventList');
  const events: Node[] = [];
  for (const n of list ? childrenOf(list) : []) {
    const tag = tagOf(n);
    if (EVENT_TYPES.has(tag)) events.push(eventOf(n, prefixes));
    else if (tag === 'extension') for (const inner of childrenOf(n)) if (EVENT_TYPES.has(tagOf(inner))) events.push(eventOf(inner, prefixes));
  }
  const attrs = attrsOf(root);
  const context = ['https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld', ...(Object.keys(prefixes).length ? [prefixes] : [])];
  return { '@context': context, type: 'EPCISDocument', schemaVersion: attrs.schemaVersion ?? '2.0', creationDate: attrs.creationDate ?? '', epcisBody: { eventList: events } };
}
