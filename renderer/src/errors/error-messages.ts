import type { i18n as I18n } from 'i18next';
import type { FieldIssue } from '../../../shared/contract';
import { isApiError } from '../api/api-error';
import { keyFor } from '../i18n/translation';
import { errorCodeKey, errorReasonKey, fieldIssueKey, issueKey, type ErrorScope } from './error-keys';

export type { ErrorScope };

/** The translated sentence for an error's code, for notifications and error screens. */
export function errorMessage(error: unknown, i18n: I18n): string {
  const code = isApiError(error) ? error.code : 'UNKNOWN';
  // A file problem has many causes (empty, not a table, cut off); name the one that happened.
  const specific = isApiError(error) && error.reason ? errorReasonKey(code, error.reason) : undefined;
  return i18n.t(specific ?? errorCodeKey[code]);
}

/** The translated sentence for one field issue, most specific wording first. */
export function issueMessage(issue: FieldIssue, i18n: I18n, scope?: ErrorScope): string {
  const onField = issue.path !== '' ? fieldIssueKey(issue.path, issue.reason, scope) : undefined;
  return i18n.t(onField ?? keyFor(issueKey, issue.reason) ?? issueKey.other);
}

export interface SplitErrors {
  /** Translated messages for the fields the form shows, keyed by field path. */
  fieldErrors: Record<string, string>;
  /** A sentence for everything else, or null when every problem landed on a field. */
  remaining: string | null;
}

/**
 * Puts each issue on the form field it names (if the form has it) and words the rest, so no
 * server message is lost and none is shown twice.
 */
export function splitErrors(
  error: unknown,
  fields: readonly string[],
  i18n: I18n,
  scope?: ErrorScope,
): SplitErrors {
  const fieldErrors: Record<string, string> = {};
  const unplaced: string[] = [];
  const issues = isApiError(error) ? error.issues : [];
  for (const issue of issues) {
    const message = issueMessage(issue, i18n, scope);
    if (fields.includes(issue.path)) {
      fieldErrors[issue.path] ??= message;
    } else {
      unplaced.push(message);
    }
  }
  let remaining: string | null = null;
  if (unplaced.length > 0) remaining = [...new Set(unplaced)].join(' ');
  else if (issues.length === 0) remaining = errorMessage(error, i18n);
  return { fieldErrors, remaining };
}
