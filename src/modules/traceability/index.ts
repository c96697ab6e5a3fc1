// Traceability of farm products and local specialties (issue 16). This first part: GS1 keys with their check digits,
// GS1 Digital Link URIs parsed and written, and QR labels (PNG, SVG, A4 sheets). Events, the resolver and the
// consumer page come next, in this module. The public surface: other modules import this file only.
export { checkDigit, completeKey, glnFault, gtin14, gtinFault, isVietnamese, ssccFault } from './gs1/keys.js';
export type { KeyFault } from './gs1/keys.js';
export { DigitalLinkError, digitalLinkUri, gs1Date, gs1Table, parseDigitalLink } from './gs1/digital-link.js';
export type { DigitalLink, LinkFault } from './gs1/digital-link.js';
export { labelSheet, qrPng, qrSvg } from './labels.js';
export type { Label } from './labels.js';
