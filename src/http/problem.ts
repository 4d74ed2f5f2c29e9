/**
 * @module RFC 9457 problem details: the one error shape of the API. Expected failures throw
 * `AppError`; `renderProblem` turns anything thrown into a response, and unknown errors become
 * a generic 500 whose details only reach the log.
 */
import { z } from '@hono/zod-openapi';
import type { ZodError } from 'zod';

export const PROBLEM_CODES = [
  'validation_failed',
  'malformed_json',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'unsupported_media_type',
  'rate_limited',
  'csrf_rejected',
  'session_locked',
  'account_locked',
  'not_available',
  'vault_unreadable',
  'compliance_blocked',
  'internal_error',
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const FieldErrorSchema = z.object({
  path: z.string().openapi({ example: 'body.text' }),
  message: z.string(),
  code: z.string().optional(),
});

export const ProblemSchema = z
  .object({
    type: z.string().openapi({ example: 'https://tidedesk.dev/problems/validation_failed' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: z.enum(PROBLEM_CODES),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .openapi('Problem');

export type Problem = z.infer<typeof ProblemSchema>;
export type FieldError = z.infer<typeof FieldErrorSchema>;

const TITLES: Record<ProblemCode, string> = {
  validation_failed: 'Request validation failed',
  malformed_json: 'Malformed JSON body',
  unauthorized: 'Authentication required',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  conflict: 'Conflict',
  payload_too_large: 'Payload too large',
  unsupported_media_type: 'Unsupported media type',
  rate_limited: 'Too many requests',
  csrf_rejected: 'Cross-site request refused',
  session_locked: 'Session locked',
  account_locked: 'Account temporarily locked',
  not_available: 'Not available on this runtime',
  vault_unreadable: 'Stored value unreadable',
  compliance_blocked: 'Blocked by compliance rules',
  internal_error: 'Internal server error',
};

export const STATUS = {
  OK: 200,
  CREATED: 201,
  ACCEPTED: 202,
  NO_CONTENT: 204,
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  UNPROCESSABLE: 422,
  TOO_MANY_REQUESTS: 429,
  NOT_IMPLEMENTED: 501,
  INTERNAL: 500,
} as const;

const CODE_STATUS: Record<ProblemCode, number> = {
  validation_failed: STATUS.UNPROCESSABLE,
  malformed_json: STATUS.BAD_REQUEST,
  unauthorized: STATUS.UNAUTHORIZED,
  forbidden: STATUS.FORBIDDEN,
  not_found: STATUS.NOT_FOUND,
  conflict: STATUS.CONFLICT,
  payload_too_large: STATUS.PAYLOAD_TOO_LARGE,
  unsupported_media_type: STATUS.UNSUPPORTED_MEDIA_TYPE,
  rate_limited: STATUS.TOO_MANY_REQUESTS,
  csrf_rejected: STATUS.FORBIDDEN,
  session_locked: STATUS.UNAUTHORIZED,
  account_locked: STATUS.TOO_MANY_REQUESTS,
  not_available: STATUS.NOT_IMPLEMENTED,
  vault_unreadable: STATUS.CONFLICT,
  compliance_blocked: STATUS.UNPROCESSABLE,
  internal_error: STATUS.INTERNAL,
};

/** The one exception type for expected failures. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ProblemCode,
    detail?: string,
    readonly errors?: FieldError[],
    readonly extra?: Record<string, unknown>,
  ) {
    super(detail ?? TITLES[code]);
    this.name = 'AppError';
    this.status = CODE_STATUS[code];
  }
}

export const notFound = (what = 'resource') => new AppError('not_found', `No such ${what}.`);

/** Zod issues → field errors with dotted paths prefixed by where the value came from. */
export function fieldErrors(error: ZodError, source: string): FieldError[] {
  return error.issues.map((issue) => ({
    path: [source, ...issue.path.map(String)].join('.'),
    message: issue.message,
    code: issue.code,
  }));
}

export function problemBody(err: AppError, instance?: string): Problem {
  return {
    type: `https://tidedesk.dev/problems/${err.code}`,
    title: TITLES[err.code],
    status: err.status,
    detail: err.message,
    ...(instance ? { instance } : {}),
    code: err.code,
    ...(err.errors ? { errors: err.errors } : {}),
    ...err.extra,
  };
}

export function problemResponse(err: AppError, instance?: string): Response {
  return new Response(JSON.stringify(problemBody(err, instance)), {
    status: err.status,
    headers: { 'content-type': 'application/problem+json; charset=utf-8' },
  });
}

/** Standard error responses for `createRoute`, so every documented route lists its failures. */
export function problemResponses(...codes: number[]) {
  const out: Record<
    number,
    { description: string; content: Record<string, { schema: typeof ProblemSchema }> }
  > = {};
  for (const code of codes) {
    out[code] = {
      description: `Problem (${code})`,
      content: { 'application/problem+json': { schema: ProblemSchema } },
    };
  }
  return out;
}
