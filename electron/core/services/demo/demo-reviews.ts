import type { PlatformId } from '../../../../shared/domain/platforms';
import type { CaseCategory } from '../../../../shared/domain/reviews';
import { seededRandom } from '../../../../shared/seeded-random';
import { postedTimes } from './demo-rhythm';

/** Reviews per demo shop spread over the past weeks; plus the ones of the last hours and the burst. */
export const demoReviewsPerShop = 230;

const products = ['加厚保温杯 500ml', '纯棉四件套 1.8m', '儿童防晒衣', '无线蓝牙耳机', '竹纤维毛巾 3条装', '陶瓷餐具套装'];
const skus = ['颜色分类:白色', '颜色分类:黑色;尺码:M', '颜色分类:粉色;尺码:L', '规格:标准版', '规格:升级版'];
const nickStems = ['小鹿', '橘子', '阿木', '糖糖', '大熊', '晴天', '微风', '花卷', '柠檬', '星星', '土豆', '阿飞'];

const goodTexts = [
  '质量很好，物流也快，好评！',
  '和描述一致，做工精细，推荐购买',
  '第二次回购了，一如既往的好',
  '包装很用心，家人很喜欢',
  '性价比很高，下次还来',
  '穿着舒服，尺码标准',
  '很满意，五星好评',
];
const neutralTexts = ['一般般吧，没有想象中好', '还行，凑合用', '东西可以，就是价格有点贵', '中规中矩，没什么惊喜'];
/** Bad (and some neutral) texts per category the default rules should find. */
const negativeTexts: Record<CaseCategory, string[]> = {
  logistics: ['物流太慢了，一个星期才到', '快递一直不更新，催了好几次', '下单五天还不发货，差评', '配送太慢，耽误用了'],
  quality: ['质量太差了，用了两天就坏了', '收到就有破损，瑕疵明显', '洗了一次就掉色起球', '有股异味，做工粗糙'],
  mismatch: ['尺码偏小两个码，和描述不符', '色差严重，跟图片不一样', '货不对板，跟详情页两样'],
  wrong_item: ['漏发了一件，联系客服也没用', '发错颜色了，我要的是黑色', '少发了配件，缺件'],
  service: ['客服态度极差，爱答不理', '问问题客服不回复，敷衍了事'],
  malicious: ['不退款就差评，给钱就改', '返现删评，不然天天来差评', '我是同行，就是来给你刷差评的'],
  other: ['不喜欢，就这样吧', '买贵了，心里不舒服', '感觉一般，不会再买'],
};
const burstTexts = ['杯子漏水，质量太差', '用了一次就坏了，垃圾', '保温效果很差，质量不行', '盖子裂了，差评', '质量很差，不推荐', '一天就不保温了，质量差'];

/**
 * Bad reviews of the last hours (category, minutes before loading), chosen against the default
 * policies (first response 15 min; resolution 60–480 min by category) so the queue shows cases
 * just in, cases being worked, and a few due within the next 15–60 minutes.
 */
const recentComplaints: readonly [CaseCategory, number][] = [
  ['logistics', 6],
  ['quality', 12],
  ['malicious', 26],
  ['service', 42],
  ['logistics', 96],
  ['wrong_item', 152],
  ['mismatch', 205],
  ['other', 250],
  ['quality', 330],
  ['mismatch', 420],
];

const headers = ['评价ID', '订单编号', '评价内容', '评价时间', '评分', '买家昵称', '商品名称', '规格', '追评内容', '图片数'];

const pad = (value: number) => String(value).padStart(2, '0');

/** China time as exports write it. */
function exportTime(ms: number): string {
  const local = new Date(ms + 8 * 3600_000);
  return `${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())} ${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}`;
}

/**
 * A demo shop's review export as tab-separated text with the usual Chinese headers, posted over
 * the weeks before `now` (see demo-rhythm.ts) and in the last hours. Each row has a review id
 * that depends only on the seed and shop, so a second load (at any later time, when the posted
 * times come out different) imports nothing new. Includes extortion and competitor wording and
 * a burst of bad reviews on one product from new buyers.
 */
export function planDemoReviews(seed: number, shop: { platform: PlatformId; index: number }, now: number): string {
  const random = seededRandom(seed + 7919 * (shop.index + 1));
  const categories = Object.keys(negativeTexts) as CaseCategory[];
  const rows: string[][] = [];
  const orderBase = 3_000_000_000_000_000_000n + BigInt(shop.index) * 10_000_000_000n;
  const times = postedTimes(random, demoReviewsPerShop, now - 5 * 60_000);
  // Praise keeps arriving up to now; the bad reviews of the last hours are exactly the recent
  // complaints below (the rest move a day back, same hour), so the live queue's mix is known.
  const recentStart = now - 8 * 3600_000;
  const complaintTime = (at: number) => (at > recentStart ? at - 24 * 3600_000 : at);
  const row = (key: string, order: bigint, text: string, posted: number, rating: number, nick: string, product: string, sku: string, followUp: string, images: number) => [
    `demo-${seed}-${shop.index}-${key}`,
    String(order),
    text,
    exportTime(posted),
    String(rating),
    nick,
    product,
    sku,
    followUp,
    String(images),
  ];
  for (let i = 0; i < demoReviewsPerShop; i++) {
    const roll = random.next();
    let rating: number;
    let text: string;
    if (roll < 0.7) {
      rating = random.int(4, 5);
      text = random.pick(goodTexts);
    } else if (roll < 0.8) {
      rating = 3;
      text = random.pick(neutralTexts);
    } else {
      rating = random.int(1, 2);
      // Every category at least once, then at random.
      text = random.pick(negativeTexts[categories[i % categories.length] as CaseCategory]);
    }
    const followUp = rating <= 2 && random.next() < 0.2 ? '追评：联系了客服还是没解决' : '';
    const images = rating <= 2 ? random.int(0, 4) : random.int(0, 1);
    rows.push(row(String(i), orderBase + BigInt(i) * 7919n, text, rating <= 3 ? complaintTime(times[i] as number) : (times[i] as number), rating, `${random.pick(nickStems)}${random.int(100, 999)}`, random.pick(products), random.pick(skus), followUp, images));
  }
  recentComplaints.forEach(([category, minutesAgo], index) => {
    const posted = now - (minutesAgo + shop.index * 2) * 60_000 - random.int(0, 50) * 1000;
    const nick = `${random.pick(nickStems)}${random.int(100, 999)}`;
    rows.push(row(`r${index}`, orderBase + 8_000_000n + BigInt(index), random.pick(negativeTexts[category]), posted, random.int(1, 2), nick, random.pick(products), random.pick(skus), '', random.int(0, 3)));
  });
  // The burst: six bad reviews of one product within three hours, three evenings ago, from buyers seen nowhere else.
  const burstStart = now - 3 * 24 * 3600_000 - 3 * 3600_000;
  burstTexts.forEach((text, index) => {
    rows.push(row(`b${index}`, orderBase + 9_000_000n + BigInt(index), text, burstStart + index * 30 * 60_000, 1, `新用户${shop.index}${index}${random.int(1000, 9999)}`, products[0] as string, skus[0] as string, '', 0));
  });
  return [headers, ...rows].map((cells) => cells.join('\t')).join('\n');
}
