/**
 * The API's error catalog: core's `ERROR_CATALOG` codes plus the server's own, each with a stable code and an
 * HTTP status. Every error response is `{ error: { code, title, message, field? } }`.
 */
import { ERROR_CATALOG, isTandemError } from '@tandem/core';
import type { ErrorCode } from '@tandem/core';

export const SERVER_ERROR_CATALOG = {
  CSRF_INVALID: { httpStatus: 403, title: 'Missing or wrong CSRF token' },
  ACCOUNT_LOCKED: { httpStatus: 423, title: 'Account temporarily locked after repeated failed sign-ins' },
  TOTP_REQUIRED: { httpStatus: 401, title: 'Second factor (TOTP code) required' },
  PAYLOAD_TOO_LARGE: { httpStatus: 413, title: 'Request body too large' },
  UNSUPPORTED_MEDIA_TYPE: { httpStatus: 415, title: 'Unsupported content type' },
  APPROVER_REQUIRED: { httpStatus: 403, title: 'Lowering a releasability label needs an approver of the owner nation' },
  JOB_NOT_FINISHED: { httpStatus: 409, title: 'Job has no result yet' },
} as const;

export type ServerErrorCode = keyof typeof SERVER_ERROR_CATALOG;
export type ApiErrorCode = ErrorCode | ServerErrorCode;

export class ServerError extends Error {
  readonly code: ServerErrorCode;
  readonly field: string | undefined;
  readonly httpStatus: number;
  constructor(code: ServerErrorCode, message: string, field?: string) {
    super(message);
    this.name = 'ServerError';
    this.code = code;
    this.field = field;
    this.httpStatus = SERVER_ERROR_CATALOG[code].httpStatus;
  }
}

export interface ApiErrorBody {
  error: { code: ApiErrorCode; title: string; message: string; field?: string };
}

function body(code: ApiErrorCode, message: string, field: string | undefined): ApiErrorBody {
  const title =
    code in SERVER_ERROR_CATALOG
      ? SERVER_ERROR_CATALOG[code as ServerErrorCode].title
      : ERROR_CATALOG[code as ErrorCode].title;
  return { error: field === undefined ? { code, title, message } : { code, title, message, field } };
}

/** Maps anything thrown in a handler (ours, core's, Fastify's) to a status and an error body. */
export function toApiError(err: unknown): { status: number; body: ApiErrorBody } {
  if (isTandemError(err)) return { status: err.httpStatus, body: body(err.code, err.message, err.field) };
  if (err instanceof ServerError) return { status: err.httpStatus, body: body(err.code, err.message, err.field) };
  const e = err as { statusCode?: number; code?: string; message?: string; validation?: unknown[] };
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  const message = String(e.message ?? 'error');
  if (Array.isArray(e.validation)) {
    const first = e.validation[0] as { instancePath?: string; params?: { missingProperty?: string } } | undefined;
    const path = (first?.instancePath ?? '').replace(/^\//, '').replaceAll('/', '.');
    const missing = first?.params?.missingProperty;
    const field = missing !== undefined ? (path === '' ? missing : `${path}.${missing}`) : path || 'body';
    return { status: 400, body: body('INVALID_INPUT', message, field) };
  }
  if (status === 413) return { status, body: body('PAYLOAD_TOO_LARGE', message, 'body') };
  if (status === 415) return { status, body: body('UNSUPPORTED_MEDIA_TYPE', message, 'content-type') };
  if (status === 429) return { status, body: body('RATE_LIMITED', message, undefined) };
  if (status === 404) return { status, body: body('NOT_FOUND', message, undefined) };
  if (status >= 400 && status < 500) return { status, body: body('INVALID_INPUT', message, 'body') };
  return { status: 500, body: body('INTERNAL', 'internal error', undefined) };
}
