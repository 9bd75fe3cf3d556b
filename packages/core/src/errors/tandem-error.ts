/**
 * The error catalog: every error a user can meet has a stable code, an HTTP status for the API, and a message
 * that says what is wrong and where (`field` is a JSON path such as `seed.lat` or a file name and variable).
 * Add codes here; never reuse or rename one.
 */
export const ERROR_CATALOG = {
  INVALID_INPUT: { httpStatus: 400, title: 'Invalid input' },
  UNKNOWN_CATEGORY: { httpStatus: 400, title: 'Unknown search-object category' },
  OUT_OF_RANGE: { httpStatus: 400, title: 'Value out of range' },
  TIME_OUTSIDE_FORCING: { httpStatus: 422, title: 'Time outside the forcing data' },
  UNSUPPORTED_FILE: { httpStatus: 415, title: 'Unsupported or damaged file' },
  FILE_TOO_LARGE: { httpStatus: 413, title: 'File or declared size too large' },
  VARIABLE_NOT_FOUND: { httpStatus: 422, title: 'Variable not found in file' },
  TOOL_MISSING: { httpStatus: 500, title: 'External tool missing' },
  NOT_FOUND: { httpStatus: 404, title: 'Not found' },
  UNAUTHENTICATED: { httpStatus: 401, title: 'Sign-in required' },
  FORBIDDEN: { httpStatus: 403, title: 'Not allowed' },
  CONFLICT: { httpStatus: 409, title: 'Conflict' },
  RATE_LIMITED: { httpStatus: 429, title: 'Too many requests' },
  INTERNAL: { httpStatus: 500, title: 'Internal error' },
} as const;

export type ErrorCode = keyof typeof ERROR_CATALOG;

export class TandemError extends Error {
  readonly code: ErrorCode;
  /** Where the problem is: a JSON path (`seed.radiusM`), a file and variable, a CLI flag. */
  readonly field: string | undefined;
  readonly httpStatus: number;

  constructor(code: ErrorCode, message: string, field?: string) {
    super(field === undefined ? message : `${field}: ${message}`);
    this.name = 'TandemError';
    this.code = code;
    this.field = field;
    this.httpStatus = ERROR_CATALOG[code].httpStatus;
  }
}

export function isTandemError(e: unknown): e is TandemError {
  return e instanceof TandemError;
}
