import type { ErrorCode, FieldIssue } from '../../shared/contract/errors';

/**
 * The one error type handlers throw on purpose. Dispatch turns it into the envelope; anything
 * else thrown becomes INTERNAL with a generic message (details stay in the log).
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details?: { issues?: FieldIssue[]; [key: string]: unknown };

  constructor(code: ErrorCode, message: string, details?: AppError['details']) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
}

export function notFound(what: string, id: number | string): AppError {
  return new AppError('NOT_FOUND', `${what} ${id} does not exist.`, { entity: what, id });
}

/** A uniqueness clash, reported against the field the user can change. */
export function conflict(message: string, field: string): AppError {
  return new AppError('CONFLICT', message, {
    issues: [{ path: field, reason: 'duplicate', message }],
  });
}

export function isUniqueViolation(error: unknown): boolean {
  return (
    typeof error === 'object' &&
    error !== null &&
    'code' in error &&
    (error as { code: unknown }).code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
