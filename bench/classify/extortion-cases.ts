// Hand-written cases for the flags (hand-written text may live in the repository; corpus text may not).
// `expect`: the flag an honest reading gives. `compliance` is a buyer reporting the shop's own
// cash-for-review offer: a risk for the owner (issue 15, item 3), never an extortion flag on the buyer.

export type ExpectedFlag = 'extortion' | 'competitor' | 'compliance' | 'none';

export interface FlagCase {
  text: string;
  expect: ExpectedFlag;
  /** What makes the case worth having. */
  note: string;
}

export const flagCases: FlagCase[] = [
  { text: '不给我返现20元我就天天来差评', expect: 'extortion', note: 'condition 不…就 binding money and a review threat' },
  { text: '加我微信转50块钱我就删评，不然这个差评一直挂着', expect: 'extortion', note: 'money + 删评 + 不然' },
  { text: '赔我100块，否则我每个号都给你一星', expect: 'extortion', note: '否则 with a rating threat' },
  { text: '除非补偿我三十元，要不这条差评我不会改', expect: 'extortion', note: '除非 … 要不' },
  { text: '给个红包就改成好评，不给就一直差评', expect: 'extortion', note: '红包 → 改好评' },
  { text: '退我一半的钱我就追评说好话，要不然就曝光你们', expect: 'extortion', note: 'partial refund for a good follow-up' },
  { text: '返现10元我马上删评价', expect: 'extortion', note: 'plain offer to delete for cash' },
  { text: '商家搞好评返现，卡片上写五星好评返5元', expect: 'compliance', note: 'the shop offers cash for praise: platform-rule risk' },
  { text: '包裹里夹了张卡，说晒图好评就返现金红包，这种做法不对吧', expect: 'compliance', note: 'reporting the card in the parcel' },
  { text: '客服让我改好评给我返3块钱，我没理', expect: 'compliance', note: 'the shop asked for a changed review against cash' },
  { text: '我是同行，你家这款做工真差，大家别买', expect: 'competitor', note: 'a claim: the reviewer is a competitor' },
  { text: '职业差评，收钱办事，专门给这家刷一星', expect: 'competitor', note: 'professional bad reviewer' },
  { text: '比别家贵了二十块，质量还不如别家', expect: 'none', note: 'mentioning other shops is not a competitor claim' },
  { text: '隔壁店同款便宜一半，还包邮', expect: 'none', note: 'price comparison with another shop' },
  { text: '质量差，要求退款，客服不理，我要投诉', expect: 'none', note: 'an honest demand for a refund, no review bargaining' },
  { text: '差评，除非你们先处理好我的退货，不然我没法用', expect: 'none', note: 'condition words without money-for-review' },
  { text: '给了五块钱红包补偿，态度还行，但东西确实坏了', expect: 'none', note: 'the shop compensated; no bargaining' },
];
