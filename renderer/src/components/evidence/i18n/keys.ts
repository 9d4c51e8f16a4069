import type { ParseKeys } from 'i18next';
import type { EvidenceKind, EvidenceMedia, EvidenceTargetType } from '../../../../../shared/domain/evidence';
import { keyFor, wordKeys } from '../../../i18n/translation';
import type { AddRowStatus } from '../use-evidence-adder';
import { evidenceZhCN } from './zh-CN';

type EvidenceKey = ParseKeys<'evidence'>;

export const kindKey: Record<EvidenceKind, EvidenceKey> = {
  chat_record: 'kinds.chat_record',
  call_recording: 'kinds.call_recording',
  qc_report: 'kinds.qc_report',
  logistics_proof: 'kinds.logistics_proof',
  unboxing_video: 'kinds.unboxing_video',
  other: 'kinds.other',
};

export const mediaKey: Record<EvidenceMedia, EvidenceKey> = {
  image: 'media.image',
  audio: 'media.audio',
  video: 'media.video',
  pdf: 'media.pdf',
  text: 'media.text',
  other: 'media.other',
};

export const targetTypeKey: Record<EvidenceTargetType, EvidenceKey> = {
  case: 'targetTypes.case',
  order: 'targetTypes.order',
  customer: 'targetTypes.customer',
  review: 'targetTypes.review',
};

/** One linked target with its id, e.g. 工单 #12. */
export const targetKey: Record<EvidenceTargetType, EvidenceKey> = {
  case: 'targets.case',
  order: 'targets.order',
  customer: 'targets.customer',
  review: 'targets.review',
};

export const addStatusKey: Record<AddRowStatus, EvidenceKey> = {
  queued: 'add.status.queued',
  uploading: 'add.status.uploading',
  adding: 'add.status.adding',
  added: 'add.status.added',
  duplicate: 'add.status.duplicate',
  refused: 'add.status.refused',
};

/** The vault's own sentences for why it refused a file, prefixed for `i18n.t`, which reads `common` first. */
const refusedKeys = wordKeys('evidence:refused', evidenceZhCN.refused);

export function refusedKey(reason: string) {
  return keyFor(refusedKeys, reason);
}
