import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import formatsModule from 'ajv-formats';
import { documentSchema, eventSchema } from './schema.js';
import { classifyTerm, type CbvVocabularyName } from './vocabulary.js';

// Validation of EPCIS 2.0 JSON-LD documents and events against schema.ts. Problems come back as data (a JSON
// pointer, a code and a short English detail, as problem+json's) so that the capture routes can localise them by code and point at the field.

export interface EpcisProblem {
  /** RFC 6901 pointer to the member at fault ("/epcisBody/eventList/0/eventTime"); "" for the document itself. */
  pointer: string;
  /** The rule broken: required, type, format, pattern, enum, const, additional, cbv, minItems… */
  code: string;
  detail: string;
}

// ajv-formats is CommonJS: under NodeNext its default import is the module object in the types, the plugin at run time.
const addFormats = ((formatsModule as unknown as { default?: typeof formatsModule }).default ?? formatsModule) as unknown as (ajv: Ajv) => Ajv;

let compiled: { document: ValidateFunction; event: ValidateFunction } | undefined;

function validators() {
  if (compiled) return compiled;
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addKeyword({
    keyword: 'cbv',
    type: 'string',
    schemaType: 'string',
    errors: false,
    validate: (vocabulary: CbvVocabularyName, value: string) => classifyTerm(vocabulary, value).kind !== 'unknown',
  });
  compiled = { document: ajv.compile(documentSchema), event: ajv.compile(eventSchema) };
  return compiled;
}

const escape = (key: string) => key.replaceAll('~', '~0').replaceAll('/', '~1');

function problem(error: ErrorObject): EpcisProblem | null {
  const at = error.instancePath;
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'if':
      return null; // the failing "then" branch reports its own errors
    case 'required':
      return { pointer: `${at}/${escape(String(params.missingProperty))}`, code: 'required', detail: 'is required' };
    case 'additionalProperties':
      return { pointer: `${at}/${escape(String(params.additionalProperty))}`, code: 'additional', detail: 'is not a field of this event or object (an extension needs a namespace prefix)' };
    case 'enum':
      return { pointer: at, code: 'enum', detail: `must be one of ${(params.allowedValues as unknown[]).join(', ')}` };
    case 'cbv':
      return { pointer: at, code: 'cbv', detail: `is neither a ${String(error.schema)} term of CBV 2.0 nor a URI of another vocabulary` };
    default:
      return { pointer: at, code: error.keyword, detail: error.message ?? 'is invalid' };
  }
}

function collect(validate: ValidateFunction, json: unknown): EpcisProblem[] {
  if (validate(json)) return [];
  const seen = new Set<string>();
  const problems: EpcisProblem[] = [];
  for (const error of validate.errors ?? []) {
    const p = problem(error);
    const key = p && `${p.pointer}\u0000${p.code}`;
    if (p && key && !seen.has(key)) {
      seen.add(key);
      problems.push(p);
    }
  }
  return problems;
}

/** Every problem of an EPCIS 2.0 JSON-LD document; an empty list when it is valid. */
export const validateEpcisDocument = (json: unknown): EpcisProblem[] => collect(validators().document, json);

/** Every problem of a single EPCIS 2.0 event, pointers relative to the event. */
export const validateEpcisEvent = (json: unknown): EpcisProblem[] => collect(validators().event, json);
