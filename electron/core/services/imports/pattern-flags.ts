import type { FlagParams } from '../../../../shared/contract';
import type { Sqlite } from '../../../../db/connection';
import { listBurstCandidates, listBuyersSharing, putBurstFlag, putSharedDeviceFlags } from '../../../../db/queries/imports';
import { inTransaction } from '../../../../db/transaction';

/** A burst: this many bad reviews of one product from new buyers … */
export const burstMinimum = 5;
/** … within this window. */
export const burstWindowMs = 24 * 3600_000;
/** Buyers on the same IP or device before it looks like one person with many accounts. */
export const sameDeviceMinimum = 3;
/** Buyers counted per IP or device; a flag says "50+" past this. */
const buyersListed = 50;

const chinaTime = (ms: number) => new Date(ms + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** A masked nick (t**1) could be anyone, so it never proves a buyer is a returning one. */
const isMasked = (nick: string) => nick.includes('*');

/**
 * Flags bursts of bad reviews on a product from buyers with no earlier review in the shop.
 * Runs after an import for the products it touched; each flag says how many, where and when.
 * Returns how many reviews were flagged.
 */
export function flagBursts(sqlite: Sqlite, shopId: number, products: Iterable<string>, now: number): number {
  let flagged = 0;
  for (const product of products) {
    const rows = listBurstCandidates(sqlite, shopId, product).filter((row) => row.buyer === null || isMasked(row.buyer) || row.seenBefore === 0);
    // Windows of at least burstMinimum reviews within burstWindowMs, merged where they overlap.
    const clusters: { from: number; to: number }[] = [];
    let start = 0;
    for (let end = 0; end < rows.length; end++) {
      while ((rows[end] as { postedAt: number }).postedAt - (rows[start] as { postedAt: number }).postedAt > burstWindowMs) start++;
      if (end - start + 1 < burstMinimum) continue;
      const last = clusters.at(-1);
      if (last && start <= last.to) last.to = end;
      else clusters.push({ from: start, to: end });
    }
    if (clusters.length === 0) continue;
    inTransaction(sqlite, () => {
      for (const cluster of clusters) {
        const members = rows.slice(cluster.from, cluster.to + 1);
        const first = members[0] as { postedAt: number };
        const last = members.at(-1) as { postedAt: number };
        const hours = Math.max(1, Math.ceil((last.postedAt - first.postedAt) / 3600_000));
        const params: FlagParams = { count: members.length, hours, product, from: first.postedAt, to: last.postedAt };
        const evidence = `${hours} 小时内「${product}」收到 ${members.length} 条差评，买家此前都没在本店评价过（北京时间 ${chinaTime(first.postedAt)} – ${chinaTime(last.postedAt)}）`;
        const paramsJson = JSON.stringify(params);
        for (const member of members) putBurstFlag(sqlite, member.id, evidence, paramsJson, now);
        flagged += members.length;
      }
    });
  }
  return flagged;
}

/**
 * Flags neutral/bad reviews written from an IP or device that several different buyers used,
 * when the export carries one. Returns how many reviews were flagged.
 */
export function flagSharedDevices(sqlite: Sqlite, shopId: number, keys: { ips: Iterable<string>; devices: Iterable<string> }, now: number): number {
  let flagged = 0;
  for (const [kind, label, values] of [
    ['ip', 'IP', keys.ips],
    ['device', '设备', keys.devices],
  ] as const) {
    for (const value of values) {
      const nicks = listBuyersSharing(sqlite, shopId, kind, value, buyersListed);
      if (nicks.length < sameDeviceMinimum) continue;
      const capped = nicks.length === buyersListed;
      const params: FlagParams = { kind, value, count: nicks.length, countCapped: capped, buyers: nicks.slice(0, 5) };
      const shown = nicks.slice(0, 5).join('、') + (nicks.length > 5 ? ' …' : '');
      const evidence = `同一${label} ${value} 被 ${nicks.length}${capped ? '+' : ''} 个不同买家使用（${shown}）`;
      flagged += putSharedDeviceFlags(sqlite, shopId, kind, value, { evidence, paramsJson: JSON.stringify(params), now });
    }
  }
  return flagged;
}
