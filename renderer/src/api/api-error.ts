import type { ApiErrorBody, ErrorCode, FieldIssue } from '../../../shared/contract';

/**
 * Codes the renderer can see: the backend's closed set plus two that only a transport can
 * produce (the HTTP token was refused, or the backend could not be reached at all).
 */
export type ClientErrorCode = ErrorCode | 'UNAUTHORIZED' | 'NETWORK';

/** The one error type `call()` throws; screens turn it into words with errors/error-messages. */
export class ApiError extends Error {
  readonly code: ClientErrorCode;
  readonly issues: FieldIssue[];
  /** Machine reason from `details.reason` (e.g. BAD_FILE's empty, not_a_table), or null. */
  readonly reason: string | null;

  constructor(code: ClientErrorCode, message: string, issues: FieldIssue[] = [], reason: string | null = null) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
    this.reason = reason;
  }

  static fromBody(body: ApiErrorBody): ApiError {
    const issues = Array.isArray(body.details?.issues) ? body.details.issues : [];
    const reason = typeof body.details?.reason === 'string' ? body.details.reason : null;
    return new ApiError(body.code, body.message, issues, reason);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
