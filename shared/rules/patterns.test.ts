import { describe, expect, it } from 'vitest';
import { findPatterns, type PatternKind } from './patterns';

const found = (text: string) => findPatterns(text).map((finding) => [finding.kind, finding.text, finding.start]);
const kinds = (text: string): PatternKind[] => findPatterns(text).map((finding) => finding.kind);

describe('extortion: money bound to the review by a condition', () => {
  it.each([
    ['不给我返现20元我就天天来差评', '返现20元我就天天来差评', 3],
    ['加我微信转50块钱我就删评，不然这个差评一直挂着', '50块钱我就删评，不然这个差评', 5],
    ['赔我100块，否则追评曝光你们', '赔我100块，否则追评曝光', 0],
    ['差评我不会删，除非补偿我200元', '差评我不会删，除非补偿我200元', 0],
    ['如果给我红包我就改好评', '红包我就改好评', 4],
    ['东西坏了，转账五十元给我，要不然一星', '转账五十元给我，要不然一星', 5],
  ])('%s → the span %s', (text, span, start) => {
    expect(found(text)).toEqual([['extortion', span, start]]);
  });

  it.each(['质量差，要求退款', '差评，不会再买了', '差评，就因为物流，赔了我一天时间', '退钱就算了，差评', '花了200元买的，就这质量，差评', '价钱就这样吧，好评', '绝对不是因为返现才好评的', '不是为了那80几块钱就给你们差评'])(
    'leaves the honest review %s alone',
    (text) => {
      expect(findPatterns(text)).toEqual([]);
    },
  );
});

describe('cash-for-review reported by a buyer', () => {
  it('is a compliance risk for the owner, not extortion by the buyer', () => {
    expect(found('商家搞好评返现，卡片上写五星好评返5元')).toEqual([
      ['compliance_risk', '好评返现', 3],
      ['compliance_risk', '五星好评返5', 12],
    ]);
    expect(kinds('客服说给五星好评就返10元')).toEqual(['compliance_risk']);
    expect(kinds('说好的好评返现到现在也没给')).toEqual(['compliance_risk']);
  });

  it('is still extortion when the buyer binds a review to money of their own', () => {
    expect(kinds('不给我返现20元我就天天来差评')).toEqual(['extortion']);
  });
});

describe('competitor: a claim about the writer, not a mention of another shop', () => {
  it.each([
    ['我是同行，随便评评', '我是同行'],
    ['职业差评师，专治各种不服', '职业差评'],
    ['作为同行我都看不下去', '作为同行'],
  ])('%s → competitor %s', (text, span) => {
    expect(found(text)).toEqual([['competitor', span, text.indexOf(span)]]);
  });

  it.each(['比别家便宜', '隔壁家的更好用', '和同行比起来差远了'])('%s is no competitor claim', (text) => {
    expect(findPatterns(text)).toEqual([]);
  });
});
