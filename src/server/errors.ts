import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Locale } from '../db/schema.js';
import { ISSUE_MESSAGES } from './messages.js';
import { fieldLabel, formatMessage, statusOf, type ErrorCode, type MessageParams } from './error-codes/index.js';
import { logClientError } from './client-log.js';

/** A failure the caller can understand: a stable code (which fixes the HTTP status), and what to put into the message. */
export class AppError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  /** Every problem, when there are several (the rows of an import). */
  readonly details?: unknown[];

  constructor(
    readonly code: ErrorCode,
    readonly params: MessageParams = {},
    readonly field?: string,
    extra: { headers?: Record<string, string>; details?: unknown[] } = {},
  ) {
    super(code);
    this.status = statusOf(code);
    this.headers = extra.headers ?? {};
    if (extra.details) this.details = extra.details;
  }
}

export const notFound = (field?: string) => new AppError('not_found', {}, field);
export const forbidden = () => new AppError('forbidden');
export const outOfScope = (field?: string) => new AppError('out_of_scope', {}, field);
export const alreadyExists = (what: string, field?: string) => new AppError('already_exists', { what }, field);

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    messages: Record<Locale, string>;
    field?: string;
    details?: unknown[];
  };
}

/** The one error body, as the OpenAPI document shows it. */
export const ZErrorBody = z.object({
  error: z.object({
    code: z.string(), message: z.string(), messages: z.object({ vi: z.string(), en: z.string() }), field: z.string().optional(), details: z.array(z.unknown()).optional(),
  }),
});

export function requestLocale(request: FastifyRequest): Locale {
  const chosen = request.user?.locale;
  if (chosen) return chosen;
  const header = request.headers['accept-language'] ?? '';
  return /^\s*en\b/i.test(header) ? 'en' : 'vi';
}

const zodLocales = { vi: z.locales.vi(), en: z.locales.en() };

/** A validation issue in one language: the project's own message by its key, else zod's in that language. */
export function issueMessage(issue: z.core.$ZodIssue, locale: Locale): string {
  const own = ISSUE_MESSAGES[issue.message];
  if (own) return own[locale];
  const text = zodLocales[locale].localeError?.(issue as never);
  return typeof text === 'string' ? text : (text?.message ?? issue.message);
}

export function errorBody(code: ErrorCode, locale: Locale, params: MessageParams = {}, field?: string): ErrorBody {
  return {
    error: {
      code,
      message: formatMessage(code, locale, params),
      messages: { vi: formatMessage(code, 'vi', params), en: formatMessage(code, 'en', params) },
      ...(field ? { field } : {}),
    },
  };
}

function validationBody(issues: z.core.$ZodIssue[], prefix: string, locale: Locale): ErrorBody {
  const details = issues.map((issue) => {
    const extra = issue.code === 'unrecognized_keys' ? issue.keys.slice(0, 1) : [];
    const field = [prefix, ...issue.path.map(String), ...extra].filter(Boolean).join('.') || '(body)';
    return { field, message: issueMessage(issue, locale), messages: { vi: issueMessage(issue, 'vi'), en: issueMessage(issue, 'en') } };
  });
  const first = details[0]!;
  // The field as each language names it (the body's `field` keeps the path for programs).
  const detail = (l: Locale) => `${fieldLabel(first.field, l)}: ${first.messages[l]}`;
  const body = errorBody('validation_failed', locale, { detail: detail(locale) }, first.field);
  body.error.messages = { vi: formatMessage('validation_failed', 'vi', { detail: detail('vi') }), en: formatMessage('validation_failed', 'en', { detail: detail('en') }) };
  body.error.details = details;
  return body;
}

const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'malformed_json',
  FST_ERR_CTP_BODY_TOO_LARGE: 'payload_too_large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'unsupported_media_type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'malformed_json',
};

/**
 * What Fastify's router refuses before any hook or route runs — a broken %-escape (FST_ERR_BAD_URL), a path
 * parameter past its length (FST_ERR_MAX_PARAM_LENGTH) — answered with the one error body too.
 */
export function frameworkErrors(err: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const code: ErrorCode = err.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 'url_too_long' : err.code === 'FST_ERR_BAD_URL' ? 'malformed_url' : 'internal';
  if (code === 'internal') request.log.error({ err }, 'router error');
  else logClientError(request.log, { code: err.code }, 'malformed request address');
  reply.status(statusOf(code)).send(errorBody(code, requestLocale(request)));
}

/** One error handler: callers get a code and both languages; only 5xx are logged as errors, and never shown. */
export function registerErrorHandling(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((err: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) => {
    const locale = requestLocale(request);
    if (err instanceof AppError) {
      const body = errorBody(err.code, locale, err.params, err.field);
      if (err.details) body.error.details = err.details;
      return reply.status(err.status).headers(err.headers).send(body);
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      // The type provider flattens each zod issue; put it back together so zod's own locales can word it.
      const issues = err.validation.map((v) => ({
        ...v.params,
        code: v.keyword,
        message: v.message,
        path: v.instancePath.split('/').filter(Boolean),
      }) as unknown as z.core.$ZodIssue);
      const prefix = err.validationContext === 'body' ? '' : (err.validationContext ?? '');
      return reply.status(400).send(validationBody(issues, prefix, locale));
    }
    if (err instanceof z.ZodError) {
      return reply.status(400).send(validationBody(err.issues, '', locale));
    }
    const fastifyErr = err as FastifyError;
    const known = fastifyErr.code ? FASTIFY_CODES[fastifyErr.code] : undefined;
    if (known) {
      return reply.status(statusOf(known)).send(errorBody(known, locale, { limit: `${Math.round(bodyLimit / 1024)} KiB` }));
    }
    if (fastifyErr.statusCode === 429) {
      return reply.status(429).send(errorBody('too_many_requests', locale, { after: String(reply.getHeader('retry-after') ?? '60') + ' s' }));
    }
    if (fastifyErr.statusCode && fastifyErr.statusCode >= 400 && fastifyErr.statusCode < 500) {
      logClientError(request.log, { code: fastifyErr.code, status: fastifyErr.statusCode, message: fastifyErr.message }, 'client error');
      return reply.status(fastifyErr.statusCode).send(errorBody('validation_failed', locale, { detail: fastifyErr.message }));
    }
    request.log.error({ err }, 'unhandled error');
    return reply.status(500).send(errorBody('internal', locale));
  });

  app.setNotFoundHandler((request, reply) => {
    const locale = requestLocale(request);
    reply.status(404).send(errorBody('route_not_found', locale, { method: request.method, url: request.url.split('?')[0] ?? '' }));
  });
}
