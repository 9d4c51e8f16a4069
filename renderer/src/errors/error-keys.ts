import type { ParseKeys } from 'i18next';
import type { ClientErrorCode } from '../api/api-error';
import { commonZhCN } from '../i18n/common/zh-CN';
import { keyFor, wordKeys } from '../i18n/translation';

const words = commonZhCN.errors;

/** The sentence for each error code; UNKNOWN for anything that is not an ApiError. */
export const errorCodeKey = wordKeys('errors.codes', words.codes) satisfies Record<ClientErrorCode | 'UNKNOWN', string>;

/** Codes whose `details.reason` has its own sentences (a file problem has many causes). */
const reasonKeys = {
  BAD_FILE: wordKeys('errors.reasons.BAD_FILE', words.reasons.BAD_FILE),
  NOT_FOUND: wordKeys('errors.reasons.NOT_FOUND', words.reasons.NOT_FOUND),
  VALIDATION: wordKeys('errors.reasons.VALIDATION', words.reasons.VALIDATION),
  FORBIDDEN: wordKeys('errors.reasons.FORBIDDEN', words.reasons.FORBIDDEN),
  CONFLICT: wordKeys('errors.reasons.CONFLICT', words.reasons.CONFLICT),
};

/** The generic sentence for each field issue reason. */
export const issueKey = wordKeys('errors.issues', words.issues);

/** Sentences for one field's issues, more precise than the generic ones. */
const fieldIssueKeys = {
  name: wordKeys('errors.fields.name', words.fields.name),
  shopId: wordKeys('errors.fields.shopId', words.fields.shopId),
  text: wordKeys('errors.fields.text', words.fields.text),
};

/** Field sentences that only fit one screen. */
const scopedIssueKeys: Record<'staff' | 'shops', Readonly<Record<string, Readonly<Record<string, ParseKeys<'common'>>>>>> = {
  staff: { name: wordKeys('errors.scoped.staff.name', words.scoped.staff.name) },
  shops: { name: wordKeys('errors.scoped.shops.name', words.scoped.shops.name) },
};

/**
 * Scopes give a field error a more specific wording where the generic one would be vague,
 * e.g. a duplicate `name` reads "已有同名成员" on the team screen.
 */
export type ErrorScope = keyof typeof scopedIssueKeys;

/** The sentence for a code's specific reason, or undefined when the UI has none. */
export function errorReasonKey(code: string, reason: string) {
  const byReason = keyFor(reasonKeys, code);
  return byReason ? keyFor(byReason, reason) : undefined;
}

/** The sentence for an issue on one field, the screen's own wording first, or undefined. */
export function fieldIssueKey(path: string, reason: string, scope?: ErrorScope) {
  const scoped = scope ? keyFor(scopedIssueKeys[scope], path) : undefined;
  const general = keyFor(fieldIssueKeys, path);
  return (scoped ? keyFor(scoped, reason) : undefined) ?? (general ? keyFor(general, reason) : undefined);
}
