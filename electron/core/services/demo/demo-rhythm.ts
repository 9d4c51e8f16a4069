import type { SeededRandom } from '../../../../shared/seeded-random';

/** Days of history the demo shop has. */
export const demoHistoryDays = 24;
/** Days before loading when the shop ran a promotion; reviews peak a few days after (delivery). */
export const promotionDaysAgo = 9;

const hourMs = 3600_000;
const dayMs = 24 * hourMs;
/** China time is UTC+8 all year. */
const chinaOffsetMs = 8 * hourMs;

/**
 * How many reviews an hour of the day (China time) gets, relative: buyers write them in the
 * evening after work, some at lunch, hardly any at night.
 */
const hourWeights = [1.2, 0.6, 0.3, 0.2, 0.2, 0.3, 0.5, 0.9, 1.3, 1.8, 2, 2.2, 2.6, 2.3, 1.9, 1.8, 1.9, 2.1, 2.6, 3.2, 3.9, 4.2, 3.6, 2.2];

/** Orders of the promotion day arrive 2–5 days later and their reviews with them. */
function dayWeight(daysAgo: number): number {
  const afterPromotion = promotionDaysAgo - daysAgo;
  const spike = [1, 1.3, 2.4, 3.1, 2.5, 1.8, 1.3][afterPromotion] ?? 1;
  return afterPromotion >= 0 ? spike : 1;
}

/**
 * `count` posted times (UTC ms, oldest first) over the `demoHistoryDays` before `end`, drawn
 * from the daily rhythm and the promotion spike; the same random source gives the same times
 * relative to `end`.
 */
export function postedTimes(random: SeededRandom, count: number, end: number): number[] {
  const slots: { start: number; weight: number }[] = [];
  let total = 0;
  // Whole China-time hours up to `end`; the hour `end` falls in counts for its part.
  const firstHour = Math.floor((end - demoHistoryDays * dayMs + chinaOffsetMs) / hourMs) * hourMs - chinaOffsetMs;
  for (let start = firstHour; start < end; start += hourMs) {
    const localHour = new Date(start + chinaOffsetMs).getUTCHours();
    const daysAgo = Math.floor((end - start) / dayMs);
    const part = Math.min(1, (end - start) / hourMs);
    const weight = (hourWeights[localHour] as number) * dayWeight(daysAgo) * part;
    total += weight;
    slots.push({ start, weight: total });
  }
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const target = random.next() * total;
    let low = 0;
    let high = slots.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((slots[middle] as { weight: number }).weight < target) low = middle + 1;
      else high = middle;
    }
    const slot = slots[low] as { start: number };
    times.push(Math.min(end - 1000, slot.start + Math.floor(random.next() * hourMs)));
  }
  return times.sort((a, b) => a - b);
}
