import type { ColumnMapping, MappingPreset } from '../../../../shared/contract';
import { platformIds, type PlatformId } from '../../../../shared/domain/platforms';
import { reviewFields, type ReviewField } from '../../../../shared/domain/reviews';

type HeaderLists = Partial<Record<ReviewField, string[]>>;

/** Header names every platform's exports use for a field, most specific first. */
const common: Required<HeaderLists> = {
  orderNo: ['订单号', '订单编号', '子订单编号', '子订单号', '主订单编号', '订单ID', '订单id', 'order id', 'order no', 'orderid'],
  text: ['评价内容', '评论内容', '初评内容', '首次评价内容', '买家评价', '用户评价', '评价详情', '评价', '评论', '内容', 'review', 'comment'],
  postedAt: ['评价时间', '评论时间', '初评时间', '评价日期', '评论日期', '发布时间', '创建时间', 'review time', 'date'],
  level: ['评价等级', '评价类型', '评价结果', '评价级别', '好中差评', '评价属性', 'level'],
  rating: ['评分', '商品评分', '星级', '评价星级', '打分', '总体评分', '描述相符', '宝贝与描述相符', '商品质量', 'rating', 'stars'],
  buyerNick: ['买家昵称', '用户昵称', '买家账号', '会员名', '用户名', '评价人', '买家', '昵称', 'buyer'],
  product: ['宝贝名称', '商品名称', '宝贝标题', '商品标题', '商品', '宝贝', 'product'],
  sku: ['SKU', 'sku信息', '销售属性', '商品规格', '规格', '颜色分类', '商品属性', '规格名称', 'sku名称'],
  followUpText: ['追评内容', '追加评论', '追加评价', '追评', '追加评价内容', 'follow-up'],
  imagesCount: ['图片数', '图片数量', '晒图数', '晒图', '评价图片', '图片'],
  platformReviewId: ['评价ID', '评价id', '评论ID', '评论id', '评价编号', '评论编号', 'review id'],
  buyerIp: ['IP', 'IP地址', '买家IP', '评价IP', 'ip address'],
  deviceId: ['设备ID', '设备号', '设备标识', '设备编号', 'device id'],
};

/** Where a platform's exports name things differently, its names go first. */
const platformFirst: Record<PlatformId, HeaderLists> = {
  taobao: { orderNo: ['子订单编号', '订单编号'], product: ['宝贝名称', '宝贝标题'], level: ['评价结果', '评价等级'] },
  tmall: { orderNo: ['子订单编号', '订单编号'], product: ['宝贝名称', '宝贝标题'], level: ['评价结果', '评价等级'] },
  douyin: { orderNo: ['订单号', '子订单号'], rating: ['商品评分', '评分'], buyerNick: ['用户昵称'] },
  jd: { orderNo: ['订单号', '订单编号'], rating: ['评价星级', '评分'], buyerNick: ['用户昵称', '用户名', '买家账号'], sku: ['商品编号', 'SKU'] },
  pinduoduo: { orderNo: ['订单编号', '订单号'], rating: ['描述相符', '商品评分', '评分'], sku: ['规格', '商品规格'] },
  kuaishou: { orderNo: ['订单编号', '订单号'], rating: ['商品评分', '评分'], buyerNick: ['买家昵称', '用户昵称'] },
};

const platformNames: Record<PlatformId, string> = {
  taobao: '淘宝',
  tmall: '天猫',
  douyin: '抖店',
  jd: '京东',
  pinduoduo: '拼多多',
  kuaishou: '快手',
};

function presetHeaders(platform: PlatformId): HeaderLists {
  const headers: HeaderLists = {};
  for (const field of reviewFields) {
    headers[field] = [...new Set([...(platformFirst[platform][field] ?? []), ...common[field]])];
  }
  return headers;
}

export const builtInPresets: MappingPreset[] = platformIds.map((platform) => ({
  id: platform,
  name: `${platformNames[platform]}导出`,
  platform,
  builtIn: true,
  headers: presetHeaders(platform),
}));

/**
 * Header text as exports vary it: full-width letters and parentheses (NFKC), spaces anywhere,
 * a trailing `*` or `:`, zero-width characters, case.
 */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFKC')
    .replace(/[\s\u200b-\u200d\ufeff]+/g, '')
    .replace(/[*:：]+$/, '')
    .toLowerCase();
}

/** The header without a bracketed note such as 评价时间(北京时间) or 评分（1-5）. */
function withoutNote(normalized: string): string {
  return normalized.replace(/\(.*?\)|\[.*?\]|【.*?】/g, '');
}

export interface SuggestedMapping {
  mapping: ColumnMapping;
  matched: number;
}

/** Each field takes the first of its names found among the headers; a column serves one field. */
export function suggestMapping(headers: readonly string[], preset: Pick<MappingPreset, 'headers'>): SuggestedMapping {
  // Columns by header, in order, looked up instead of scanned: a candidate row of a sparse sheet
  // can be 16,384 cells wide, and every field's every name would scan it.
  const byName = (names: readonly string[]) => {
    const columns = new Map<string, number[]>();
    names.forEach((name, index) => {
      const list = columns.get(name);
      if (list) list.push(index);
      else columns.set(name, [index]);
    });
    return columns;
  };
  const normalized = headers.map(normalizeHeader);
  const exact = byName(normalized);
  const loose = byName(normalized.map((header) => (header === '' ? '' : withoutNote(header))));
  const used = new Set<number>();
  const mapping: ColumnMapping = {};
  let matched = 0;
  for (const field of reviewFields) {
    const names = (preset.headers[field] ?? []).map(normalizeHeader);
    let found = -1;
    for (const candidates of [exact, loose]) {
      for (const name of names) {
        found = candidates.get(name)?.find((index) => !used.has(index)) ?? -1;
        if (found >= 0) break;
      }
      if (found >= 0) break;
    }
    if (found >= 0) {
      used.add(found);
      mapping[field] = found;
      matched++;
    }
  }
  return { mapping, matched };
}

/** Fields a mapping must fill before an import can start. */
export function missingFields(mapping: ColumnMapping): ReviewField[] {
  const has = (field: ReviewField) => mapping[field] !== undefined && mapping[field] !== null;
  const missing: ReviewField[] = [];
  if (!has('text')) missing.push('text');
  if (!has('postedAt')) missing.push('postedAt');
  if (!has('level') && !has('rating')) missing.push('level');
  if (!has('orderNo') && !has('platformReviewId')) missing.push('orderNo');
  return missing;
}

/** The headers a saved mapping recognises next time: the file's own names for each mapped field. */
export function presetFromMapping(headers: readonly string[], mapping: ColumnMapping): Partial<Record<ReviewField, string[]>> {
  const lists: Partial<Record<ReviewField, string[]>> = {};
  for (const field of reviewFields) {
    const index = mapping[field];
    const header = index === undefined || index === null ? undefined : headers[index];
    if (header !== undefined && header.trim() !== '') lists[field] = [header.trim()];
  }
  return lists;
}
