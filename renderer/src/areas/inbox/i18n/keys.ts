import type { ParseKeys } from 'i18next';
import type { EventPayload, ImportNotice, ImportRun } from '../../../../../shared/contract';
import type { EncodingConfidence, EncodingReason, FlagType, ReviewField } from '../../../../../shared/domain/reviews';
import { keyFor, wordKeys } from '../../../i18n/translation';
import { inboxZhCN } from './zh-CN';

type InboxKey = ParseKeys<'inbox'>;

export const flagKey: Record<FlagType, InboxKey> = {
  extortion: 'flags.extortion',
  competitor: 'flags.competitor',
  burst: 'flags.burst',
  high_return_rate: 'flags.high_return_rate',
  same_device: 'flags.same_device',
  compliance_risk: 'flags.compliance_risk',
};

export const fieldKey: Record<ReviewField, InboxKey> = {
  orderNo: 'fields.orderNo',
  text: 'fields.text',
  postedAt: 'fields.postedAt',
  level: 'fields.level',
  rating: 'fields.rating',
  buyerNick: 'fields.buyerNick',
  product: 'fields.product',
  sku: 'fields.sku',
  followUpText: 'fields.followUpText',
  imagesCount: 'fields.imagesCount',
  platformReviewId: 'fields.platformReviewId',
  buyerIp: 'fields.buyerIp',
  deviceId: 'fields.deviceId',
};

export type ReviewColumn = 'level' | 'text' | 'category' | 'flags' | 'shop' | 'buyer' | 'posted' | 'status' | 'assignee';

export const columnKey: Record<ReviewColumn, InboxKey> = {
  level: 'columns.level',
  text: 'columns.text',
  category: 'columns.category',
  flags: 'columns.flags',
  shop: 'columns.shop',
  buyer: 'columns.buyer',
  posted: 'columns.posted',
  status: 'columns.status',
  assignee: 'columns.assignee',
};

export const importPhaseKey: Record<EventPayload<'import.progress'>['phase'], InboxKey> = {
  reading: 'import.phases.reading',
  writing: 'import.phases.writing',
  indexing: 'import.phases.indexing',
};

export const importFinishedKey: Record<Exclude<ImportRun['status'], 'running'>, InboxKey> = {
  done: 'import.finished.done',
  cancelled: 'import.finished.cancelled',
  failed: 'import.finished.failed',
};

export const importNoticeKey: Record<ImportNotice['code'], InboxKey> = {
  cancelled: 'import.notice.cancelled',
  follow_ups_added: 'import.notice.follow_ups_added',
  failed: 'import.notice.failed',
  interrupted: 'import.notice.interrupted',
  undecodable_rows: 'import.notice.undecodable_rows',
  interrupted_after: 'import.notice.interrupted_after',
};

export const encodingReasonKey: Record<EncodingReason, InboxKey> = {
  bom: 'import.encodingReasons.bom',
  utf16_zeros: 'import.encodingReasons.utf16_zeros',
  ascii: 'import.encodingReasons.ascii',
  valid_utf8: 'import.encodingReasons.valid_utf8',
  utf8_bad_bytes: 'import.encodingReasons.utf8_bad_bytes',
  not_utf8: 'import.encodingReasons.not_utf8',
  not_bytes: 'import.encodingReasons.not_bytes',
};

export const encodingConfidenceKey: Record<EncodingConfidence, InboxKey> = {
  certain: 'import.encodingConfidence.certain',
  high: 'import.encodingConfidence.high',
  medium: 'import.encodingConfidence.medium',
  low: 'import.encodingConfidence.low',
};

const rejectCodeKeys = wordKeys('import.rejectCodes', inboxZhCN.import.rejectCodes);

/** Why the import refused a row, or undefined for a code this build has no words for. */
export function rejectCodeKey(code: string) {
  return keyFor(rejectCodeKeys, code);
}

const timelineActionKeys: Record<string, InboxKey> = {
  'reviews.posted': 'timeline.reviews.posted',
  'reviews.imported': 'timeline.reviews.imported',
  'reviews.created': 'timeline.reviews.created',
  'reviews.followUp': 'timeline.reviews.followUp',
  'cases.opened': 'timeline.cases.opened',
  'cases.assign': 'timeline.cases.assign',
  'cases.recategorize': 'timeline.cases.recategorize',
  'rules.reclassify': 'timeline.rules.reclassify',
};

/** A timeline entry's action in words, or undefined for an action this build has no words for. */
export function timelineActionKey(action: string): InboxKey | undefined {
  return keyFor(timelineActionKeys, action);
}
