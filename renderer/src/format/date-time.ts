import type { Language } from '../../../shared/domain/preferences';

// Building a formatter costs far more than using one, and long lists format hundreds of times.
const formatters = new Map<string, Intl.DateTimeFormat>();

function cachedFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * Shows a stored UTC epoch-ms instant as wall-clock time in the shop's time zone, as
 * `2026-11-24 06:02` in both languages: a four-digit year first, so no reader mistakes 12/02 for
 * the 12th of February or 26/11/24 for a day, and every row's time has the same width.
 */
export function formatDateTime(epochMs: number, timeZone: string, _language?: Language): string {
  const parts = cachedFormatter(timeZone).formatToParts(epochMs);
  const get = (type: Intl.DateTimeFormatPartTypes) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Human file size with one decimal, in binary units as file managers show them. */
export function formatBytes(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

/** Wall-clock parts of an instant in a time zone. */
function zonedParts(epochMs: number, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(epochMs);
  const get = (type: string) => Number(parts.find((part) => part.type === type)?.value ?? 0);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute'), second: get('second') };
}

/**
 * The instant a wall-clock time (`YYYY-MM-DD` or `YYYY-MM-DDTHH:mm`, as date and datetime-local
 * inputs give them) names in the shop's time zone; null when the text is not such a time.
 */
export function zonedInputToEpoch(value: string, timeZone: string): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2}))?$/.exec(value);
  if (!match) return null;
  const [, y, mo, d, h = '0', mi = '0'] = match;
  const asUtc = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi));
  if (Number.isNaN(asUtc)) return null;
  // The zone's offset at that moment: how far its wall clock is from UTC.
  const wall = zonedParts(asUtc, timeZone);
  const offset = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second) - asUtc;
  return asUtc - offset;
}

/** An instant as `YYYY-MM-DDTHH:mm` wall-clock time in a time zone, for a datetime-local input. */
export function epochToZonedInput(epochMs: number, timeZone: string): string {
  const p = zonedParts(epochMs, timeZone);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${p.year}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}
