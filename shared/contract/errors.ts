/** Closed set of error codes that may cross a process boundary. The UI has a message for each. */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'BAD_FILE',
  'UNAVAILABLE',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof errorCodes)[number];

/** One field-level problem, as reported for VALIDATION errors. */
export interface FieldIssue {
  /** Dotted path of the offending field, '' for the whole input. */
  path: string;
  /** Machine-readable reason (zod issue code such as too_small, invalid_type). */
  reason: string;
  /** English developer message; the UI shows a translated one keyed by `reason`. */
  message: string;
}

export interface ApiErrorBody {
  code: ErrorCode;
  message: string;
  details?: { issues?: FieldIssue[]; [key: string]: unknown };
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (errorCodes as readonly string[]).includes(value);
}
