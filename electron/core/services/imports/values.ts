import type { ReviewLevel } from '../../../../shared/domain/reviews';

/** China has one time zone and no daylight saving: local time is UTC+8 all year. */
const chinaOffsetMs = 8 * 3600_000;
const dayMs = 86_400_000;
/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug folded in). */
const excelEpochMs = Date.UTC(1899, 11, 30);

function validDate(year: number, month: number, day: number, hour: number, minute: number, second: number): boolean {
  if (year < 1990 || year > 2100 || month < 1 || month > 12 || hour > 23 || minute > 59 || second > 59) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day >= 1 && day <= daysInMonth;
}

const localDateTime =
  /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:[ T]+(\d{1,2})[:时](\d{1,2})(?:[:分](\d{1,2})(?:\.\d+)?秒?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;

/**
 * A review time as UTC epoch ms, or null when it cannot be read. Accepts what exports contain:
 * `2026-11-24 09:30:00`, `2026/11/24 9:30`, `2026年11月24日 09:30`, a date alone, ISO with an
 * offset (the file says its zone), Excel serial numbers, and epoch seconds or milliseconds.
 * Times without a zone are China time.
 */
export function parseReviewTime(value: string): number | null {
  const match = localDateTime.exec(value);
  if (match) {
    const [year, month, day, hour, minute, second] = match.slice(1, 7).map((part) => (part === undefined ? 0 : Number(part))) as [
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    if (!validDate(year, month, day, hour, minute, second)) return null;
    const wall = Date.UTC(year, month - 1, day, hour, minute, second);
    const zone = match[7];
    if (zone === undefined) return wall - chinaOffsetMs;
    if (zone === 'Z') return wall;
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.replace(/[+:-]/g, '');
    return wall - sign * (Number(digits.slice(0, 2)) * 3600_000 + Number(digits.slice(2)) * 60_000);
  }
  if (/^\d{13}$/.test(value)) return Number(value);
  if (/^\d{10}$/.test(value)) return Number(value) * 1000;
  // Excel serial: days since 1899-12-30 with the time as a fraction; 32874 is 1990-01-01.
  if (/^\d{5}(\.\d+)?$/.test(value)) {
    const serial = Number(value);
    if (serial < 32874 || serial > 73051) return null;
    return excelEpochMs + Math.round(serial * dayMs) - chinaOffsetMs;
  }
  return null;
}

const levelWords: Record<string, ReviewLevel> = {
  好评: 'good',
  好: 'good',
  中评: 'neutral',
  中: 'neutral',
  差评: 'bad',
  差: 'bad',
  good: 'good',
  positive: 'good',
  neutral: 'neutral',
  bad: 'bad',
  negative: 'bad',
};

/** 好评/中评/差评 and their short and English forms. */
export function parseLevel(value: string): ReviewLevel | null {
  return levelWords[value.toLowerCase()] ?? null;
}

const chineseDigits: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5 };

/** Stars 1–5 as `4`, `4.0`, `4星`, `四星`, `★★★★☆`; a half star rounds to the nearest whole. */
export function parseRating(value: string): number | null {
  let rating: number | null = null;
  if (/^[★☆]+$/.test(value)) rating = [...value].filter((char) => char === '★').length;
  else {
    const match = /^(\d+(?:\.\d+)?|[一二两三四五])\s*(星|分|颗星)?$/.exec(value);
    if (match) rating = chineseDigits[match[1] as string] ?? Math.round(Number(match[1]));
  }
  return rating !== null && rating >= 1 && rating <= 5 ? rating : null;
}

/** 1–2 stars are 差评, 3 中评, 4–5 好评. */
export function levelForRating(rating: number): ReviewLevel {
  return rating <= 2 ? 'bad' : rating === 3 ? 'neutral' : 'good';
}

/** An image count, or the number of image links when the export lists them instead. */
export function parseCount(value: string): number | null {
  if (/^\d+$/.test(value)) return Number(value);
  if (value === '是' || value === '有') return 1;
  if (value === '否' || value === '无') return 0;
  const links = value.match(/https?:\/\//g);
  return links ? links.length : null;
}
