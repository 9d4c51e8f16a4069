/** 好评 / 中评 / 差评. Star ratings map onto these (1–2 bad, 3 neutral, 4–5 good). */
export const reviewLevels = ['good', 'neutral', 'bad'] as const;
export type ReviewLevel = (typeof reviewLevels)[number];

/** Case lifecycle (cases.transition drives it, the SLA clocks follow); every neutral/negative review gets a case. */
export const caseStatuses = ['new', 'contacting', 'solution_offered', 'resolved', 'guidance_sent', 'outcome', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** 物流延误, 产品质量, 尺码/描述不符, 漏发/错发, 服务态度, 恶意差评, 其他. */
export const caseCategories = ['logistics', 'quality', 'mismatch', 'wrong_item', 'service', 'malicious', 'other'] as const;
export type CaseCategory = (typeof caseCategories)[number];

export const severities = ['low', 'medium', 'high', 'critical'] as const;
export type Severity = (typeof severities)[number];

/** Malicious-pattern flags; each is stored with the evidence that raised it. */
/** compliance_risk: a buyer reports the shop's own cash-for-review offer (好评返现), a platform-rule risk for the owner. */
export const flagTypes = ['extortion', 'competitor', 'burst', 'high_return_rate', 'same_device', 'compliance_risk'] as const;
export type FlagType = (typeof flagTypes)[number];

/** Fields an import can fill, in the order the mapping screen lists them. */
export const reviewFields = [
  'orderNo',
  'text',
  'postedAt',
  'level',
  'rating',
  'buyerNick',
  'product',
  'sku',
  'followUpText',
  'imagesCount',
  'platformReviewId',
  'buyerIp',
  'deviceId',
] as const;
export type ReviewField = (typeof reviewFields)[number];

/** A row cannot be stored without these. A level or a rating is also required (either). */
export const requiredReviewFields: readonly ReviewField[] = ['text', 'postedAt'];

export const textEncodings = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'] as const;
export type TextEncoding = (typeof textEncodings)[number];
/** How sure the importer is of a file's encoding: a BOM is certain; a few bad UTF-8 bytes make it medium. */
export const encodingConfidences = ['certain', 'high', 'medium', 'low'] as const;
export type EncodingConfidence = (typeof encodingConfidences)[number];
/**
 * Why: a byte-order mark, UTF-16's zero bytes, plain ASCII, valid UTF-8, UTF-8 but for a few bad
 * bytes, not UTF-8 (so GB18030), or not a byte question at all (XLSX, pasted text).
 */
export const encodingReasons = ['bom', 'utf16_zeros', 'ascii', 'valid_utf8', 'utf8_bad_bytes', 'not_utf8', 'not_bytes'] as const;
export type EncodingReason = (typeof encodingReasons)[number];

/**
 * What a shop sells: it selects which lexicon entries (category rules) apply to its reviews.
 * `general` entries always apply; a shop with no family set gets every family's entries.
 */
export const productFamilies = ['general', 'electronics', 'food', 'beauty', 'clothing', 'appliances'] as const;
export type ProductFamily = (typeof productFamilies)[number];
