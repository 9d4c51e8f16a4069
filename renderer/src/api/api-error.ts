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

  constructor(code: ClientErrorCode, message: string, issues: FieldIssue[] = []) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.issues = issues;
  }

  static fromBody(body: ApiErrorBody): ApiError {
    const issues = Array.isArray(body.details?.issues) ? body.details.issues : [];
    return new ApiError(body.code, body.message, issues);
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
