// Traceability of farm products and local specialties (issue 16): producers with their own accounts, their places,
// products, certificates, lots and serialised items; GS1 keys with their check digits, GS1 Digital Link URIs and QR
// labels; EPCIS 2.0 capture and query with events hash-chained per producer. The only reader and writer of the
// trace_* tables. The public surface: other modules import this file only (see docs/architecture.md).
export { traceabilityRoutes } from './routes.js';
export { TRACE_POLICY } from './policy.js';
export { traceabilityJobs } from './jobs.js';
export { verifyExport } from './chain-export.js';
export { signingKey } from './integrity.js';
export { checkDigit, completeKey, glnFault, gtin14, gtinFault, isVietnamese, ssccFault } from './gs1/keys.js';
export type { KeyFault } from './gs1/keys.js';
export { DigitalLinkError, digitalLinkUri, gs1Date, gs1Table, parseDigitalLink } from './gs1/digital-link.js';
export type { DigitalLink, LinkFault } from './gs1/digital-link.js';
export { labelSheet, qrPng, qrSvg } from './labels.js';
export type { Label } from './labels.js';
// EPCIS 2.0 events (pure functions; the capture routes and the event store come next): validation against our
// schema, the CBV 2.0 Event Hash ID, the CBV vocabularies and our farm steps with the pre-harvest interval rule.
export { validateEpcisDocument, validateEpcisEvent } from './epcis/validate.js';
export type { EpcisProblem } from './epcis/validate.js';
export { EPCIS_EVENT_TYPES } from './epcis/schema.js';
export { eventHashId, preHashString } from './epcis/hash.js';
export type { HashOptions } from './epcis/hash.js';
export { contextPrefixes, documentEvents, documentHashIds } from './epcis/document.js';
export { canonicalIdentifier } from './epcis/canonical-id.js';
export { cbv, classifyTerm, expandTerm } from './epcis/vocabulary.js';
export type { CbvVocabularyName, TermKind } from './epcis/vocabulary.js';
export { farmContext, farmField, farmFieldProblems, farmStep, farmVocabulary, preHarvestIntervalBreaches } from './epcis/farm.js';
export type { FarmFieldProblem, FarmStep, IntervalBreach } from './epcis/farm.js';
// The demo producers and their seasons (data/demo/traceability.json), and the figures of the data-value store.
export { createDemoProducerAccount, loadDemoTraceability } from './demo.js';
export { ensureTraceabilityFigures, publishTraceabilityFigures } from './figures.js';
// The shapes of the routes' answers and bodies, for the web (imported as types only).
export type {
  AccountInput, AccountView, CertificateInput, CertificateView, ImportResult, LotInput, LotView, PlaceInput, PlaceView, ProducerInput, ProducerView, ProductInput, ProductView,
} from './schema.js';
export type { CaptureJob, CaptureProblem } from './epcis-schema.js';
export type { Integrity } from './chain-routes.js';
