// Our JSON Schema (draft-07) of an EPCIS 2.0 JSON-LD document, written from the standard's data model: GS1's own
// schema may not be redistributed (data/reference/traceability/epcis/SOURCE.md). Its custom keyword `cbv` names the
// CBV vocabulary a field takes: a standard term (bare or as URI) or another namespace's URI, see vocabulary.ts.

type Schema = Record<string, unknown>;

const uri: Schema = { type: 'string', format: 'uri' };
const time: Schema = { type: 'string', format: 'date-time' };
const num: Schema = { type: 'number' };
const vocab = (cbv: string): Schema => ({ type: 'string', cbv });
const uris: Schema = { type: 'array', items: uri };
// A user extension is any member whose key is a compact or full IRI ("tinhso:pesticide", "https://…/field").
const EXTENSION = { '^[^:]+:': {} };

/** An object with these members (and user extensions), `required` of them required. */
const object = (properties: Schema, required: string[] = []): Schema => ({
  type: 'object',
  properties,
  required,
  patternProperties: EXTENSION,
  additionalProperties: false,
});

const quantityList: Schema = {
  type: 'array',
  items: object({ epcClass: uri, quantity: num, uom: { type: 'string', pattern: '^[A-Z0-9]{2,3}$' } }, ['epcClass']),
};
const typed = (member: string, type: string, required: string[]): Schema => ({
  type: 'array',
  items: object({ type: vocab(type), [member]: uri }, required),
});

const sensorReport = object({
  type: vocab('measurementType'), exception: vocab('sensorAlertType'), deviceID: uri, deviceMetadata: uri, rawData: uri,
  dataProcessingMethod: uri, time, microorganism: uri, chemicalSubstance: uri, value: num, component: vocab('component'),
  stringValue: { type: 'string' }, booleanValue: { type: 'boolean' }, hexBinaryValue: { type: 'string', pattern: '^([0-9A-Fa-f]{2})*$' },
  uriValue: uri, minValue: num, maxValue: num, meanValue: num, sDev: num, percRank: num, percValue: num, uom: { type: 'string' },
  coordinateReferenceSystem: uri, bizRules: uri,
}, ['type']);
const sensorElement = object(
  {
    sensorMetadata: object({ time, startTime: time, endTime: time, deviceID: uri, deviceMetadata: uri, rawData: uri, dataProcessingMethod: uri, bizRules: uri }),
    sensorReport: { type: 'array', minItems: 1, items: sensorReport },
  },
  ['sensorReport'],
);

const COMMON: Schema = {
  '@context': {},
  type: { type: 'string' },
  eventTime: time,
  // xsd offsets run from -14:00 to +14:00; EPCIS writes the sign and both parts always.
  eventTimeZoneOffset: { type: 'string', pattern: '^[+-]((0\\d|1[0-3]):[0-5]\\d|14:00)$' },
  recordTime: time,
  eventID: uri,
  certificationInfo: { anyOf: [uri, uris] },
  errorDeclaration: object({ declarationTime: time, reason: vocab('errorReason'), correctiveEventIDs: uris }, ['declarationTime']),
  readPoint: object({ id: uri }, ['id']),
  bizLocation: object({ id: uri }, ['id']),
  bizStep: vocab('bizStep'),
  disposition: vocab('disposition'),
  persistentDisposition: object({ set: { type: 'array', items: vocab('disposition') }, unset: { type: 'array', items: vocab('disposition') } }),
  bizTransactionList: typed('bizTransaction', 'bizTransactionType', ['bizTransaction']),
  sourceList: typed('source', 'sourceDestinationType', ['type', 'source']),
  destinationList: typed('destination', 'sourceDestinationType', ['type', 'destination']),
  sensorElementList: { type: 'array', items: sensorElement },
};
const action: Schema = { type: 'string', enum: ['ADD', 'OBSERVE', 'DELETE'] };
const ilmd: Schema = { type: 'object' };

/** Each event type: its own members and which are required beyond type, eventTime and eventTimeZoneOffset. */
const EVENT_TYPES: Record<string, [Schema, string[]]> = {
  ObjectEvent: [{ epcList: uris, quantityList, action, ilmd }, ['action']],
  AggregationEvent: [{ parentID: uri, childEPCs: uris, childQuantityList: quantityList, action }, ['action']],
  TransactionEvent: [{ parentID: uri, epcList: uris, quantityList, action }, ['action', 'bizTransactionList']],
  TransformationEvent: [
    { inputEPCList: uris, inputQuantityList: quantityList, outputEPCList: uris, outputQuantityList: quantityList, transformationID: uri, ilmd },
    [],
  ],
  AssociationEvent: [{ parentID: uri, childEPCs: uris, childQuantityList: quantityList, action }, ['action', 'parentID']],
};
export const EPCIS_EVENT_TYPES = Object.keys(EVENT_TYPES);

export const eventSchema: Schema = {
  type: 'object',
  required: ['type', 'eventTime', 'eventTimeZoneOffset'],
  properties: { type: { type: 'string', enum: EPCIS_EVENT_TYPES } },
  allOf: Object.entries(EVENT_TYPES).map(([type, [own, required]]) => ({
    if: { properties: { type: { const: type } }, required: ['type'] },
    then: object({ ...COMMON, ...own }, required),
  })),
};

export const documentSchema: Schema = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  definitions: { event: eventSchema },
  ...object(
    {
      '@context': { anyOf: [uri, { type: 'object' }, { type: 'array', items: { anyOf: [uri, { type: 'object' }] } }] },
      id: uri,
      type: { type: 'string', const: 'EPCISDocument' },
      schemaVersion: { type: 'string', pattern: '^2\\.\\d+(\\.\\d+)*$' },
      creationDate: time,
      instanceIdentifier: { type: 'string' },
      sender: { type: 'string' },
      receiver: { type: 'string' },
      epcisHeader: { type: 'object' },
      epcisBody: object({ eventList: { type: 'array', items: { $ref: '#/definitions/event' } } }, ['eventList']),
    },
    ['@context', 'type', 'schemaVersion', 'creationDate', 'epcisBody'],
  ),
};
