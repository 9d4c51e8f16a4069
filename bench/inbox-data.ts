import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { AdjustableClock } from '../electron/core/clock';
import { seededRandom } from '../shared/seeded-random';

/** Review texts as shops see them: mostly praise, the rest spread over the complaint categories. */
const good = ['质量很好，物流也快，好评！', '和描述一致，做工精细，推荐购买', '第二次回购了，一如既往的好', '包装很用心，家人很喜欢', '性价比很高，下次还来', '穿着舒服，尺码标准，很满意'];
const neutral = ['一般般吧，没有想象中好', '还行，凑合用', '东西可以，就是价格有点贵', '中规中矩，没什么惊喜'];
const bad = [
  '物流太慢了，一个星期才到',
  '快递一直不更新，催了好几次',
  '质量太差了，用了两天就坏了',
  '收到就有破损，瑕疵明显',
  '尺码偏小两个码，和描述不符',
  '色差严重，跟图片不一样',
  '漏发了一件，联系客服也没用',
  '客服态度极差，爱答不理',
  '不退款就差评，给钱就改',
  '同行都比你便宜，别家买的好多了',
  '不喜欢，买贵了',
];
const products = Array.from({ length: 400 }, (_, i) => `商品${i} ${['保温杯', '四件套', '防晒衣', '蓝牙耳机', '毛巾', '餐具'][i % 6]}`);

/** The generated reviews are posted one minute apart from this instant. */
export const benchDataStart = Date.UTC(2025, 0, 1);

/**
 * The instant right after the last of `rows` generated reviews. Benches that run the SLA
 * scheduler freeze their clock here: imported cases open "now", their deadlines lie ahead and
 * never come due during the run, so no away summary opens over the UI, whatever today's date.
 */
export function benchDataEnd(rows: number): number {
  return benchDataStart + rows * 60_000;
}

/** A clock frozen at `benchDataEnd(rows)`. */
export function benchClock(rows: number): AdjustableClock {
  const clock = new AdjustableClock();
  clock.set(benchDataEnd(rows), { freeze: true });
  return clock;
}

export const benchHeaders = ['订单编号', '评价内容', '评价时间', '评分', '买家昵称', '商品名称', '规格', '追评内容', '图片数'];

/** One generated export row (China-time strings, 19-digit order numbers), deterministic per index. */
export function benchRow(random: ReturnType<typeof seededRandom>, index: number, start = benchDataStart): string[] {
  const roll = random.next();
  const rating = roll < 0.7 ? random.int(4, 5) : roll < 0.8 ? 3 : random.int(1, 2);
  const text = `${random.pick(rating >= 4 ? good : rating === 3 ? neutral : bad)}（第${index}单）`;
  const posted = start + index * 60_000 + random.int(0, 59) * 1000;
  const local = new Date(posted + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
  return [
    String(4_000_000_000_000_000_000n + BigInt(index)),
    text,
    local,
    String(rating),
    `买家${random.int(1, 200_000)}`,
    random.pick(products),
    '颜色分类:白色;尺码:M',
    rating <= 2 && random.next() < 0.1 ? '追评：还是没解决' : '',
    String(random.int(0, 3)),
  ];
}

/** Writes a CSV export of `count` rows, streamed (1M rows is ~140 MB). */
export async function writeBenchExport(path: string, count: number, seed = 1): Promise<void> {
  const random = seededRandom(seed);
  const out = createWriteStream(path);
  out.write(`\ufeff${benchHeaders.join(',')}\r\n`);
  let buffer = '';
  for (let i = 0; i < count; i++) {
    buffer += `${benchRow(random, i).join(',')}\r\n`;
    if (buffer.length > 1 << 20) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  out.end(buffer);
  await once(out, 'finish');
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}
