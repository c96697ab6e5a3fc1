import type { Locale } from '../../db/schema.js';

/** An error code's HTTP status and its message in each language; `{name}` placeholders are filled from params. */
export type ErrorDefinition = { status: number } & Record<Locale, string>;
export type ErrorDefinitions = Record<string, ErrorDefinition>;
