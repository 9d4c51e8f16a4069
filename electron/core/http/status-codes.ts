import type { ErrorCode } from '../../../shared/contract/errors';

/** HTTP status for an envelope; the body is always the envelope, clients read that. */
export const httpStatusFor: Record<ErrorCode, number> = {
  VALIDATION: 400,
  BAD_FILE: 400,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  UNAVAILABLE: 503,
  INTERNAL: 500,
};
