import type { CaseCategory, ProductFamily } from '../domain/reviews';

/**
 * The words the scorer reads. The category words are the user's category rules (editable on the
 * rules screen; the defaults are seeded per product family by migrations); the grammar around them
 * (aspects, praise, complaint modifiers) lives here, because it is the language, not the shop.
 */
export interface LexiconRule {
  id: number;
  name: string;
  category: CaseCategory;
  keywords: readonly string[];
  priority: number;
  enabled: boolean;
  /** Which product family the rule's words belong to; `general` applies to every shop. */
  family: ProductFamily;
}

export interface LexiconEntry {
  word: string;
  category: CaseCategory;
  ruleId: number;
  ruleName: string;
  priority: number;
  /** An aspect word (物流, 客服, 质量) names what is talked about, not what went wrong. */
  aspect: boolean;
}

/** The compiled lexicon of one product family: built once per import, read per row. */
export interface Lexicon {
  family: ProductFamily | null;
  entries: LexiconEntry[];
  /** The entries by their first character, longest word first: one pass over a review finds them all. */
  byFirst: Map<string, LexiconEntry[]>;
}

/**
 * Words that name a side of the purchase rather than a fault: alone they are weak evidence; with a
 * complaint modifier in the clause (物流太慢) strong; with praise (物流很快) they count against.
 */
export const aspectWords: Readonly<Record<string, CaseCategory>> = {
  物流: 'logistics',
  快递: 'logistics',
  发货: 'logistics',
  配送: 'logistics',
  送货: 'logistics',
  到货: 'logistics',
  客服: 'service',
  服务: 'service',
  态度: 'service',
  卖家: 'service',
  商家: 'service',
  质量: 'quality',
  做工: 'quality',
  品质: 'quality',
  味道: 'quality',
  口感: 'quality',
  效果: 'quality',
  包装: 'quality',
  尺码: 'mismatch',
  颜色: 'mismatch',
  描述: 'mismatch',
  售后: 'service',
  电池: 'quality',
  续航: 'quality',
  屏幕: 'quality',
  信号: 'quality',
};

/** Praise in a clause (很快, 不错, 满意, 还行 …): the aspect it speaks of counts against its category. */
export const praisePattern = /(?:很|挺|非常|超|特别|蛮|比较|真|还|算)?(?:快|迅速|及时|好|不错|满意|给力|行|可以|耐心|热情|专业|周到|棒|赞|靠谱|完好|新鲜|正品)/g;

/** What makes an aspect a complaint in its clause (物流太慢, 客服态度差, 质量有问题). */
export const complaintPattern = /差|慢|烂|垃圾|不好|不行|糟|坑|失望|恶劣|问题|一般|无语|差劲|生气|难用|不满|坏|不耐烦|不理|不回|敷衍|拖|好久|太久|没到|不到|错|假|脏|臭|贵|骗|不耐用|不经用|不持久|不够/g;

/** The lexicon for a shop: `general` entries plus its family's (every family's when none is set). */
export function compileLexicon(rules: readonly LexiconRule[], family: ProductFamily | null): Lexicon {
  const entries: LexiconEntry[] = [];
  const seen = new Set<string>();
  const ordered = rules.filter((rule) => rule.enabled).sort((a, b) => a.priority - b.priority || a.id - b.id);
  for (const rule of ordered) {
    if (family !== null && rule.family !== 'general' && rule.family !== family) continue;
    for (const raw of rule.keywords) {
      const word = raw.toLowerCase();
      const key = `${rule.category}\u0000${word}`;
      if (word === '' || seen.has(key)) continue;
      seen.add(key);
      entries.push({ word, category: rule.category, ruleId: rule.id, ruleName: rule.name, priority: rule.priority, aspect: aspectWords[word] === rule.category });
    }
  }
  const byFirst = new Map<string, LexiconEntry[]>();
  for (const entry of entries) {
    const first = entry.word[0] as string;
    const list = byFirst.get(first) ?? [];
    list.push(entry);
    byFirst.set(first, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.word.length - a.word.length);
  return { family, entries, byFirst };
}
