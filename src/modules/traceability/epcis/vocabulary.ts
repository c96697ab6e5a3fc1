import fs from 'node:fs';
import { z } from 'zod';
import { referenceFile } from '../../../server/paths.js';

// The CBV 2.0 standard vocabularies (data/reference/traceability/cbv.json). EPCIS 2.0 JSON-LD writes a standard term
// bare ("receiving"), XML and older data write its URN (urn:epcglobal:cbv:bizstep:receiving), and both stand for the
// Web URI (https://ref.gs1.org/cbv/BizStep-receiving). Anything else that is an absolute URI is a user vocabulary,
// which EPCIS allows; a bare word CBV lacks is neither, and the capture should refuse it.

const ZVocabulary = z.object({ uriPrefix: z.string(), urnPrefix: z.string().optional(), terms: z.array(z.string()) });
const ZCbv = z.object({
  version: z.string(),
  vocabularies: z.object({
    bizStep: ZVocabulary,
    disposition: ZVocabulary,
    bizTransactionType: ZVocabulary,
    sourceDestinationType: ZVocabulary,
    errorReason: ZVocabulary,
    component: ZVocabulary,
    measurementType: ZVocabulary,
    sensorAlertType: ZVocabulary,
  }),
});
export type CbvVocabularyName = keyof z.infer<typeof ZCbv>['vocabularies'];

let cbvData: z.infer<typeof ZCbv> | undefined;
export const cbv = () => (cbvData ??= ZCbv.parse(JSON.parse(fs.readFileSync(referenceFile('traceability', 'cbv.json'), 'utf8'))));

export type TermKind =
  | { kind: 'standard'; term: string; uri: string }
  | { kind: 'extension'; uri: string }
  | { kind: 'unknown' };

// A URI has a scheme; "in_transit" and "Temperature" do not, so the colon tells a vocabulary URI from a bare word.
const ABSOLUTE_URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

/** Whether a value is a standard term of a CBV vocabulary (bare, URN or Web URI form), another namespace's URI, or neither. */
export function classifyTerm(vocabulary: CbvVocabularyName, value: string): TermKind {
  const { uriPrefix, urnPrefix, terms } = cbv().vocabularies[vocabulary];
  const standard = (term: string): TermKind => ({ kind: 'standard', term, uri: uriPrefix + term });
  if (terms.includes(value)) return standard(value);
  for (const prefix of [uriPrefix, urnPrefix]) {
    if (prefix && value.startsWith(prefix)) {
      const term = value.slice(prefix.length);
      // A GS1 prefix with a term the standard lacks is a mistake, not an extension: GS1 owns that namespace.
      return terms.includes(term) ? standard(term) : { kind: 'unknown' };
    }
  }
  return ABSOLUTE_URI.test(value) ? { kind: 'extension', uri: value } : { kind: 'unknown' };
}

/** The Web URI a standard term stands for; any other value unchanged. */
export function expandTerm(vocabulary: CbvVocabularyName, value: string): string {
  const found = classifyTerm(vocabulary, value);
  return found.kind === 'standard' ? found.uri : value;
}
